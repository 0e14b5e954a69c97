// Columns in print Markdown are written with leaf lines (`::columns{widths="40,60"}`, `::column-break`, `::columns-end`)
// rather than nested `:::` blocks: inside a template's `:::slide` … `:::` no `:::` block can open (an inner block needs
// fewer colons than the one around it, and three is the least). Here they become one `columns` block to typeset.
import type { Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';

const isLine = (node: RootContent, name: string) => node.type === 'leafDirective' && node.name === name;

export function groupColumns(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    if (!parent.children.some((child) => isLine(child as RootContent, 'columns'))) return;
    const children: RootContent[] = [];
    let open: { block: ContainerDirective; widths: string[] } | undefined;
    const startColumn = () => {
      const index = open!.block.children.length;
      const width = open!.widths[index];
      open!.block.children.push({ type: 'containerDirective', name: 'column', attributes: width ? { width } : {}, children: [] });
    };
    for (const child of parent.children as RootContent[]) {
      if (isLine(child, 'columns') && child.type === 'leafDirective') {
        open = { block: { type: 'containerDirective', name: 'columns', attributes: {}, children: [] }, widths: (child.attributes?.widths ?? '').split(',') };
        startColumn();
        children.push(open.block);
      } else if (open && isLine(child, 'column-break')) startColumn();
      else if (open && isLine(child, 'columns-end')) open = undefined;
      else if (open) (open.block.children.at(-1) as ContainerDirective).children.push(child as ContainerDirective['children'][number]);
      else children.push(child);
    }
    parent.children = children as Parent['children'];
  });
}
