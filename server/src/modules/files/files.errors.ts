import { defineErrors } from '../../platform/errors/catalogue.js';
import { registerMessages } from '../../platform/i18n/i18n.js';

export const filesError = defineErrors({
  'files.not_found': { status: 404, 'zh-CN': '文件不存在', en: 'No such file' },
  'files.empty': { status: 400, 'zh-CN': '文件为空', en: 'The file is empty' },
  'files.too_large': { status: 413, 'zh-CN': '文件过大，最大 {limit} MB', en: 'The file is too large (at most {limit} MB)' },
  'files.not_an_image': { status: 415, 'zh-CN': '只能上传图片（JPG、PNG、GIF、WebP）', en: 'Only images can be uploaded (JPG, PNG, GIF, WebP)' },
  'files.missing': { status: 400, 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  'files.quota': { status: 429, 'zh-CN': '今天上传的图片已达上限（每天 {files} 张、{megabytes} MB），请明天再试', en: 'You have reached today’s upload limit ({files} images, {megabytes} MB); try again tomorrow' },
  'files.multipart_required': { status: 415, 'zh-CN': '请以表单文件（multipart/form-data）方式上传图片', en: 'Upload the image as a form file (multipart/form-data)' },
});

registerMessages({
  'zh-CN': {
    'field.file': '文件',
  },
  en: {
    'field.file': 'file',
  },
});
