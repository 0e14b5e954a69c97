// The Markdown dialect of a lesson: CommonMark + GFM tables + YAML front matter + `:::` directives + `$` math.
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Processor } from 'unified';
import { lessonMath } from './math-syntax.ts';

/** The lesson dialect with these GFM extensions. */
const dialect = (gfm: (this: Processor) => void) =>
  unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfm).use(remarkDirective).use(remarkLessonMath).freeze();

const parser = dialect(remarkGfm);

/**
 * The same dialect without GFM's bare links (`www.example.com`, `https://…`, `name@example.com` becoming links), for
 * text that cannot hold one. Looking for them at every letter took a third of the parsing time, and most slides have
 * none. The extensions are remark-gfm's, in its order.
 */
const parserWithoutBareLinks = dialect(remarkGfmWithoutBareLinks);

function remarkGfmWithoutBareLinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(combineExtensions([gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()]));
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}

/**
 * Text that may hold a bare link: one starts with "www", "http" or has an "@", and a character reference (`&#64;`)
 * may spell any of them. Backslash escapes cannot: letters are never escaped, and an escaped "@" is still an "@".
 */
const MAY_HOLD_BARE_LINK = /www|http|@|&/i;

/** Parse with bare links only where the text may hold one: the tree is the same either way. */
function parseText(text: string): Root {
  return (MAY_HOLD_BARE_LINK.test(text) ? parser : parserWithoutBareLinks).parse(text);
}

/** Math as remark-math reads it, but with Pandoc's rule for single dollars (see math-syntax.ts). */
export function remarkLessonMath(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(lessonMath());
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown());
}

/**
 * Parse a lesson slide by slide: the source is cut at `---` lines that surely separate slides (an empty line above,
 * outside code fences and `:::` blocks), each piece is parsed alone and the pieces are joined with their places
 * shifted back. One tree for the whole file, but parsing a 2,000-slide lesson never holds the whole file's parser
 * state in memory at once.
 */
export function parseMarkdown(source: string): Root {
  return parsePieces(splitAtSlideBreaks(source), true);
}

/**
 * Generated print Markdown (which has no slide breaks) in pieces of a few sections, cut before a top-level heading or
 * `:::` block, to parse one at a time (`parsePrintPiece`): a 700-page printable is typeset one piece after another,
 * never held as one tree.
 */
export function printMarkdownPieces(source: string): string[] {
  return splitBeforeSections(source).map((piece) => piece.text);
}

/** Parse a piece of print Markdown. */
export function parsePrintPiece(text: string): Root {
  return parseText(text);
}

function parsePieces(pieces: Piece[], slideBreaks: boolean): Root {
  const root: Root = { type: 'root', children: [] };
  for (const piece of pieces) {
    const tree = parseText(piece.text);
    if (piece.line > 1) {
      visit(tree, (node) => {
        if (!node.position) return;
        node.position.start.line += piece.line - 1;
        node.position.end.line += piece.line - 1;
        if (node.position.start.offset !== undefined) node.position.start.offset += piece.offset;
        if (node.position.end.offset !== undefined) node.position.end.offset += piece.offset;
      });
    }
    if (slideBreaks && root.children.length > 0) {
      const at = { line: piece.line - 1, column: 1, offset: piece.offset - 1 };
      root.children.push({ type: 'thematicBreak', position: { start: at, end: at } });
    }
    root.children.push(...tree.children);
  }
  return root;
}

interface Piece {
  text: string;
  /** Line of the piece's first line in the source (1-based). */
  line: number;
  /** Offset of the piece's first character in the source. */
  offset: number;
}

/** Call `cut(index)` for each line where a piece may end before it: outside code fences and `:::` blocks. */
function scanLines(lines: string[], firstLine: number, cut: (index: number, line: string) => void): void {
  let fence: string | undefined;
  let depth = 0;
  lines.forEach((line, index) => {
    if (index < firstLine) return;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      return;
    }
    if (depth === 0) cut(index, line);
    if (/^\s*:{3,}\s*[A-Za-z]/.test(line)) depth++;
    else if (/^\s*:{3,}\s*$/.test(line) && depth > 0) depth--;
  });
}

/**
 * Sections are gathered into pieces of about this many characters: each parse has a fixed cost, so a piece per heading
 * would make a short printable slow, and one piece for all would make a long one hold too much at once.
 */
const PRINT_PIECE_CHARS = 32_000;

function splitBeforeSections(source: string): Piece[] {
  const lines = source.split('\n');
  const offsets = lineOffsets(lines);
  const starts: number[] = [0];
  scanLines(lines, 1, (index, line) => {
    const sectionStart = (lines[index - 1] ?? '').trim() === '' && /^(#{1,6}\s|:{3,}\s*[A-Za-z])/.test(line);
    if (sectionStart && offsets[index] - offsets[starts.at(-1)!] >= PRINT_PIECE_CHARS) starts.push(index);
  });
  return piecesFrom(lines, starts);
}

function lineOffsets(lines: string[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  return offsets;
}

function piecesFrom(lines: string[], starts: number[], skip: (start: number) => number = (start) => start): Piece[] {
  const offsets = lineOffsets(lines);
  return starts.map((start, index) => {
    const first = skip(start);
    return { text: lines.slice(first, starts[index + 1] ?? lines.length).join('\n'), line: first + 1, offset: offsets[first] ?? 0 };
  });
}

function splitAtSlideBreaks(source: string): Piece[] {
  const lines = source.split('\n');
  const frontMatterEnd = /^---\s*$/.test(lines[0] ?? '') ? lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line)) : -1;
  // Each break line starts a piece; the piece's text begins after it.
  const breaks: number[] = [];
  scanLines(lines, frontMatterEnd + 1, (index, line) => {
    const start = breaks.length > 0 ? breaks.at(-1)! + 1 : 0;
    if (/^ {0,3}-{3,}\s*$/.test(line) && (lines[index - 1] ?? '').trim() === '' && index > start) breaks.push(index);
  });
  return piecesFrom(lines, [0, ...breaks], (start) => (start === 0 ? 0 : start + 1));
}
