import { describe, expect, it } from 'vitest';
import '../errors/platform.errors.js';
import { pickLocale, translate } from './i18n.js';

describe('locale and messages', () => {
  it('defaults to zh-CN and honours English by preference order', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
    expect(pickLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLocale('fr-FR, en;q=0.5')).toBe('en');
    expect(pickLocale('de')).toBe('zh-CN');
  });
  it('names the field in the user’s words and the API’s', () => {
    expect(translate('zh-CN', 'validation.required', { field: 'phone' })).toBe('缺少必填字段：手机号 (phone)');
    expect(translate('en', 'validation.maxLength', { field: 'name', limit: 50 })).toBe('Field name (name) is too long (at most 50 characters)');
  });
});
