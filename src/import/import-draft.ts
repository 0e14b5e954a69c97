// A lesson draft from a file a teacher brings: a slide deck (Marp, reveal.js, Pandoc, GitPitch, remark.js, Slidev), a
// plain-text article, or a saved web page's article, told apart by what the file holds. `lectern import` and the studio's Import both start here.
import { detectDeck } from './detect-deck.ts';
import { remarkSource } from './dialects/remark.ts';
import { pageArticle } from './import-web-page.ts';
import { importArticle, type ImportedLesson } from './import-article.ts';
import { importDeck, type ImportedDeck } from './import-deck.ts';

export type Draft = ({ kind: 'deck' } & ImportedDeck) | ({ kind: 'article' } & ImportedLesson);

export interface DraftOptions {
  title?: string;
  /** Does this path (relative to the file's folder) name a file? (A deck's pictures are copied beside the lesson.) */
  fileExists: (path: string) => boolean;
}

/** `fileName` is the file's name (its extension says whether it may be a deck); `text` its contents. */
export function importDraft(fileName: string, text: string, options: DraftOptions): Draft {
  const name = fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '');
  const fallbackTitle = name.replace(/[-_]+/g, ' ').replace(/^\w/, (letter) => letter.toUpperCase());
  const title = options.title ? { title: options.title } : {};
  // A remark.js deck saved as a web page: its slides are the Markdown in the page's `<textarea id="source">`.
  const remark = /\.x?html?$/i.test(fileName) ? remarkSource(text) : undefined;
  if (remark !== undefined) {
    const deck = { flavour: 'remark' as const, reasons: ['a remark.js page: the slides of its `<textarea id="source">`'] };
    return { kind: 'deck', ...importDeck(remark, deck, { ...title, path: fileName, fallbackTitle, fileExists: options.fileExists }) };
  }
  // Any other web page: its article, as a plain-text article with its sources.
  if (/\.x?html?$/i.test(fileName)) {
    const page = pageArticle(text, fileName.replace(/^.*[/\\]/, ''));
    const pageTitle = options.title ?? page.title;
    return {
      kind: 'article',
      ...importArticle(page.text, {
        ...(pageTitle ? { title: pageTitle } : {}),
        fallbackTitle,
        path: fileName,
        source: fileName.replace(/^.*[/\\]/, ''),
        sourceInfo: page.source,
        leftOut: page.leftOut,
      }),
    };
  }
  const detected = /\.txt$/i.test(fileName) ? undefined : detectDeck(text);
  // A `.qmd` file is Quarto's, whatever else it looks like.
  const deck = /\.qmd$/i.test(fileName)
    ? { flavour: 'quarto' as const, reasons: ['a Quarto document (`.qmd`)', ...(detected?.flavour === 'quarto' ? detected.reasons : [])] }
    : detected;
  if (deck) return { kind: 'deck', ...importDeck(text, deck, { ...title, path: fileName, fallbackTitle, fileExists: options.fileExists }) };
  return { kind: 'article', ...importArticle(text, { ...title, path: fileName, fallbackTitle, source: fileName.replace(/^.*[/\\]/, '') }) };
}
