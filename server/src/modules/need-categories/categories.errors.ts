import { defineErrors } from '../../platform/errors/catalogue.js';

/*
 * The categories' codes keep the `needs.` prefix they were published with (clients and the OpenAPI
 * document name them): the module moved, the contract did not. The needs module throws
 * `needs.category_not_found` too, for a need filed under a category that does not exist.
 */
export const categoriesError = defineErrors({
  'needs.category_not_found': { status: 400, 'zh-CN': '分类不存在', en: 'No such category' },
  'needs.category_code_taken': { status: 409, 'zh-CN': '分类编码已存在', en: 'This category code exists already' },
  'needs.category.not_found': { status: 404, 'zh-CN': '分类不存在', en: 'No such category' },
  'needs.reply_template.not_found': { status: 404, 'zh-CN': '答复模板不存在', en: 'No such reply template' },
});
