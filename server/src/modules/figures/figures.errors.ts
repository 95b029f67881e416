import { defineErrors } from '../../platform/errors/catalogue.js';

export const figuresError = defineErrors({
  'figures.bad_period': { status: 400, 'zh-CN': '开始日期不能晚于结束日期', en: 'The period starts after it ends' },
  'figures.period_too_long': { status: 400, 'zh-CN': '统计周期最长 {days} 天', en: 'A period is at most {days} days long' },
});
