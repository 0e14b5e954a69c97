// Turn a lesson's text into the lesson model, recording every mistake on the file with its place.
import * as posixPath from 'pathe';
import { fromHtml } from 'hast-util-from-html';
import type { Html, Image, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit, SKIP } from 'unist-util-visit';
import { VFile } from 'vfile';
import { BLOCK_NAMES, blockParsers, isBlockKind } from './blocks/index.ts';
import { parseFrontMatter } from './front-matter.ts';
import { placeOf, plainText } from './inline-text.ts';
import { BUILT_IN_DEFAULTS, paperFor, type Asset, type Lesson, type LessonDefaults, type LessonMeta, type Slide, type SlidePart } from './model.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { fixImagesWithSpaces } from './image-paths.ts';
import { readImageSizes } from './image-sizes.ts';
import { readLanguageSpans } from './language-spans.ts';
import { fixColumnFences, parseColumns, reportStrayColumn } from './columns.ts';
import { takeBackground } from './slide-background.ts';
import { fixSpacedOpeners, reportLookAlikeBlockLines, reportUnclosedBlocks } from './block-lines.ts';
import { didYouMean, hasErrors, report, type Place } from './problems.ts';
import { splitAtNoteLabel } from './speaker-notes.ts';
import { checkMath, displayMathParagraphs } from './lesson-math.ts';
import { removeStyleBlocks } from './style-blocks.ts';
import { lintAccessibility, lintUnmarkedLanguages } from './accessibility-lint.ts';
import { detectLanguage, guessLanguage, lessonLanguage, proseOfMarkdown } from './lesson-language.ts';
import { ENGLISH_LABELS, lessonLabels, type LanguageFile } from '../labels/lesson-labels.ts';
import { nameCountriesInLanguage } from './map-names.ts';

declare module 'vfile' {
  interface DataMap {
    /** The language of the lesson being read: its `lang`, else detected from its words. */
    lang: string;
  }
}
import { toString } from 'mdast-util-to-string';

const LAYOUT_DIRECTIVES = ['notes', 'incremental', 'columns'];
const KNOWN_DIRECTIVES = [...BLOCK_NAMES, ...LAYOUT_DIRECTIVES];

export interface ParsedLesson {
  lesson?: Lesson;
  file: VFile;
  /** The files the lesson refers to, also when it has errors: a missing picture is reported with the other mistakes. */
  assets?: Asset[];
}

/**
 * Parse a lesson. `filePath` is how messages name the file; `slug` names the lesson's output folder;
 * `defaults` come from the project config and yield to the lesson's own front matter.
 */
export function parseLesson(
  text: string,
  filePath: string,
  slug: string,
  defaults: LessonDefaults = {},
  languages: Record<string, LanguageFile> = {},
): ParsedLesson {
  const file = new VFile({ path: filePath, value: text.replace(/^\uFEFF/, '') });
  if (String(file.value).trim() === '') {
    report(
      file,
      'error',
      'The lesson file is empty. Start it with front matter (---, title: Your title, ---) and then your slides.',
      { line: 1, column: 1 },
      'empty-file',
    );
    return { file };
  }

  const written = fixColumnFences(text.replace(/^\uFEFF/, ''));
  let tree = parseMarkdown(written);
  const source = fixSpacedOpeners(tree, written, file);
  if (source !== written) tree = parseMarkdown(source);
  removeComments(tree);
  reportUnclosedBlocks(tree, source, file);
  reportLookAlikeBlockLines(tree, source, file);
  restoreStrayDirectives(tree, source);
  fixImagesWithSpaces(tree, file);
  displayMathParagraphs(tree, source);
  checkMath(tree, source, file);
  readImageSizes(tree, source, file);
  readLanguageSpans(tree, file);
  lintAccessibility(tree, source, file);
  const [first] = tree.children;
  let meta: LessonMeta | undefined;
  let pageSizeGiven = false;
  if (first?.type === 'yaml') {
    const frontMatter = parseFrontMatter(first.value, (first.position?.start.line ?? 1) + 1, file);
    if (frontMatter) {
      pageSizeGiven = frontMatter.pageSize !== undefined;
      const labels = { ...defaults.labels, ...frontMatter.labels };
      meta = { ...BUILT_IN_DEFAULTS, ...defaults, ...frontMatter, ...(Object.keys(labels).length > 0 ? { labels } : {}) };
    }
  } else {
    report(
      file,
      'error',
      'The lesson has no front matter, so it has no title. Start the file with three lines: `---`, `title: Your lesson title`, `---`.',
      { line: 1, column: 1 },
      'front-matter-missing',
    );
  }

  // The language the lesson's words are in, for what its blocks may write in it (a map's country names).
  file.data.lang = meta?.lang ?? detectLanguage(proseOfMarkdown(source.replace(/^---\n[^]*?\n---\n/, '')));
  if (meta) lintUnmarkedLanguages(tree, meta.lang ?? guessLanguage(toString(tree)), file);
  removeStyleBlocks(tree, file, meta?.allowHtml === true);
  const content = tree.children.filter((node) => node.type !== 'yaml');
  const assets: Asset[] = [];
  const slides = splitSlides(content, source, file)
    .map((nodes) => buildSlide(nodes, file, assets))
    .filter((slide) => slide !== undefined);

  if (!meta || hasErrors(file)) return { file, assets };
  const lesson: Lesson = { slug, meta, slides, assets, labels: ENGLISH_LABELS };
  // Paper the lesson does not name (nor its project) is the size its language's schools print on.
  if (defaults.pageSize === undefined && !pageSizeGiven) meta.pageSize = paperFor(lessonLanguage(lesson));
  const words = lessonLabels(lessonLanguage(lesson), meta.labels, languages);
  lesson.labels = words.labels;
  // Both stand at the top of the lesson, where its front matter (and `lang:`) is.
  for (const problem of words.problems) report(file, 'error', problem, { line: 1, column: 1 }, 'labels-file');
  if (words.fallback) report(file, 'warning', words.fallback, { line: 1, column: 1 }, 'labels-language');
  if (hasErrors(file)) return { file };
  nameCountriesInLanguage(lesson);
  return { lesson, file };
}

/** Split at `---` lines; text directly above `---` (a Markdown heading underline) is treated as a slide break too. */
function splitSlides(nodes: RootContent[], source: string, file: VFile): RootContent[][] {
  const lines = source.split(/\r?\n/);
  const slides: RootContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'thematicBreak') {
      slides.push([]);
      continue;
    }
    const end = node.position?.end.line;
    if (node.type === 'heading' && end !== undefined && node.position?.start.line !== end && /^\s*-+\s*$/.test(lines[end - 1] ?? '')) {
      report(
        file,
        'warning',
        'The `---` below this text has no empty line above it, so Markdown would read the text as a heading. Lectern treats it as a slide break; add an empty line above `---` to make that clear.',
        { line: end, column: 1 },
        'slide-break-spacing',
      );
      slides.at(-1)!.push({ type: 'paragraph', children: node.children, position: node.position });
      slides.push([]);
      continue;
    }
    slides.at(-1)!.push(node);
  }
  return slides.filter((slide) => slide.length > 0);
}

function buildSlide(nodes: RootContent[], file: VFile, assets: Asset[]): Slide | undefined {
  const parts: SlidePart[] = [];
  const notes: RootContent[] = [];
  const addMarkdown = (node: RootContent, incremental = false) => {
    collectImages(node, file, assets);
    const last = parts.at(-1);
    if (last?.kind === 'markdown' && last.incremental === incremental) last.nodes.push(withoutPositions(node));
    else parts.push({ kind: 'markdown', nodes: [withoutPositions(node)], incremental });
  };

  const titleHeading = nodes.find((node) => node.type === 'heading' && node.depth <= 2);
  const backgroundImage = titleHeading?.type === 'heading' ? takeBackground(titleHeading, file) : undefined;
  const background = backgroundImage && checkImagePath(backgroundImage.url, 'background', backgroundImage.place, file, assets);
  const split = splitAtNoteLabel(nodes);
  if (split.line !== undefined && split.nested) {
    report(
      file,
      'warning',
      '`Note:` starts the speaker notes here, inside a paragraph, list, quote or block: the rest of this slide is notes, not shown to students. If that is what you want, put `Note:` at the start of its own paragraph after the list or block; if students should read it, write `**Note:**`.',
      { line: split.line, column: 1 },
      'note-label',
    );
  }
  for (const node of split.kept) {
    if (node.type !== 'containerDirective') {
      addMarkdown(node);
      continue;
    }
    const directive = node as ContainerDirective;
    if (directive.name === 'notes') notes.push(...directive.children.map(withoutPositions));
    else if (directive.name === 'incremental') directive.children.forEach((child) => addMarkdown(child as RootContent, true));
    else if (directive.name === 'columns') {
      const columns = parseColumns(directive, file, (child) => {
        collectImages(child, file, assets);
        return withoutPositions(child);
      });
      if (columns) parts.push(columns);
    } else if (directive.name === 'column') reportStrayColumn(directive, file);
    else if (isBlockKind(directive.name)) {
      const block = blockParsers[directive.name](directive, file);
      if (block) parts.push(block);
    } else {
      report(
        file,
        'error',
        `Unknown block ":::${directive.name}".${didYouMean(directive.name, KNOWN_DIRECTIVES)} Known blocks: ${KNOWN_DIRECTIVES.map((name) => `${name === 'columns' ? '::::' : ':::'}${name}`).join(', ')}.`,
        placeOf(directive),
        'unknown-block',
      );
    }
  }
  for (const node of split.notes) {
    const unwrapped = node.type === 'containerDirective' && node.name === 'notes' ? (node.children as RootContent[]) : [node];
    notes.push(...unwrapped.map(withoutPositions));
  }

  if (parts.length === 0 && notes.length === 0) return undefined;
  const heading = nodes.find((node) => node.type === 'heading' && node.depth <= 2);
  const title = heading ? plainText(heading) : undefined;
  return { line: nodes[0].position?.start.line ?? 1, ...(title ? { title } : {}), ...(background ? { background } : {}), parts, notes };
}

/** Images must be files inside the lesson's folder: the deck has to work offline. */
function collectImages(node: RootContent, file: VFile, assets: Asset[]): void {
  visit(node, 'image', (image: Image) => {
    const path = checkImagePath(image.url, image.data?.decorative ? 'decorative' : (image.alt ?? ''), placeOf(image) ?? { line: 1, column: 1 }, file, assets);
    if (path) image.url = path;
  });
  // Raw HTML images follow the same rules (the deck drops any that are not checked assets).
  visit(node, 'html', (html: Html) => {
    visit(fromHtml(html.value, { fragment: true }), 'element', (element) => {
      if (element.tagName === 'img' && typeof element.properties.src === 'string') {
        checkImagePath(
          element.properties.src,
          typeof element.properties.alt === 'string' ? element.properties.alt : '',
          placeOf(html) ?? { line: 1, column: 1 },
          file,
          assets,
        );
      }
    });
  });
}

/** The image's path inside the lesson's folder, or undefined (reported) when it is remote, absolute or outside. */
function checkImagePath(rawUrl: string, alt: string, place: Place, file: VFile, assets: Asset[]): string | undefined {
  const url = safeDecode(rawUrl);
  const fix = "Save the image in the lesson's folder (or a folder inside it) and write a relative path, like `![A map of East Asia](images/map.png)`.";
  let result: string | undefined;
  if (/^[a-z]:[\\/]/i.test(url) || /^file:/i.test(url)) {
    const name = url.split(/[\\/]/).at(-1) || 'map.png';
    report(
      file,
      'error',
      `The image path "${rawUrl}" is an absolute path on your computer, so the deck and the PDFs cannot find it anywhere else. Copy the image next to the lesson (for example into an images folder) and write \`images/${name}\`.`,
      place,
      'image-outside',
    );
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    report(file, 'error', `The image "${rawUrl}" is on the internet; decks must work without Wi-Fi. ${fix}`, place, 'image-remote');
  } else if (url.startsWith('/')) {
    report(file, 'error', `The image path "${rawUrl}" is absolute; lessons may only use files inside their own folder. ${fix}`, place, 'image-outside');
  } else {
    const normalized = posixPath.normalize(url.replace(/\\/g, '/'));
    if (normalized.startsWith('../') || normalized === '..') {
      report(file, 'error', `The image path "${rawUrl}" leaves the lesson's folder; lessons may only use files inside it. ${fix}`, place, 'image-outside');
    } else {
      result = normalized;
      assets.push({ path: normalized, line: place.line, column: place.column });
    }
  }
  if (!alt.trim()) {
    report(
      file,
      'warning',
      `The image "${result ?? rawUrl}" has no alt text, so a student who cannot see it learns nothing from it. Describe it in the brackets, like \`![A map of East Asia](${result ?? rawUrl})\`; a picture that only decorates is marked \`![](${result ?? rawUrl}){decorative}\`.`,
      place,
      'image-alt',
    );
  }
  return result;
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** `<!-- ... -->` comments are notes to the author: they appear nowhere, not even inside blocks. */
function removeComments(tree: Root): void {
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined || !/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

/** `:name` and `::name` are not lesson syntax; put them back as the text the teacher typed (e.g. "3:30pm"). */
function restoreStrayDirectives(tree: Root, source: string): void {
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'textDirective' && node.type !== 'leafDirective') || !parent || index === undefined || !node.position) return;
    const value = source.slice(node.position.start.offset, node.position.end.offset);
    const replacement = node.type === 'textDirective' ? { type: 'text', value } : { type: 'paragraph', children: [{ type: 'text', value }] };
    parent.children.splice(index, 1, replacement as never);
    return [SKIP, index + 1];
  });
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as { children: { type: string; value?: string }[] };
    const merged: typeof parent.children = [];
    for (const child of parent.children) {
      const last = merged.at(-1);
      if (last?.type === 'text' && child.type === 'text') last.value += child.value ?? '';
      else merged.push(child);
    }
    parent.children = merged;
  });
}

function withoutPositions<T>(node: T): T {
  return JSON.parse(JSON.stringify(node, (key, value) => (key === 'position' ? undefined : value))) as T;
}
