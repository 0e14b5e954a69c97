// What every block parser receives, and the shared ways it reads a block's lists.
import type { ListItem, Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { Block } from '../model.ts';
import { placeOf, plainText, splitLeadingStrong, stripSeparator } from '../inline-text.ts';
import { report } from '../problems.ts';

export type BlockParser = (node: ContainerDirective, file: VFile) => Block | undefined;

export function blockError(file: VFile, node: { position?: ContainerDirective['position'] }, reason: string): void {
  report(file, 'error', reason, placeOf(node), 'block-shape');
}

/** The items of the lists inside a block; anything else inside it is reported with the shape the block expects. */
export function listItemsOf(node: ContainerDirective, file: VFile, shape: string): ListItem[] {
  const items: ListItem[] = [];
  for (const child of node.children) {
    if (child.type === 'list') items.push(...child.children);
    else blockError(file, child, `Inside :::${node.name}, write only list items, one per line, like: ${shape}`);
  }
  if (items.length === 0 && node.children.length === 0) {
    blockError(file, node, `The :::${node.name} block is empty. Add list items like: ${shape}`);
  }
  return items;
}

/** A list item written `- **Label** — text`: the bold label and the text after the separator. */
export function labelledItem(item: ListItem): { label: string; text: string } | undefined {
  const [first, ...more] = item.children;
  if (!first || first.type !== 'paragraph') return undefined;
  const lead = splitLeadingStrong(first as Paragraph);
  if (!lead) return undefined;
  const text = [lead.rest, ...more.map((child) => plainText(child))].join(' ');
  return { label: lead.label, text: stripSeparator(text) };
}
