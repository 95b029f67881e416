import { defineErrors } from '../../platform/errors/catalogue.js';

// regions.not_found is the scope helper's (platform/scope/scope.errors.ts): out of scope answers like missing.
export const regionsError = defineErrors({
  'regions.code_taken': { status: 409, 'zh-CN': '编码已被使用', en: 'This code is already used' },
  'regions.bad_level': { status: 400, 'zh-CN': '「{child}」不能放在「{parent}」之下', en: 'A {child} cannot be placed under a {parent}' },
  'regions.too_deep': { status: 400, 'zh-CN': '层级过深，最多 {limit} 级', en: 'Too deep: at most {limit} levels' },
  'regions.not_empty': { status: 409, 'zh-CN': '该节点下仍有下级节点或人员，不能删除', en: 'The node still has children or people and cannot be deleted' },
  'regions.move_into_self': { status: 400, 'zh-CN': '不能把节点移动到它自己的下级', en: 'A node cannot be moved below itself' },
  'regions.root_fixed': { status: 400, 'zh-CN': '区级根节点不能移动或删除', en: 'The district root cannot be moved or deleted' },
});
