// How tall print Markdown will be when typeset, all in one place: from the layouts the handlers draw (block-shapes.ts),
// to keep things together on a page cheaply, or drawn on a scratch page (to fill a slide box without cutting a line).
import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Directive, TypesetContext } from './context.ts';
import { SPACE, codeLayout, nameClassDateLayout, headingLayout, imageBox, listIndent, paragraphImage, paragraphLayout, tableData } from './block-shapes.ts';
import { measureRuns, runsOf } from './rich-text.ts';
import { tableHeight, tableStartHeight } from './table.ts';
import { displayMathHeight } from './math.ts';
import { onScratchPage } from './scratch-page.ts';
import { typesetBlocks } from './typeset-nodes.ts';
import { mapHeight } from './map.ts';
import { timelineHeight } from './timeline.ts';

export type { Directive };

/** The distance between two ruled writing lines. */
export const LINE_SPACING = 24;

export function numberAttribute(node: Directive, name: string, fallback: number): number {
  const value = Number(node.attributes?.[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function childrenOf(node: Directive): RootContent[] {
  return node.type === 'containerDirective' ? (node.children as RootContent[]) : [];
}

const COLUMN_GAP = 10;

/**
 * Where the `:::column` blocks of a `::::columns` block go: each as wide as its `width` (a share in percent; columns
 * without one share what is left), scaled down together when they add up to more than the width there is.
 */
export function columnLayout(node: Directive, context: TypesetContext): { x: number; width: number; nodes: RootContent[] }[] {
  const columns = childrenOf(node).filter((child): child is ContainerDirective => child.type === 'containerDirective' && child.name === 'column');
  const given = columns.map((column) => numberAttribute(column, 'width', 0));
  const open = given.filter((share) => share === 0).length;
  const rest = Math.max(0, 100 - given.reduce((sum, share) => sum + share, 0));
  const shares = given.map((share) => share || (open > 0 ? rest / open : 0) || 100 / columns.length);
  const total = Math.max(
    100,
    shares.reduce((sum, share) => sum + share, 0),
  );
  const room = context.width - COLUMN_GAP * (columns.length - 1);
  let x = context.x;
  return columns.map((column, index) => {
    const width = (room * shares[index]) / total;
    const placed = { x, width, nodes: column.children as RootContent[] };
    x += width + COLUMN_GAP;
    return placed;
  });
}

/** The height a directive needs before it may start on a page. */
export function directiveHeight(node: Directive, context: TypesetContext): number {
  if (node.name === 'lines') return numberAttribute(node, 'count', 4) * LINE_SPACING + 4;
  if (node.name === 'name-class-date') return nameClassDateLayout(node, context).height;
  if (node.name === 'columns')
    return Math.max(0, ...columnLayout(node, context).map((column) => estimateHeight(column.nodes, { ...context, x: column.x, width: column.width })));
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
    case 'heading':
      return headingLayout(node, context).height;
    case 'paragraph': {
      const figure = paragraphImage(node);
      if (figure) return imageBox(context, figure.image.url, figure.image.alt ?? '', figure.options).total;
      return paragraphLayout(node, context).height;
    }
    case 'list':
      return (
        node.children.reduce((total, item) => {
          const [first, ...rest] = item.children as RootContent[];
          const task = item.checked !== null && item.checked !== undefined;
          const inner = { ...context, width: context.width - listIndent(context, node, task) };
          // An empty item (`- ` alone on its line) has no first block.
          const firstHeight = !first ? 0 : first.type === 'paragraph' ? paragraphLayout(first, inner).textHeight + SPACE.itemText : nodeHeight(first, inner);
          return total + firstHeight + estimateHeight(rest, inner);
        }, 0) + SPACE.list
      );
    case 'table':
      return tableHeight(context, tableData(node));
    case 'code':
      return codeLayout(node, context).height;
    case 'math':
      return displayMathHeight(node, context);
    case 'blockquote':
      return estimateHeight(node.children, { ...context, width: context.width - SPACE.quoteIndent });
    case 'thematicBreak':
      return SPACE.ruleBefore + SPACE.ruleAfter;
    case 'leafDirective':
    case 'containerDirective':
      return directiveHeight(node, context);
    default:
      return 0;
  }
}

/** The least height of a node that must share a page with what comes before it. */
export function leadHeight(node: RootContent | undefined, context: TypesetContext): number {
  if (!node) return 0;
  switch (node.type) {
    case 'paragraph': {
      const figure = paragraphImage(node);
      if (figure) return imageBox(context, figure.image.url, figure.image.alt ?? '', figure.options).total;
      return Math.min(measureRuns(context, runsOf(node.children)), 3 * context.size * 1.45);
    }
    case 'table':
      return tableStartHeight(context, tableData(node));
    case 'list':
      return leadHeight(node.children[0]?.children[0] as RootContent | undefined, { ...context, width: context.width - 20 });
    case 'leafDirective':
    case 'containerDirective':
      return directiveHeight(node, context);
    case 'math':
      return displayMathHeight(node, context);
    case 'heading':
      // A heading right under a heading (## Activities, ### the first one) brings the start of what it heads too.
      return 90;
    default:
      return 60;
  }
}

/** How tall blocks are once drawn in the context's column: drawn on a scratch page, exactly as they will print. */
export function drawnHeight(nodes: RootContent[], context: TypesetContext): number {
  return onScratchPage(context.doc, ({ doc, root, top }) => {
    typesetBlocks(nodes, { ...context, doc, parent: root, bottom: Number.MAX_SAFE_INTEGER });
    return doc.y - top;
  });
}
