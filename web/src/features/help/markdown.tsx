import type { ReactNode } from 'react';

/*
 * A small, safe Markdown renderer for the guides: headings (#, ##, ###), paragraphs, lists (- and 1.),
 * bold, inline code, links and images. Everything becomes React elements, so text is always escaped;
 * raw HTML is shown as text. Links open only http(s) addresses and in-app paths; an image shows only
 * when `image` knows its source (the committed screenshots).
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'image'; alt: string; src: string };

const IMAGE = /^!\[([^\]]*)\]\(([^)\s]+)\)$/;

/** Splits Markdown into blocks; lines that continue a paragraph or list item are joined. */
export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list) blocks.push({ kind: 'list', ...list });
    paragraph = [];
    list = undefined;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const item = /^(?:([-*])|(\d+)[.)])\s+(.*)$/.exec(line);
    const image = IMAGE.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: heading[2]! });
    } else if (image) {
      flush();
      blocks.push({ kind: 'image', alt: image[1]!, src: image[2]! });
    } else if (item) {
      const ordered = item[2] !== undefined;
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[3]!);
    } else if (list && raw.startsWith(' ')) list.items[list.items.length - 1] += ` ${line}`;
    else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** An address a guide may link to: the web, or a page of this app. */
export function safeHref(href: string): string | undefined {
  return /^https?:\/\//.test(href) || /^\/(?!\/)/.test(href) ? href : undefined;
}

const INLINE = /\*\*(.+?)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Bold, inline code and links inside a line of text. */
export function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const key = out.length;
    if (m[1] !== undefined) out.push(<strong key={key}>{m[1]}</strong>);
    else if (m[2] !== undefined) out.push(<code key={key}>{m[2]}</code>);
    else {
      const href = safeHref(m[4]!);
      const external = href !== undefined && !href.startsWith('/');
      out.push(href ? <a key={key} href={href} target={external ? '_blank' : undefined} rel={external ? 'noreferrer' : undefined}>{m[3]}</a> : m[3]);
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** How a page shows a guide's picture: by default the image itself, in the text. */
export type PictureView = (picture: { url: string; alt: string; key: number }) => ReactNode;
const inline: PictureView = ({ url, alt, key }) => <img key={key} src={url} alt={alt} loading="lazy" />;

/**
 * The guide as elements; `image` maps a source to a bundled URL (unknown sources are left out), and
 * `picture` draws it (the phone opens it full-screen instead: a screenshot shrunk into the text has
 * text far too small to read).
 */
export function Markdown({ text, image, picture = inline }: { text: string; image: (src: string) => string | undefined; picture?: PictureView }) {
  return (
    <div className="lx-help-text">
      {parseBlocks(text).map((b, i) => {
        if (b.kind === 'heading') {
          const H = `h${b.level + 1}` as 'h2' | 'h3' | 'h4';
          return <H key={i}>{renderInline(b.text)}</H>;
        }
        if (b.kind === 'list') {
          const L = b.ordered ? 'ol' : 'ul';
          return <L key={i}>{b.items.map((item, j) => <li key={j}>{renderInline(item)}</li>)}</L>;
        }
        if (b.kind === 'image') {
          const url = image(b.src);
          return url ? picture({ url, alt: b.alt, key: i }) : null;
        }
        return <p key={i}>{renderInline(b.text)}</p>;
      })}
    </div>
  );
}
