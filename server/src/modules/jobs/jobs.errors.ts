import { defineErrors } from '../../platform/errors/catalogue.js';

export const jobsError = defineErrors({
  'jobs.not_found': { status: 404, 'zh-CN': '任务不存在', en: 'No such job' },
  'jobs.not_retryable': { status: 409, 'zh-CN': '只有失败或等待中的任务可以重试', en: 'Only a failed or waiting job can be retried' },
});
