// Where a slide's speaker notes begin: at a line starting `Note:` or `Notes:` (any letter case, as reveal.js reads it),
// wherever Markdown put that line — its own paragraph, the end of a paragraph, a list item, a quote or a block.
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';

const LABEL_AT_START = /^[ \t]*notes?:[ \t]*/i;
const LABEL_AFTER_NEWLINE = /\n[ \t]*notes?:/i;

export interface NotesSplit {
  /** What students see: everything before the `Note:` line. */
  kept: RootContent[];
  /** Everything from the `Note:` line (without its label) to the end. */
  notes: RootContent[];
  /** Line of the `Note:` label, when there is one. */
  line?: number;
  /** The label was not at the start of a top-level paragraph (it was in a list, quote or block, or mid-paragraph). */
  nested?: boolean;
}

/** Split a slide's nodes at the first `Note:` line: before it is the slide, from it on the speaker notes. */
export function splitAtNoteLabel(nodes: RootContent[]): NotesSplit {
  for (const [index, node] of nodes.entries()) {
    const found = splitNode(node);
    if (found) {
      const nested = !(node.type === 'paragraph' && found.kept.length === 0);
      return { kept: [...nodes.slice(0, index), ...found.kept], notes: [...found.notes, ...nodes.slice(index + 1)], line: found.line, nested };
    }
  }
  return { kept: nodes, notes: [] };
}

type Found = { kept: RootContent[]; notes: RootContent[]; line: number };

function splitNode(node: RootContent): Found | undefined {
  if (node.type === 'paragraph') return splitParagraph(node);
  if (node.type === 'list') {
    for (const [index, item] of node.children.entries()) {
      const inner = splitAtNoteLabel(item.children as RootContent[]);
      if (inner.line === undefined) continue;
      const before = [...node.children.slice(0, index), ...(inner.kept.length > 0 ? [{ ...item, children: inner.kept as typeof item.children }] : [])];
      const after = node.children.slice(index + 1);
      const start = (node.start ?? 1) + index + 1;
      return {
        kept: before.length > 0 ? [{ ...node, children: before }] : [],
        notes: [...inner.notes, ...(after.length > 0 ? [{ ...node, children: after, ...(node.ordered ? { start } : {}) }] : [])],
        line: inner.line,
      };
    }
    return undefined;
  }
  // The text of a `:::notes` block is notes already.
  if (node.type === 'blockquote' || (node.type === 'containerDirective' && node.name !== 'notes')) {
    const inner = splitAtNoteLabel(node.children as RootContent[]);
    if (inner.line === undefined) return undefined;
    return { kept: [{ ...node, children: inner.kept } as RootContent], notes: inner.notes, line: inner.line };
  }
  return undefined;
}

function splitParagraph(node: Paragraph): Found | undefined {
  for (const [index, child] of node.children.entries()) {
    if (child.type !== 'text') continue;
    const lineStart = index === 0 || node.children[index - 1].type === 'break';
    const at = lineStart && LABEL_AT_START.test(child.value) ? 0 : LABEL_AFTER_NEWLINE.exec(child.value)?.index;
    if (at === undefined) continue;
    const beforeText = child.value.slice(0, at).replace(/\s+$/, '');
    const afterText = child.value.slice(at).replace(/^\s+/, '').replace(LABEL_AT_START, '');
    const before: PhrasingContent[] = [...node.children.slice(0, index), ...(beforeText ? [{ ...child, value: beforeText }] : [])];
    while (before.at(-1)?.type === 'break') before.pop();
    const after: PhrasingContent[] = [...(afterText ? [{ ...child, value: afterText }] : []), ...node.children.slice(index + 1)];
    const newlines = child.value.slice(0, at).split('\n').length - (at > 0 ? 0 : 1);
    return {
      kept: before.length > 0 ? [{ ...node, children: before }] : [],
      notes: after.length > 0 ? [{ ...node, children: after }] : [],
      line: (child.position?.start.line ?? node.position?.start.line ?? 1) + newlines,
    };
  }
  return undefined;
}
