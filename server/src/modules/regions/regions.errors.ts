import { registerMessages } from '../../platform/i18n/i18n.js';

registerMessages({
  'zh-CN': {
    'regions.not_found': '区域节点不存在',
    'regions.code_taken': '编码已被使用',
    'regions.bad_level': '「{child}」不能放在「{parent}」之下',
    'regions.too_deep': '层级过深，最多 {limit} 级',
    'regions.not_empty': '该节点下仍有下级节点或人员，不能删除',
    'regions.move_into_self': '不能把节点移动到它自己的下级',
    'regions.root_fixed': '区级根节点不能移动或删除',
  },
  en: {
    'regions.not_found': 'No such region node',
    'regions.code_taken': 'This code is already used',
    'regions.bad_level': 'A {child} cannot be placed under a {parent}',
    'regions.too_deep': 'Too deep: at most {limit} levels',
    'regions.not_empty': 'The node still has children or people and cannot be deleted',
    'regions.move_into_self': 'A node cannot be moved below itself',
    'regions.root_fixed': 'The district root cannot be moved or deleted',
  },
});
