import { defineErrors } from '../../platform/errors/catalogue.js';

export const boardError = defineErrors({
  'board.not_found': { status: 404, 'zh-CN': '公示栏不存在', en: 'No such public board' },
  'board.region_not_found': { status: 404, 'zh-CN': '该地区不在本区', en: 'No such place in this district' },
  'board.bad_month': { status: 400, 'zh-CN': '请选择本月或以前的月份', en: 'Choose this month or an earlier one' },
});
