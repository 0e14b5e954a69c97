// How tall print Markdown will be when typeset: to keep things together on a page and to fill boxes without cutting.
import type { RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { TypesetContext } from './context.ts';
import { BODY_SIZE, HEADING_SIZES, imageBox, listIndent, paragraphImage, tableData } from './block-shapes.ts';
import { measureRuns, runsOf } from './rich-text.ts';
import { mapHeight } from './map.ts';
import { tableHeight } from './table.ts';
import { timelineHeight } from './timeline.ts';

export type Directive = ContainerDirective | LeafDirective;

/** The distance between two ruled writing lines. */
export const LINE_SPACING = 24;

export function numberAttribute(node: Directive, name: string, fallback: number): number {
  const value = Number(node.attributes?.[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function childrenOf(node: Directive): RootContent[] {
  return node.type === 'containerDirective' ? (node.children as RootContent[]) : [];
}

/** The height a directive needs before it may start on a page. */
export function directiveHeight(node: Directive, context: TypesetContext): number {
  if (node.name === 'lines') return numberAttribute(node, 'count', 4) * LINE_SPACING + 4;
  if (node.name === 'name-class-date') return 40;
  if (node.name === 'map') return mapHeight(node, context);
  if (node.name === 'timeline') return timelineHeight(node, context);
  return Math.min(estimateHeight(childrenOf(node), context), 200);
}

/** How tall these blocks are once typeset in the context's column, as the handlers in blocks.ts draw them. */
export function estimateHeight(nodes: RootContent[], context: TypesetContext): number {
  return nodes.reduce((sum, node) => sum + nodeHeight(node, context), 0);
}

function nodeHeight(node: RootContent, context: TypesetContext): number {
  switch (node.type) {
    case 'heading': {
      const level = Math.min(4, node.depth);
      const runs = runsOf(node.children).map((run) => ({ ...run, bold: true }));
      const before = level === 1 ? 0 : level === 2 ? 14 : 8;
      return before + measureRuns(context, runs, context.width, (HEADING_SIZES[level] * context.size) / BODY_SIZE) + (level === 2 ? 7 : 3);
    }
    case 'paragraph': {
      const figure = paragraphImage(node);
      if (figure) return imageBox(context, figure.image.url, figure.image.alt ?? '', figure.options).total;
      return measureRuns(context, runsOf(node.children)) + 5;
    }
    case 'list':
      return (
        node.children.reduce((total, item) => {
          const [first, ...rest] = item.children as RootContent[];
          const task = item.checked !== null && item.checked !== undefined;
          const inner = { ...context, width: context.width - listIndent(context, node, task) };
          // An empty item (`- ` alone on its line) has no first block.
          const firstHeight = !first ? 0 : first.type === 'paragraph' ? measureRuns(inner, runsOf(first.children)) + 2 : nodeHeight(first, inner);
          return total + firstHeight + estimateHeight(rest, inner);
        }, 0) + 3
      );
    case 'table':
      return tableHeight(context, tableData(node));
    case 'code':
      return measureRuns(context, [{ text: node.value, bold: false, muted: false }]) + 5;
    case 'blockquote':
      return estimateHeight(node.children, { ...context, width: context.width - 14 });
    case 'thematicBreak':
      return 12;
    case 'leafDirective':
    case 'containerDirective':
      return directiveHeight(node, context);
    default:
      return 0;
  }
}
