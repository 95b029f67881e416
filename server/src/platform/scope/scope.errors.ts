import { defineErrors } from '../errors/catalogue.js';

/** A region out of the caller's scope answers exactly like a missing one. */
export const scopeError = defineErrors({
  'regions.not_found': { status: 404, 'zh-CN': '区域节点不存在', en: 'No such region node' },
});
