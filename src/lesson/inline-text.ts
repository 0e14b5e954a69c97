// Small helpers that read plain text out of Markdown nodes inside lesson blocks.
import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import type { Place } from './problems.ts';
import { textWithMath } from './inline-math-text.ts';

export function placeOf(node: { position?: { start: { line: number; column: number } } } | undefined): Place | undefined {
  return node?.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Plain text of a node, its formulas kept as `$tex$` (inline-math-text.ts); paragraphs and list items are joined with
 * spaces rather than run together.
 */
export function plainText(node: Nodes): string {
  if ('children' in node && (node.type === 'listItem' || node.type === 'list' || node.type === 'blockquote')) {
    return normalizeSpace(node.children.map((child) => plainText(child)).join(' '));
  }
  return normalizeSpace(textWithMath(node));
}

/** A paragraph that opens with bold text: the bold label and the text after it. */
export function splitLeadingStrong(paragraph: Paragraph): { label: string; rest: string } | undefined {
  const children = paragraph.children.filter((child, index) => !(index === 0 && child.type === 'text' && child.value.trim() === ''));
  const [first, ...rest] = children;
  if (!first || first.type !== 'strong') return undefined;
  return {
    label: normalizeSpace(textWithMath(first)).replace(/[:.]\s*$/, ''),
    rest: normalizeSpace(rest.map((node: PhrasingContent) => textWithMath(node)).join('')),
  };
}

/** Remove a dash, colon or full stop that separates a bold label from what follows. */
export function stripSeparator(text: string): string {
  return text.replace(/^\s*(?:[—–:.]|-{1,2})\s*/, '').trim();
}

/** Split text at a label such as "Example:" into what comes before and after it. */
export function splitAtLabel(text: string, label: string): [string, string | undefined] {
  const match = new RegExp(`\\s*\\b${label}:\\s*`, 'i').exec(text);
  if (!match) return [text.trim(), undefined];
  const after = text.slice(match.index + match[0].length).trim();
  return [text.slice(0, match.index).trim(), after === '' ? undefined : after];
}

/** Text that begins with "Label:" (any case), returning what follows it. */
export function afterLeadingLabel(text: string, label: string): string | undefined {
  const match = new RegExp(`^\\s*${label}:\\s*`, 'i').exec(text);
  return match ? text.slice(match[0].length).trim() : undefined;
}
