import { registerMessages } from '../../platform/i18n/i18n.js';

registerMessages({
  'zh-CN': { 'teams.not_found': '志愿服务队不存在' },
  en: { 'teams.not_found': 'No such team' },
});
