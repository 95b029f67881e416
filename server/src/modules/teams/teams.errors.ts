import { defineErrors } from '../../platform/errors/catalogue.js';

export const teamsError = defineErrors({
  'teams.not_found': { status: 404, 'zh-CN': '志愿服务队不存在', en: 'No such team' },
});
