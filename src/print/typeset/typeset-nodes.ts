// Typeset a list of print-Markdown nodes: each goes to its handler in the context's one map, or to the unknown handler.
import type { RootContent } from 'mdast';
import type { Handler, TypesetContext } from './context.ts';

export function typesetBlocks(nodes: RootContent[], context: TypesetContext): void {
  nodes.forEach((node, index) => typesetNode(node, { ...context, next: nodes[index + 1], afterNext: nodes[index + 2] }));
}

function typesetNode(node: RootContent, context: TypesetContext): void {
  const { handlers } = context;
  const handler =
    node.type === 'containerDirective' || node.type === 'leafDirective'
      ? handlers.directives[node.name]
      : (handlers.nodes[node.type] as Handler<RootContent> | undefined);
  (handler ?? handlers.unknown)(node as never, context);
}
