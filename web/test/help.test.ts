import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { guideImage, guideRoles, guideText, rolesWithGuides } from '../src/features/help/guides';
import { Markdown, parseBlocks } from '../src/features/help/markdown';

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text, image: guideImage }));

describe('the guides in docs/guide', () => {
  it('has one per role in zh-CN and en, each titled, with every image it names committed', () => {
    for (const role of guideRoles) {
      for (const lang of ['zh-CN', 'en']) {
        const text = guideText(role, lang);
        expect([role, lang, text.startsWith('# ')]).toEqual([role, lang, true]);
        for (const [, src] of text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
          expect([role, lang, src, typeof guideImage(src!)]).toEqual([role, lang, src, 'string']);
          expect(fs.existsSync(path.resolve(import.meta.dirname, '../../docs/guide/en', src!))).toBe(true);
        }
      }
    }
    expect(guideText('volunteer', 'zh-CN')).toContain('积分超市');
    expect(guideText('volunteer', 'en')).toContain('Points mall');
  });

  it('offers the widest role first, and the resident guide to anyone without a role guide', () => {
    expect(rolesWithGuides(['volunteer', 'teamLeader', 'resident'])).toEqual(['teamLeader', 'volunteer', 'resident']);
    expect(rolesWithGuides(['communityAdmin'])).toEqual(['communityAdmin']);
    expect(rolesWithGuides([])).toEqual(['resident']);
  });
});

describe('the help renderer', () => {
  it('renders headings, paragraphs, lists, bold, code and links', () => {
    expect(parseBlocks('# T\n\nline one\nline two\n\n- a\n- b\n1. c')).toEqual([
      { kind: 'heading', level: 1, text: 'T' },
      { kind: 'paragraph', text: 'line one line two' },
      { kind: 'list', ordered: false, items: ['a', 'b'] },
      { kind: 'list', ordered: true, items: ['c'] },
    ]);
    expect(html('## 派单\n\n点 **受理**，见 `/h5` 与 [文档](https://example.org/a)')).toBe(
      '<div class="lx-help-text"><h3>派单</h3><p>点 <strong>受理</strong>，见 <code>/h5</code> 与 <a href="https://example.org/a" target="_blank" rel="noreferrer">文档</a></p></div>',
    );
  });

  it('shows raw HTML as text, and links and images only to safe, known places', () => {
    const out = html('<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](//evil.example) [z](/h5/mall)\n\n![a](https://evil.example/t.png)');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toContain('javascript:');
    expect(out).not.toContain('evil.example');
    expect(out).toContain('<a href="/h5/mall">z</a>');
    expect(out).not.toContain('<img');
  });

  it('draws a picture the way the page asks (the phone: a button opening it full-screen, no shrunk screenshot)', () => {
    const text = guideText('teamLeader', 'zh-CN');
    expect(html(text)).toContain('<img');
    const asButton = renderToStaticMarkup(createElement(Markdown, { text, image: guideImage, picture: ({ alt, key }) => createElement('button', { key }, alt) }));
    expect(asButton).not.toContain('<img');
    expect(asButton).toContain('<button>手机上指派队员</button>');
  });
});
