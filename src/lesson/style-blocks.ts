// `<style>` blocks (from a Marp or reveal.js deck) are CSS, never slide text: without `allowHtml` they are left out.
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './problems.ts';

const STYLE_BLOCK = /^\s*<style\b[^>]*>[\s\S]*?<\/style>\s*$/i;

/** Remove `<style>` blocks, with a warning at each; a lesson that trusts its HTML keeps them (they style its deck). */
export function removeStyleBlocks(tree: Root, file: VFile, trusted: boolean): void {
  if (trusted) return;
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined || !STYLE_BLOCK.test(node.value)) return;
    report(
      file,
      'warning',
      'This `<style>` block is CSS, not text for students: Lectern leaves it out. Delete it, or set `allowHtml: true` in the front matter if you wrote it to style this deck.',
      { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 },
      'style-block',
    );
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}
