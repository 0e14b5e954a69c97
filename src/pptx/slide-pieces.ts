// What a PowerPoint slide shows, as pieces of editable content: a lesson slide's Markdown and blocks become text,
// tables, images and block layouts, each with the height it needs, so a long slide can go on in a "(continued)" slide.
import { hasMathText, mapStrings, mathPieces, plainFormula, texOf } from '../lesson/inline-math-text.ts';
import { texToSvg } from '../math/tex-to-svg.ts';
import { label, type LessonLabels } from '../labels/lesson-labels.ts';
import type { PhrasingContent, RootContent, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { columnWidths, type Block, type ImageSize, type Slide } from '../lesson/model.ts';
import { mapDescription, mapDrawing } from '../lesson/geography/map-layout.ts';
import { legendLines, mapSvg } from '../lesson/geography/map-svg.ts';
import { NO_DESCRIPTION } from '../shared/no-description.ts';
import { DECORATIVE } from './decorative-pictures.ts';
import { imageSize } from './image-size.ts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
  code?: boolean;
  /** A line break before this run, inside the paragraph. */
  breakBefore?: boolean;
  /** The language of a passage in another language than the lesson's. */
  lang?: string;
  /** A formula in a sentence: its TeX (its text is the formula in plain characters). */
  formula?: string;
}

/** A role card on a slide: its name, and its aim after the aim's label. */
export interface Role {
  name: Run[];
  aim?: Run[];
  aimLabel?: string;
}

export interface Paragraph {
  runs: Run[];
  size: number;
  bullet?: 'bullet' | 'number';
  /** The number of a numbered item (continued lists keep counting). */
  number?: number;
  level?: number;
  bold?: boolean;
  italic?: boolean;
}

export type Piece =
  | { kind: 'text'; paragraphs: Paragraph[]; frame?: 'quote' | 'box' }
  | { kind: 'table'; header: Run[][]; rows: Run[][][]; shares: number[]; size: number }
  | { kind: 'image'; data: Uint8Array; mime: string; width: number; height: number; alt: string; size?: ImageSize; keepWithNext?: boolean }
  | { kind: 'columns'; columns: { share: number; pieces: Piece[] }[] }
  | { kind: 'debate'; motion: Run[]; for: Paragraph[][]; against: Paragraph[][]; repeatMotion: boolean }
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'timeline-line'; events: { date: Run[]; event: Run[] }[] }
  /** A map (an SVG picture) beside its legend, each shading's swatch drawn, and the names on it as text. */
  | { kind: 'map'; data: Uint8Array; width: number; height: number; alt: string; legend: { shade: number; text: string }[]; paragraphs: Paragraph[] }
  /** A formula on its own line: a PowerPoint equation. `width` and `height` are its drawing's, in ems. */
  | { kind: 'equation'; tex: string; width: number; height: number };

export const BODY_SIZE = 20;
const TABLE_SIZE = 16;

const plain = (text: string, extra: Partial<Run> = {}): Run => ({ text, ...extra });

/**
 * A lesson block's text (its formulas written `$tex$`) as runs: each formula a run of its own, in plain characters,
 * with its TeX, so that the file can make it an equation inside the text (slide-equations.ts).
 */
export function mathRuns(text: string, style: Partial<Run> = {}): Run[] {
  if (!hasMathText(text)) return [{ ...style, text }];
  return mathPieces(text).map((piece): Run =>
    'tex' in piece ? { ...style, text: plainFormula(piece.tex), formula: piece.tex } : { ...style, text: piece.text },
  );
}

function inlineRuns(nodes: PhrasingContent[], style: Partial<Run> = {}): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case 'text':
        return node.value
          .split('\n')
          .map((text, index) => ({ ...style, text, ...(index > 0 ? { breakBefore: true } : {}), ...(node.data?.lang ? { lang: node.data.lang } : {}) }));
      case 'strong':
        return inlineRuns(node.children, { ...style, bold: true });
      case 'emphasis':
        return inlineRuns(node.children, { ...style, italic: true });
      case 'delete':
        return inlineRuns(node.children, style);
      case 'link':
        return inlineRuns(node.children, { ...style, link: node.url });
      case 'inlineCode':
        return [{ ...style, text: node.value, code: true }];
      case 'inlineMath':
        // A formula in a sentence: an equation in PowerPoint, and in plain characters (`v = d/t`, `x²`) for readers that
        // drop an equation inside a line of text, as LibreOffice does (slide-equations.ts).
        return [{ ...style, text: plainFormula(node.value), formula: node.value }];
      case 'break':
        return [{ ...style, text: '', breakBefore: true }];
      case 'html':
        return [{ ...style, text: node.value.replace(/<[^>]*>/g, '') }].filter((run) => run.text !== '');
      case 'image':
      case 'imageReference':
        return [];
      default:
        return 'children' in node ? inlineRuns(node.children as PhrasingContent[], style) : [{ ...style, text: toString(node) }];
    }
  });
}

interface Images {
  /** The lesson's image files, by their path relative to the lesson. */
  files: ReadonlyMap<string, Uint8Array>;
}

function imagesIn(nodes: PhrasingContent[], images: Images): Piece[] {
  return nodes.flatMap((node): Piece[] => {
    if (node.type === 'image') {
      const data = images.files.get(decodeURI(node.url)) ?? images.files.get(node.url);
      const size = data && imageSize(data);
      // A decorative picture has no description; one the lesson gives none says so (PowerPoint reads the file name otherwise).
      const alt = node.data?.decorative ? DECORATIVE : node.alt?.trim() || NO_DESCRIPTION;
      return data && size ? [{ kind: 'image', data, ...size, alt, ...(node.data?.size ? { size: node.data.size } : {}) }] : [];
    }
    return 'children' in node ? imagesIn(node.children as PhrasingContent[], images) : [];
  });
}

type Emit = { text: (paragraph: Paragraph) => void; piece: (piece: Piece) => void };

/** Markdown node type → how it becomes PowerPoint content. */
const markdownHandlers: Partial<Record<RootContent['type'], (node: never, emit: Emit, images: Images) => void>> = {
  paragraph(node: Extract<RootContent, { type: 'paragraph' }>, emit, images) {
    const runs = inlineRuns(node.children);
    if (runs.some((run) => run.text.trim() !== '')) emit.text({ runs, size: BODY_SIZE });
    imagesIn(node.children, images).forEach(emit.piece);
  },
  heading(node: Extract<RootContent, { type: 'heading' }>, emit) {
    emit.text({ runs: inlineRuns(node.children), size: node.depth <= 2 ? 26 : 24, bold: true });
  },
  list(node: Extract<RootContent, { type: 'list' }>, emit, images) {
    listParagraphs(node, 0, emit, images);
  },
  blockquote(node: Extract<RootContent, { type: 'blockquote' }>, emit, images) {
    const paragraphs: Paragraph[] = [];
    const inner: Emit = { text: (paragraph) => paragraphs.push({ ...paragraph, italic: true }), piece: emit.piece };
    node.children.forEach((child) => handleMarkdown(child, inner, images));
    emit.piece({ kind: 'text', paragraphs, frame: 'quote' });
  },
  table(node: Extract<RootContent, { type: 'table' }>, emit) {
    const cells = (row: TableRow) => row.children.map((cell) => inlineRuns(cell.children));
    const [head, ...rows] = node.children;
    if (!head) return;
    const header = cells(head);
    const body = rows.map(cells);
    const lengths = header.map((_, column) => Math.max(4, ...[header, ...body].map((row) => runsLength(row[column] ?? []))));
    emit.piece({ kind: 'table', header, rows: body, shares: lengths.map((length) => Math.min(length, 60)), size: TABLE_SIZE });
  },
  code(node: Extract<RootContent, { type: 'code' }>, emit) {
    node.value.split('\n').forEach((line) => emit.text({ runs: [plain(line, { code: true })], size: 16 }));
  },
  math(node: Extract<RootContent, { type: 'math' }>, emit) {
    const drawn = texToSvg(node.value, true);
    emit.piece({ kind: 'equation', tex: node.value, width: drawn.width, height: drawn.ascent + drawn.descent });
  },
  html(node: Extract<RootContent, { type: 'html' }>, emit) {
    const text = node.value
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]*>/g, '')
      .trim();
    if (text !== '') emit.text({ runs: [plain(text)], size: BODY_SIZE });
  },
};

function handleMarkdown(node: RootContent, emit: Emit, images: Images): void {
  const handler = markdownHandlers[node.type] as ((node: RootContent, emit: Emit, images: Images) => void) | undefined;
  if (handler) handler(node, emit, images);
  else {
    const text = toString(node).trim();
    if (text !== '') emit.text({ runs: [plain(text)], size: BODY_SIZE });
  }
}

function listParagraphs(list: Extract<RootContent, { type: 'list' }>, level: number, emit: Emit, images: Images): void {
  list.children.forEach((item, index) => {
    let first = true;
    for (const child of item.children) {
      if (child.type === 'list') {
        listParagraphs(child, level + 1, emit, images);
        continue;
      }
      const runs = child.type === 'paragraph' ? inlineRuns(child.children) : [plain(toString(child))];
      const marker = first ? (list.ordered ? { bullet: 'number' as const, number: (list.start ?? 1) + index } : { bullet: 'bullet' as const }) : {};
      emit.text({ runs, size: level === 0 ? BODY_SIZE : 18, level, ...marker });
      if (child.type === 'paragraph') imagesIn(child.children, images).forEach(emit.piece);
      first = false;
    }
  });
}

export function runsLength(runs: Run[]): number {
  return runs.reduce((sum, run) => sum + run.text.length, 0);
}

/**
 * Block kind → its pieces. `block` has its formulas in plain characters; `math` is the same block with them as `$tex$`,
 * for the text that becomes runs (each formula an equation in the file).
 */
type BlockHandler<B> = (block: B, labels: LessonLabels, math: B) => Piece[];

const blockHandlers: { [K in Block['kind']]: BlockHandler<Extract<Block, { kind: K }>> } = {
  terms: (block, labels, math) => {
    const withExamples = block.terms.some((term) => term.example);
    return [
      {
        kind: 'table',
        header: [
          [plain(label(labels, 'terms.term'))],
          [plain(label(labels, 'terms.definition'))],
          ...(withExamples ? [[plain(label(labels, 'terms.example'))]] : []),
        ],
        rows: math.terms.map((term) => [
          mathRuns(term.term, { bold: true }),
          mathRuns(term.definition),
          ...(withExamples ? [mathRuns(term.example ?? '', { italic: true })] : []),
        ]),
        shares: withExamples ? [2, 5, 5] : [2, 7],
        size: TABLE_SIZE,
      },
    ];
  },
  timeline: (block, labels, math) => {
    const short = block.events.length >= 2 && block.events.length <= 5 && block.events.every((event) => event.event.length <= 90 && event.date.length <= 22);
    if (short) return [{ kind: 'timeline-line', events: math.events.map((event) => ({ date: mathRuns(event.date), event: mathRuns(event.event) })) }];
    return [
      {
        kind: 'table',
        header: [[plain(label(labels, 'timeline.date'))], [plain(label(labels, 'timeline.event'))]],
        rows: math.events.map((event) => [mathRuns(event.date, { bold: true }), mathRuns(event.event)]),
        shares: [1, 4],
        size: TABLE_SIZE,
      },
    ];
  },
  debate: (_block, labels, math) => {
    const side = (args: typeof math.for) =>
      args.map((argument): Paragraph[] => [
        { runs: [...mathRuns(argument.claim, { bold: true }), ...(argument.point ? mathRuns(` — ${argument.point}`) : [])], size: 18, bullet: 'bullet' },
      ]);
    return [
      {
        kind: 'debate',
        motion: [plain(`${label(labels, 'debate.motion')} `, { bold: true }), ...mathRuns(math.motion)],
        for: side(math.for),
        against: side(math.against),
        repeatMotion: false,
      },
    ];
  },
  roles: (_block, labels, math) => [
    {
      kind: 'roles',
      roles: math.roles.map(({ name, aim }) => ({ name: mathRuns(name), ...(aim ? { aim: mathRuns(aim), aimLabel: label(labels, 'roles.aim') } : {}) })),
    },
  ],
  questions: (_block, _labels, math) => [
    {
      kind: 'text',
      // Only the questions: model answers are for the teacher and go in the speaker notes.
      paragraphs: math.questions.map((question, index) => ({ runs: mathRuns(question.question), size: BODY_SIZE, bullet: 'number', number: index + 1 })),
    },
  ],
  map: (block, labels, math) => {
    // The map is a picture (SVG, drawn like the deck's) as tall as the slide allows; beside it the legend, each line
    // with its shading's swatch, and the names on the picture as text too (to find, edit and read out): text to edit.
    const drawing = mapDrawing(block);
    const svg = new TextEncoder().encode(mapSvg(drawing, mapDescription(block, labels), 'map', { haloCopies: true }));
    return [
      {
        kind: 'map',
        data: svg,
        width: drawing.width,
        height: drawing.height,
        alt: mapDescription(block, labels),
        legend: legendLines(block, labels),
        paragraphs: [
          ...(block.places.length > 0
            ? [
                {
                  runs: [plain(label(labels, 'map.places', { list: block.places.map((place) => place.name).join(', ') }))],
                  size: 14,
                  bullet: 'bullet' as const,
                },
              ]
            : []),
          ...math.arrows.map((arrow) => ({
            runs: mathRuns(`${arrow.from} → ${arrow.to}${arrow.label ? `: ${arrow.label}` : ''}`),
            size: 14,
            bullet: 'bullet' as const,
          })),
          { runs: mathRuns(math.caption), size: 14, italic: true },
        ],
      },
    ];
  },
  activity: (block, labels, math) => {
    const details = [block.minutes ? label(labels, 'lesson.minutes', { count: block.minutes }) : '', block.grouping ?? ''].filter(Boolean).join(' · ');
    return [
      {
        kind: 'text',
        frame: 'box',
        paragraphs: [
          { runs: mathRuns(math.title), size: 24, bold: true },
          ...(details ? [{ runs: [plain(details)], size: 16, italic: true }] : []),
          ...math.description.map((text) => ({ runs: mathRuns(text), size: 18 })),
          ...math.steps.map((step, index) => ({ runs: mathRuns(step), size: 18, bullet: 'number' as const, number: index + 1 })),
        ],
      },
    ];
  },
};

/** The pieces of one lesson slide, in order; consecutive paragraphs and lists share one text box. */
export function slidePieces(slide: Slide, images: ReadonlyMap<string, Uint8Array>, labels: LessonLabels): Piece[] {
  const pieces: Piece[] = [];
  let titleSkipped = slide.title === undefined;
  const emit: Emit = {
    text(paragraph) {
      const last = pieces.at(-1);
      if (last?.kind === 'text' && !last.frame) last.paragraphs.push(paragraph);
      else pieces.push({ kind: 'text', paragraphs: [paragraph] });
    },
    piece: (piece) => pieces.push(piece),
  };
  for (const part of slide.parts) {
    if (part.kind === 'columns') {
      const shares = columnWidths(part);
      pieces.push({
        kind: 'columns',
        columns: part.columns.map((column, index) => {
          const inner: Piece[] = [];
          const columnEmit: Emit = {
            text(paragraph) {
              const last = inner.at(-1);
              if (last?.kind === 'text' && !last.frame) last.paragraphs.push(paragraph);
              else inner.push({ kind: 'text', paragraphs: [paragraph] });
            },
            piece: (piece) => inner.push(piece),
          };
          column.nodes.forEach((node) => handleMarkdown(node, columnEmit, { files: images }));
          return { share: shares[index], pieces: inner };
        }),
      });
      continue;
    }
    if (part.kind !== 'markdown') {
      pieces.push(...(blockHandlers[part.kind] as BlockHandler<Block>)(mapStrings(part, texOf), labels, part));
      continue;
    }
    for (const node of part.nodes) {
      // The slide's title goes in the title placeholder, not in the body.
      if (!titleSkipped && node.type === 'heading' && node.depth <= 2) {
        titleSkipped = true;
        continue;
      }
      handleMarkdown(node, emit, { files: images });
    }
  }
  return pieces;
}
