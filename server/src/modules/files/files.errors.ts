import { registerMessages } from '../../platform/i18n/i18n.js';

registerMessages({
  'zh-CN': {
    'files.not_found': '文件不存在',
    'files.empty': '文件为空',
    'files.too_large': '文件过大，最大 {limit} MB',
    'files.not_an_image': '只能上传图片（JPG、PNG、GIF、WebP）',
    'files.missing': '请选择要上传的文件',
    'files.quota': '今天上传的图片已达上限（每天 {files} 张、{megabytes} MB），请明天再试',
    'files.multipart_required': '请以表单文件（multipart/form-data）方式上传图片',
    'field.file': '文件',
  },
  en: {
    'files.not_found': 'No such file',
    'files.empty': 'The file is empty',
    'files.too_large': 'The file is too large (at most {limit} MB)',
    'files.not_an_image': 'Only images can be uploaded (JPG, PNG, GIF, WebP)',
    'files.missing': 'Choose a file to upload',
    'files.quota': 'You have reached today’s upload limit ({files} images, {megabytes} MB); try again tomorrow',
    'files.multipart_required': 'Upload the image as a form file (multipart/form-data)',
    'field.file': 'file',
  },
});
