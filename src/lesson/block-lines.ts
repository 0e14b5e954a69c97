// The `:::` lines of lesson blocks: blocks that are never closed, and lines that look like block lines but are not.
import type { Paragraph, Root } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { LIST_BLOCK_KINDS } from '../shared/block-kinds.ts';
import { report } from './problems.ts';

const SPACED_OPENER = /^([ \t]*:{3,})([ \t]+)([A-Za-z][\w-]*.*?)(\s*)$/;
const LONE_FENCE = /^[ \t]*:{3,}[ \t]*$/;
const LIST_BLOCKS = new Set<string>([...LIST_BLOCK_KINDS, 'incremental']);

/** Lines of the paragraphs of a tree (never code, comments or HTML), with their line numbers. */
function paragraphLines(tree: Root, source: string, each: (line: string, number: number) => void): void {
  visit(tree, 'paragraph', (node: Paragraph) => {
    const { start, end } = node.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return;
    source
      .slice(start.offset, end.offset)
      .split('\n')
      .forEach((line, index) => each(line.replace(/\r$/, ''), start.line + index));
  });
}

/**
 * `::: terms` (a space after the colons) is a block opener Markdown shows as text. Lectern reads it as `:::terms` and
 * warns. The line is rewritten to the same length, so every place in the lesson stays where it was.
 */
export function fixSpacedOpeners(tree: Root, source: string, file: VFile): string {
  const lines = source.split('\n');
  let changed = false;
  paragraphLines(tree, source, (line, number) => {
    const match = SPACED_OPENER.exec(line);
    if (!match || lines[number - 1].replace(/\r$/, '') !== line) return;
    const [, colons, space, rest, trailing] = match;
    const name = /^[\w-]+/.exec(rest)![0];
    report(
      file,
      'warning',
      `\`${colons.trim()}${space}${name}\` has a space after \`${colons.trim()}\`, which Markdown shows as text. Lectern reads it as \`${colons.trim()}${name}\`: write it that way.`,
      { line: number, column: 1 },
      'block-line',
    );
    lines[number - 1] = `${colons}${rest}${space}${trailing}${lines[number - 1].endsWith('\r') ? '\r' : ''}`;
    changed = true;
  });
  return changed ? lines.join('\n') : source;
}

/**
 * A container block whose closing `:::` is missing runs to the end of the lesson, and one closed only after a slide
 * break swallows the slides in between. Either is one error at the line where it opened, and the block is dropped (so
 * nothing of it reaches a deck or a page, and its contents do not bring a wave of follow-up errors).
 */
export function reportUnclosedBlocks(tree: Root, source: string, file: VFile): void {
  const lines = source.split('\n');
  visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
    const { start, end } = node.position ?? {};
    if (!start || !end || !parent || index === undefined) return;
    const lastChildEnd = node.children.at(-1)?.position?.end.line ?? start.line;
    const closed = end.line > lastChildEnd && LONE_FENCE.test(lines[end.line - 1] ?? '');
    const slideBreak = node.children.find((child) => child.type === 'thematicBreak');
    if (closed && !slideBreak) return;
    const where = `\`:::${node.name}\` opened on line ${start.line}`;
    const after = LIST_BLOCKS.has(node.name) ? 'its list' : 'its last line';
    const reason = slideBreak
      ? `${where} is not closed before the slide break on line ${slideBreak.position?.start.line ?? end.line}: add \`:::\` on its own line after ${after}.`
      : `${where} is never closed: add \`:::\` on its own line after ${after}.`;
    report(file, 'error', reason, { line: start.line, column: start.column }, 'block-not-closed');
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

/** Lines that look like block lines but are shown as text: a `:::` with no block open, and `::name` (two colons). */
export function reportLookAlikeBlockLines(tree: Root, source: string, file: VFile): void {
  paragraphLines(tree, source, (line, number) => {
    if (!LONE_FENCE.test(line)) return;
    report(
      file,
      'warning',
      `This \`${line.trim()}\` would close a block, but no block is open here, so it is shown as text. Remove it, or open the block above it with a line like \`:::terms\`.`,
      { line: number, column: 1 },
      'block-line',
    );
  });
  visit(tree, 'leafDirective', (node: LeafDirective) => {
    report(
      file,
      'warning',
      `\`::${node.name}\` has two colons, so it is shown as text. A block opens with three, \`:::${node.name}\`, and closes with \`:::\` on its own line.`,
      { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 },
      'block-line',
    );
  });
}
