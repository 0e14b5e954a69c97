// The typesetter's one handler map: Markdown nodes, print directives, and what to do with anything else.
import type { PhrasingContent, RootContent } from 'mdast';
import { taggedContent, type Handlers } from './context.ts';
import { blockHandlers } from './blocks.ts';
import { directiveHandlers } from './directives.ts';
import { drawRuns, runsOf } from './rich-text.ts';
import { typesetBlocks } from './typeset-nodes.ts';

/** Nodes Markdown itself never shows (a link's reference definition, front matter): nothing to print. */
const UNSEEN = new Set(['definition', 'yaml', 'toml']);
const BLOCKS = new Set(['paragraph', 'heading', 'list', 'table', 'blockquote', 'code', 'thematicBreak', 'containerDirective', 'leafDirective', 'html']);

/**
 * A node or directive nothing else handles (a teacher's template with `:::aside`, say) is printed as what it holds:
 * its blocks, or its text as a paragraph. Content is never dropped because the typesetter does not know its kind.
 */
function unknownHandler(node: RootContent, context: Parameters<Handlers['unknown']>[1]): void {
  if (UNSEEN.has(node.type)) return;
  if ('children' in node && node.children.length > 0) {
    const children = node.children as RootContent[];
    if (node.type !== 'leafDirective' && BLOCKS.has(children[0].type)) return typesetBlocks(children, context);
    const runs = runsOf(children as PhrasingContent[]);
    taggedContent(context, 'P', () => drawRuns(context, runs));
    context.doc.y += 5;
  } else if ('value' in node && typeof node.value === 'string' && node.value.trim() !== '') {
    const text = node.value;
    taggedContent(context, 'P', () => drawRuns(context, [{ text, bold: false, muted: false }]));
    context.doc.y += 5;
  }
}

export const printHandlers: Handlers = { nodes: blockHandlers, directives: directiveHandlers, unknown: unknownHandler };
