// A web page a teacher saved (`article.html`): its article, found by Mozilla's Readability (Firefox's reader view) on a
// DOM built by linkedom, as plain text with its headings, paragraphs, lists and figure captions, ready for the article
// import (import-article.ts); its title, byline, site and date for the lesson's sources; what was left out, counted.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { EnvironmentError } from '../shared/environment-error.ts';

export interface PageArticle {
  /** The article as plain text: `**Heading**` lines, paragraphs and list items one per line, blank lines between. */
  text: string;
  title?: string;
  source: { title: string; publisher?: string; url?: string; date?: string };
  /** What the draft leaves out, for the teacher. */
  leftOut: string[];
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node> };
const ELEMENT = 1;

/** The article's blocks as lines of text, in order. */
function blockLines(node: Node, out: string[], counts: { figures: number }): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType !== ELEMENT) {
      const text = clean(child.textContent);
      if (text) out.push(text, '');
      continue;
    }
    const name = child.nodeName.toLowerCase();
    if (/^h[1-6]$/.test(name)) {
      const text = clean(child.textContent);
      if (text) out.push(`**${text}**`, '');
    } else if (name === 'p' || name === 'pre') {
      const text = clean(child.textContent);
      if (text) out.push(text, '');
    } else if (name === 'li') {
      const text = clean(child.textContent);
      if (text) out.push(`- ${text}`);
    } else if (name === 'ul' || name === 'ol') {
      blockLines(child, out, counts);
      out.push('');
    } else if (name === 'figure') {
      counts.figures++;
      const caption = Array.from(child.childNodes).find((inner) => inner.nodeName.toLowerCase() === 'figcaption');
      const text = clean(caption?.textContent);
      if (text) out.push(text, '');
    } else if (name === 'img' || name === 'picture') counts.figures++;
    else if (name === 'table') {
      const text = clean(child.textContent);
      if (text) out.push(text, '');
    } else blockLines(child, out, counts);
  }
}

/** `<meta property="…" content="…">` or `<meta name="…">`. */
function meta(document: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content');
    if (value?.trim()) return value.trim();
  }
  return undefined;
}

/** The article of a saved web page; a page with none (a sign-in form, a list of links) is a clear error. */
export function pageArticle(html: string, fileName: string): PageArticle {
  const { document } = parseHTML(html);
  const pageWords = words(clean(document.body?.textContent));
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta(document, 'og:url');
  const published = meta(document, 'article:published_time', 'date', 'pubdate') ?? document.querySelector('time[datetime]')?.getAttribute('datetime');
  // Read before Readability, which takes the page apart as it looks for the article.
  const dates = new Set([...document.querySelectorAll('time')].map((time) => clean(time.textContent)).filter(Boolean));
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content || words(clean(article.textContent)) < 40)
    throw new EnvironmentError(
      `"${fileName}" is a web page with no article in it that Lectern could find. Save the page of the article itself (in your browser: File → Save Page As), or copy the article's text into a .txt file and import that.`,
    );
  const { document: content } = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`);
  const lines: string[] = [];
  const counts = { figures: 0 };
  blockLines(content.body as unknown as Node, lines, counts);
  const title = clean(article.title) || undefined;
  // The title is the lesson's and the date goes in its sources: a line that only repeats one of them is left out.
  const body = lines.filter((line) => !(title && line === `**${title}**`) && !dates.has(line.replace(/^\*\*|\*\*$/g, '')));
  const byline = clean(article.byline).replace(/^by\s+/i, '');
  const site = clean(article.siteName) || meta(document, 'og:site_name');
  const date = /^\d{4}-\d{2}-\d{2}/.exec(clean(article.publishedTime) || published || '')?.[0];
  const leftOut = [
    `the page's menus, links, forms and other text around the article (${Math.max(0, pageWords - words(clean(article.textContent)))} of its ${pageWords} words)`,
    ...(counts.figures > 0
      ? [
          `${counts.figures === 1 ? 'a picture' : `${counts.figures} pictures`}: ${counts.figures === 1 ? 'its caption is' : 'their captions are'} kept as text; save a picture beside the lesson to show it`,
        ]
      : []),
  ];
  return {
    text: `${body
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()}\n`,
    ...(title ? { title } : {}),
    source: {
      title: title ?? fileName,
      ...(site || byline ? { publisher: [site, byline && `by ${byline}`].filter(Boolean).join(', ') } : {}),
      ...(url && /^https?:\/\//.test(url) ? { url } : {}),
      ...(date ? { date } : {}),
    },
    leftOut,
  };
}
