// Parse once: the lesson's own Markdown (the reading, what each slide shows, its speaker notes) reaches the typesetter
// as the nodes the lesson was parsed into, rather than written out as Markdown and parsed again for each printable.
//
// A print template still sees text. Each such value is a marker (a private-use character, a number, the character
// again) standing for the nodes. Where the filled-in template has a marker alone in its paragraph, at the top or
// directly inside a `:::` block (`{{{reading}}}` on a line of its own, as Lectern's templates have it), the typesetter
// puts the nodes there. Anywhere else (in a table cell, after `> `, in a sentence) the marker becomes the Markdown it
// stands for and that part is parsed as before (fragment-markdown.ts), so a teacher's template prints what it always
// printed.
import type { Paragraph, Parent, Root, RootContent } from 'mdast';

/** The nodes a job's markers stand for, by marker number. */
export type Fragments = Map<number, RootContent[]>;

export const MARK = '\uE001';
export const MARKER = /\uE001(\d+)\uE001/g;
const ALONE = /^\uE001(\d+)\uE001$/;

/** The fragments of one lesson's print view: `add` gives the marker a template sees, `usedIn` what a job needs. */
export class FragmentTable {
  private readonly nodes: RootContent[][] = [];

  /** The marker for these nodes; empty when there are none, so `{{#if notes}}` reads as it did. */
  add(nodes: RootContent[]): string {
    if (nodes.length === 0) return '';
    this.nodes.push(nodes);
    return `${MARK}${this.nodes.length - 1}${MARK}`;
  }

  /** The fragments a filled-in template refers to. */
  usedIn(markdown: string): Fragments {
    const used: Fragments = new Map();
    for (const [, number] of markdown.matchAll(MARKER)) used.set(Number(number), this.nodes[Number(number)]);
    return used;
  }
}

/** How many characters of print Markdown the fragments stand for, about (to weigh a job before it is typeset). */
export function fragmentChars(fragments: Fragments): number {
  let chars = 0;
  for (const nodes of fragments.values())
    for (const node of nodes) {
      const { start, end } = node.position ?? {};
      chars += start?.offset !== undefined && end?.offset !== undefined ? end.offset - start.offset : 80;
    }
  return chars;
}

/**
 * A parsed piece of print Markdown with its markers' nodes put in. Undefined when a marker stands somewhere its nodes
 * cannot go (the caller parses the piece again with the markers expanded).
 */
export function insertFragments(tree: Root, fragments: Fragments): Root | undefined {
  let stray = false;
  const inserted = new Set<number>();
  const visit = (parent: Parent, blocks: boolean) => {
    parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
      if (stray) return [child];
      const number = blocks && child.type === 'paragraph' ? aloneMarker(child) : undefined;
      const nodes = number === undefined ? undefined : fragments.get(number);
      if (nodes) {
        // The typesetter regroups children in place: a fragment printed twice gets its own copy the second time.
        const fresh = !inserted.has(number!);
        inserted.add(number!);
        return fresh ? nodes : structuredClone(nodes);
      }
      if (hasMarker(child)) stray = true;
      else if ('children' in child) visit(child, child.type === 'containerDirective');
      return [child];
    }) as Parent['children'];
  };
  visit(tree, true);
  return stray ? undefined : tree;
}

/** A marker in a node's own text or attributes (not its children's). */
function hasMarker(node: RootContent): boolean {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'children' || key === 'position' || value === null || value === undefined) continue;
    if (typeof value === 'string' ? value.includes(MARK) : typeof value === 'object' && JSON.stringify(value).includes(MARK)) return true;
  }
  return false;
}

function aloneMarker(paragraph: Paragraph): number | undefined {
  const [only] = paragraph.children;
  if (paragraph.children.length !== 1 || only.type !== 'text') return undefined;
  const match = ALONE.exec(only.value);
  return match ? Number(match[1]) : undefined;
}
