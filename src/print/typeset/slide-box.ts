// The slides handout's slide boxes. Like a thumbnail, a slide's text shrinks (down to 7 pt) until it fits its box; a
// slide that still does not fit goes on in the next box, labelled "Slide 4 (continued)": a slide is never cut.
import { pdfLabel } from '../pdf-labels.ts';
import type { List, ListItem, Paragraph, PhrasingContent, RootContent, TableRow } from 'mdast';
import { INK, RULE, artifact, ensureSpace, pageBottom, rule, taggedContent, withStructure, type TypesetContext } from './context.ts';
import { formField } from './form-fields.ts';
import { listIndent, paragraphImage } from './block-shapes.ts';
import { LINE_SPACING, childrenOf, drawnHeight, estimateHeight, numberAttribute, type Directive } from './measure.ts';
import { typesetBlocks } from './typeset-nodes.ts';
import { drawRuns, measureRuns, runsOf, type Run } from './rich-text.ts';
import { splitTimeline, timelineOf } from './timeline.ts';
import { eventsOf } from '../drawing-directives.ts';

const PADDING = 8;
const LABEL_SIZE = 11;
/** The thumbnail floor: text in a slide box never shrinks below this. */
const SMALLEST = 7;
/** A slide that needs more than one box is printed at this size: the extra boxes buy text that can be read. */
const CONTINUED_SIZE = 8;
/** The smallest box, as a share of a full one (a third of the page): a title slide still gets lines for notes. */
const SMALLEST_BOX = 0.5;

/** A piece of a slide placed in a box: a block of print Markdown, indented when it continues a list item. */
interface Unit {
  node: RootContent;
  indent: number;
}

interface Box {
  top: number;
  bottom: number;
  used: boolean;
}

export function typesetSlide(node: Directive, context: TypesetContext): void {
  const { doc } = context;
  const number = numberAttribute(node, 'number', 0);
  // Three full boxes fill a page; a box is as tall as what it holds, down to half that, with lines for notes beside.
  const height = Math.floor((pageBottom({ doc }) - doc.page.margins.top) / 3) - 14;
  const least = Math.round(height * SMALLEST_BOX);
  const boxWidth = context.width * 0.52;
  const content = { ...context, x: context.x + PADDING, width: boxWidth - 2 * PADDING };
  const label = (continued: boolean) => [{ text: pdfLabel(context.doc, continued ? 'slide.continued' : 'slide.number', { number }), bold: true, muted: true }];
  const labelHeight = measureRuns(content, label(false), content.width, LABEL_SIZE);
  const room = height - 2 * PADDING - labelHeight;
  const background = childrenOf(node).find(isBackground);
  const children = childrenOf(node).filter((child) => child !== background);

  // The largest size (in half points, down to the floor) at which the slide, drawn on a scratch page, fits one box.
  const sizes = Array.from({ length: Math.floor((context.size - SMALLEST) / 0.5) + 1 }, (_, index) => context.size - index * 0.5);
  const drawn = new Map<number, number>();
  const fitting = largestFittingSize(sizes, room, (size) => {
    const measured = drawnHeight(children, { ...content, size });
    drawn.set(size, measured);
    return measured;
  });
  const oneBox = fitting !== undefined;
  const size = fitting ?? CONTINUED_SIZE;
  const sized = { ...content, size };

  withStructure(context, 'Sect', (section) => {
    const open = (continued: boolean, boxHeight: number): Box => {
      ensureSpace(context, boxHeight);
      const top = doc.y;
      if (background && !continued) drawBackground(context, background, { x: context.x, y: top, width: boxWidth, height: boxHeight });
      doc.y = top + PADDING;
      taggedContent(section, 'P', () => drawRuns(section, label(continued), { x: content.x, width: content.width, size: LABEL_SIZE }));
      return { top, bottom: top + boxHeight - PADDING, used: false };
    };
    /** The box is drawn round what it holds: full height while the slide goes on, else down to its content. */
    const close = (box: Box, last: boolean) => {
      const full = box.bottom + PADDING - box.top;
      const boxHeight = last ? Math.min(full, Math.max(least, Math.ceil(doc.y - box.top + PADDING))) : full;
      artifact(doc, () => doc.rect(context.x, box.top, boxWidth, boxHeight).lineWidth(1).strokeColor(INK).stroke());
      const linesX = context.x + boxWidth + 16;
      const lines = Math.floor(boxHeight / LINE_SPACING);
      for (let line = 1; line <= lines; line++)
        rule(doc, linesX, box.top + line * LINE_SPACING - 4, context.x + context.width - linesX, { lineWidth: 0.6, color: RULE });
      formField(section, linesX, box.top, context.x + context.width - linesX, lines * LINE_SPACING, pdfLabel(context.doc, 'field.slideNotes', { number }), {
        multiline: true,
      });
      doc.x = context.x;
      doc.y = box.top + boxHeight + 14;
    };

    // A slide that fits one box is known to be this tall; one that goes on fills its boxes but the last.
    let box = open(false, oneBox ? Math.min(height, Math.max(least, Math.ceil(labelHeight + (drawn.get(size) ?? room) + 2 * PADDING + 2))) : height);
    const inBox = (unit: Unit): TypesetContext => ({
      ...sized,
      parent: section.parent,
      x: sized.x + unit.indent,
      width: sized.width - unit.indent,
      bottom: box.bottom,
    });
    if (oneBox) typesetBlocks(children, { ...sized, parent: section.parent, bottom: box.bottom });
    else {
      // Columns that do not fit one box are stacked: each column's content after the one before, so every word is kept.
      const queue = children
        .flatMap(stackColumns)
        .flatMap(listItemsApart)
        .map((child) => ({ node: child, indent: 0 }));
      while (queue.length > 0) {
        const unit = queue.shift()!;
        const unitContext = inBox(unit);
        const left = box.bottom - doc.y;
        const needed = drawnHeight([unit.node], unitContext);
        // A heading stays in the box of what follows it.
        const following = queue[0] && unit.node.type === 'heading' ? Math.min(estimateHeight([queue[0].node], inBox(queue[0])), 3 * size * 1.45) : 0;
        if (needed + following > left) {
          // What fits a box of its own starts the next box whole; only what is taller than a box is split, and not
          // into a sliver at the foot of a box.
          const tallerThanABox = needed > room;
          if (box.used && (!tallerThanABox || left < 3 * size * 1.45)) {
            close(box, false);
            box = open(true, height);
            queue.unshift(unit);
            continue;
          }
          const parts = tallerThanABox ? splitToFit(unit, unitContext, left) : undefined;
          if (parts) {
            queue.unshift(...parts);
            continue;
          }
          if (box.used) {
            close(box, false);
            box = open(true, height);
            queue.unshift(unit);
            continue;
          }
        }
        typesetBlocks([unit.node], unitContext);
        box.used = true;
      }
    }
    close(box, true);
  });
}

/** A slide's background picture (print-view.ts writes it first, `background=yes`). */
function isBackground(node: RootContent): node is Paragraph {
  return node.type === 'paragraph' && paragraphImage(node)?.options.background === true;
}

/** How strongly a background picture shows behind a slide's text: faint, so that grey text still reads at 4.5:1. */
const FADED = 0.18;

/** The background picture filling the box, faded, cropped to it, under the text: decoration that screen readers skip. */
function drawBackground(context: TypesetContext, node: Paragraph, box: { x: number; y: number; width: number; height: number }): void {
  const url = paragraphImage(node)!.image.url;
  const bytes = context.loadImage(url);
  if (!bytes) return;
  const { doc } = context;
  artifact(doc, () => {
    doc.save();
    doc.rect(box.x, box.y, box.width, box.height).clip();
    doc.opacity(FADED);
    doc.image(doc.openImage(bytes), box.x, box.y, { cover: [box.width, box.height], align: 'center', valign: 'center' });
    doc.restore();
  });
}

/**
 * The largest of `sizes` (largest first, half a point apart) at which something `heightAt` that size fits `room`, or
 * undefined when even the smallest does not. Height grows with size, so this is a search; but each step draws the slide
 * on a scratch page, so the next size tried is not the middle one but the one the heights drawn so far point to (text
 * grows about as the size to the power 1.5: taller letters and more lines). Most slides are found in one to three
 * drawings instead of five; the answer is the one a halving search gives.
 */
export function largestFittingSize(sizes: number[], room: number, heightAt: (size: number) => number): number | undefined {
  // Indices into sizes: every size from `fits` on is known to fit, every size up to `tooTall` not to.
  let tooTall = -1;
  let fits = sizes.length;
  let over: { size: number; height: number } | undefined;
  let under: { size: number; height: number } | undefined;
  const step = sizes.length > 1 ? sizes[0] - sizes[1] : 1;
  let probe = 0;
  while (fits - tooTall > 1) {
    const size = sizes[probe];
    const height = heightAt(size);
    if (height <= room) {
      fits = probe;
      under = { size, height };
    } else {
      tooTall = probe;
      over = { size, height };
    }
    if (fits - tooTall <= 1) break;
    const power =
      over && under && over.height > under.height && over.size > under.size ? Math.log(over.height / under.height) / Math.log(over.size / under.size) : 1.5;
    const guess = over!.size * Math.pow(room / over!.height, 1 / Math.min(3, Math.max(0.5, power)));
    const index = Math.ceil((sizes[0] - guess) / step - 1e-9);
    probe = Math.min(fits - 1, Math.max(tooTall + 1, Number.isFinite(index) ? index : tooTall + 1));
  }
  return fits < sizes.length ? sizes[fits] : undefined;
}

/** A list goes into boxes item by item. */
function listItemsApart(node: RootContent): RootContent[] {
  if (node.type !== 'list' || node.children.length < 2) return [node];
  return node.children.map((item, index): List => ({ ...node, start: (node.start ?? 1) + index, children: [item] }));
}

/**
 * Split a unit that does not fit the room left in a box into a first part that does and the rest, or undefined when
 * no first part fits (the unit then starts the next box) or the unit cannot be split.
 */
function splitToFit(unit: Unit, context: TypesetContext, room: number): Unit[] | undefined {
  const { node, indent } = unit;
  const fitsIn = (candidate: RootContent) => drawnHeight([candidate], context) <= room;
  switch (node.type) {
    case 'paragraph': {
      const words = wordsOf(runsOf(node.children));
      const count = largestFitting(words.length, (n) => fitsIn(paragraphOf(words.slice(0, n))));
      return count > 0 && count < words.length
        ? [
            { node: paragraphOf(words.slice(0, count)), indent },
            { node: paragraphOf(words.slice(count)), indent },
          ]
        : undefined;
    }
    case 'table': {
      const [header, ...rows] = node.children;
      const count = largestFitting(rows.length, (n) => fitsIn({ ...node, children: [header, ...rows.slice(0, n)] }));
      if (count === 0 && rows.length > 0) {
        // Even the first row is too tall: its cells are split alike, the rest going on in a row of the next part.
        const cells = rows[0].children.map((cell) => wordsOf(runsOf(cell.children)));
        const longest = Math.max(...cells.map((words) => words.length));
        const share = (words: Run[], n: number) => Math.ceil((n * words.length) / longest);
        const rowOf = (n: number, first: boolean): TableRow => ({
          ...rows[0],
          children: rows[0].children.map((cell, index) => {
            const words = cells[index];
            const part = first ? words.slice(0, share(words, n)) : words.slice(share(words, n));
            return { ...cell, children: paragraphOf(part).children };
          }),
        });
        const n = largestFitting(longest, (k) => fitsIn({ ...node, children: [header, rowOf(k, true)] }));
        if (n === 0 || n >= longest) return undefined;
        return [
          { node: { ...node, children: [header, rowOf(n, true)] }, indent },
          { node: { ...node, children: [header, rowOf(n, false), ...rows.slice(1)] }, indent },
        ];
      }
      return count > 0 && count < rows.length
        ? [
            { node: { ...node, children: [header, ...rows.slice(0, count)] }, indent },
            { node: { ...node, children: [header, ...rows.slice(count)] }, indent },
          ]
        : undefined;
    }
    case 'code': {
      const lines = node.value.split('\n');
      const count = largestFitting(lines.length, (n) => fitsIn({ ...node, value: lines.slice(0, n).join('\n') }));
      return count > 0 && count < lines.length
        ? [
            { node: { ...node, value: lines.slice(0, count).join('\n') }, indent },
            { node: { ...node, value: lines.slice(count).join('\n') }, indent },
          ]
        : undefined;
    }
    case 'leafDirective': {
      if (node.name !== 'timeline') return undefined;
      // A drawn timeline goes on after as many events as fit (drawn down the box, when that is shorter), else row by row.
      const events = eventsOf(node);
      const count = largestFitting(events.length, (n) => n === 0 || fitsIn(timelineOf(events.slice(0, n))));
      const parts: RootContent[] | undefined =
        count > 0 && count < events.length ? [timelineOf(events.slice(0, count)), timelineOf(events.slice(count))] : splitTimeline(node);
      return parts?.map((part) => ({ node: part, indent }));
    }
    case 'blockquote':
      return node.children.length > 0 ? node.children.map((child) => ({ node: child, indent: indent + 14 })) : undefined;
    case 'list': {
      // One item (see listItemsApart): its first paragraph keeps the marker, the rest continue under it, indented.
      const [item] = node.children;
      const [first, ...rest] = item.children as RootContent[];
      if (!first) return undefined;
      const inner = indent + listIndent(context, node);
      const restUnits = rest.map((child) => ({ node: child, indent: inner }));
      const withFirst = (child: RootContent): Unit => ({ node: { ...node, children: [{ ...item, children: [child] } as ListItem] }, indent });
      if (rest.length > 0 && fitsIn(withFirst(first).node)) return [withFirst(first), ...restUnits];
      if (first?.type !== 'paragraph') return rest.length > 0 ? [withFirst(first), ...restUnits] : undefined;
      const parts = splitToFit({ node: first, indent: inner }, { ...context, width: context.width - (inner - indent) }, room);
      if (!parts) return undefined;
      const [head, ...tail] = parts;
      return [withFirst(head.node), ...tail, ...restUnits];
    }
    default:
      return undefined;
  }
}

/** The largest n in 0..total for which `fits(n)` holds (fits is monotone: fewer always fits when more does). */
function largestFitting(total: number, fits: (n: number) => boolean): number {
  let low = 0;
  let high = total;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Runs cut into words (each keeping the space after it) and line breaks, so a paragraph can be split anywhere. */
function wordsOf(runs: Run[]): Run[] {
  return runs.flatMap((run) => (run.math ? [run] : run.text.split(/(?<=\s)|(?=\n)/).map((text) => ({ ...run, text }))));
}

/** Print Markdown for runs: bold, emphasis (grey) and links as they were, a "\n" run as a line break. */
function paragraphOf(runs: Run[]): Paragraph {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    const same =
      last &&
      last.text !== '\n' &&
      run.text !== '\n' &&
      !last.math &&
      !run.math &&
      last.bold === run.bold &&
      last.muted === run.muted &&
      last.link === run.link;
    if (same) merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else merged.push(run);
  }
  const children: PhrasingContent[] = [];
  for (const run of merged) {
    if (run.text === '\n') {
      children.push({ type: 'break' });
      continue;
    }
    let phrase: PhrasingContent = run.math ? { type: 'inlineMath', value: run.text } : { type: 'text', value: run.text };
    if (run.muted) phrase = { type: 'emphasis', children: [phrase] };
    if (run.bold) phrase = { type: 'strong', children: [phrase] };
    if (run.link) phrase = { type: 'link', url: run.link, children: [phrase] };
    children.push(phrase);
  }
  return { type: 'paragraph', children };
}

function stackColumns(node: RootContent): RootContent[] {
  if (node.type !== 'containerDirective' || node.name !== 'columns') return [node];
  return node.children.flatMap((column) => (column.type === 'containerDirective' ? (column.children as RootContent[]) : [column as RootContent]));
}
