// The structure tag of each heading a PDF prints: headings run in order from H1 with no level skipped (PDF/UA, and what
// screen readers' heading lists expect), whatever sizes the templates give them. A template writes `####` for a small
// heading (a slide's title in its box, a role on its card); its tag follows the headings around it: the first heading of
// a PDF is H1, and each deeper one is one level below the one it comes under.

/** Per PDF: the headings still open, as [level written, level tagged], from the outermost. */
const open = new WeakMap<object, [written: number, tagged: number][]>();

export function headingTag(doc: object, written: number): string {
  const stack = open.get(doc) ?? [];
  while (stack.length > 0 && stack.at(-1)![0] >= written) stack.pop();
  const tagged = Math.min(6, (stack.at(-1)?.[1] ?? 0) + 1);
  stack.push([written, tagged]);
  open.set(doc, stack);
  return `H${tagged}`;
}
