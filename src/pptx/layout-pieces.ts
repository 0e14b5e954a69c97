// How tall each piece is on a 16:9 slide (estimated from its lines) and where a too-long slide is split, so that
// nothing runs off a slide: what does not fit goes on in a following "(continued)" slide.
import type { Paragraph, Piece, Role, Run } from './slide-pieces.ts';

/** Slide geometry in inches (PowerPoint's 16:9 "widescreen", 13.333 × 7.5 in). */
export const SLIDE = { width: 13.333, height: 7.5 };
export const BODY = { x: 0.6, top: 1.45, bottom: 6.8, width: 12.133 };
export const GAP = 0.18;
/** Text box insets (pptxgenjs takes them in points). */
export const INSET_PT = 5;
const INSET = (2 * INSET_PT) / 72;
export const INDENT = 0.4;
export const PARAGRAPH_SPACE_PT = 6;
const MIN_IMAGE_HEIGHT = 1.6;
/** A displayed formula's size, in points; one wider than the room there is is set smaller. */
export const EQUATION_SIZE = 28;

/** How large a displayed formula is set (points) and its box (inches): its drawing's size, made to fit `width`. */
export function equationBox(piece: Extract<Piece, { kind: 'equation' }>, width: number): { size: number; width: number; height: number } {
  const natural = (piece.width * EQUATION_SIZE) / 72;
  const size = natural > width - INSET ? (EQUATION_SIZE * (width - INSET)) / natural : EQUATION_SIZE;
  return { size, width: (piece.width * size) / 72, height: (piece.height * size) / 72 + INSET };
}

/** Width of a character in ems: wide for CJK and full-width forms, a generous average for the rest (Arial, Calibri). */
function ems(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(character) ? 1 : 0.46;
  return width;
}

function runLines(runs: Run[], size: number, width: number): number {
  const perLine = Math.max(1, ((width - INSET) * 72) / size) * 0.95;
  const pieces: string[] = [''];
  for (const run of runs) {
    if (run.breakBefore) pieces.push('');
    pieces[pieces.length - 1] += run.text;
  }
  return pieces.reduce((sum, text) => sum + Math.max(1, Math.ceil(ems(text) / perLine)), 0);
}

const lineHeight = (size: number) => (size * 1.2) / 72;

export function paragraphHeight(paragraph: Paragraph, width: number): number {
  const indent = paragraph.bullet || paragraph.level ? INDENT * ((paragraph.level ?? 0) + 1) : 0;
  return runLines(paragraph.runs, paragraph.size * (paragraph.bold ? 1.06 : 1), width - indent) * lineHeight(paragraph.size) + PARAGRAPH_SPACE_PT / 72;
}

export const paragraphsHeight = (paragraphs: Paragraph[], width: number) => INSET + paragraphs.reduce((sum, p) => sum + paragraphHeight(p, width), 0);

export function tableColumnWidths(piece: Extract<Piece, { kind: 'table' }>, width: number): number[] {
  const total = piece.shares.reduce((sum, share) => sum + share, 0);
  return piece.shares.map((share) => (width * share) / total);
}

export function tableRowHeight(cells: Run[][], widths: number[], size: number, bold = false): number {
  return Math.max(...cells.map((runs, column) => runLines(runs, size * (bold ? 1.06 : 1), (widths[column] ?? 1) - 0.1))) * lineHeight(size) + 0.1;
}

const FRAME_PAD = 0.3;
export const ROLE_COLUMNS = 3;
const roleBoxWidth = (count: number, width: number) => {
  const columns = Math.min(ROLE_COLUMNS, count);
  return (width - GAP * (columns - 1)) / columns;
};
export function roleParagraphs(role: Role): Paragraph[] {
  return [
    { runs: role.name, size: 20, bold: true },
    ...(role.aim ? [{ runs: [{ text: `${role.aimLabel ?? 'Aim:'} `, bold: true }, ...role.aim], size: 18 }] : []),
  ];
}
export function roleRowHeights(roles: Role[], width: number): number[] {
  const boxWidth = roleBoxWidth(roles.length, width);
  const heights: number[] = [];
  for (let start = 0; start < roles.length; start += ROLE_COLUMNS)
    heights.push(Math.max(...roles.slice(start, start + ROLE_COLUMNS).map((role) => paragraphsHeight(roleParagraphs(role), boxWidth))) + 0.1);
  return heights;
}
export { roleBoxWidth };

export const DEBATE_COLUMN = (width: number) => (width - GAP) / 2;
const debateHeading = 0.5;
export const motionHeight = (piece: Extract<Piece, { kind: 'debate' }>, width: number) => paragraphsHeight([{ runs: piece.motion, size: 22 }], width);
function debateColumnsHeight(piece: Extract<Piece, { kind: 'debate' }>, width: number): number {
  const column = DEBATE_COLUMN(width) - 0.1;
  return debateHeading + Math.max(paragraphsHeight(piece.for.flat(), column), paragraphsHeight(piece.against.flat(), column)) + 0.1;
}

/**
 * How wide an image is drawn, in inches: its share of the width there is (`{width=50%}`), its pixels of the 960 × 700
 * slide (`{width=300px}`), or the width that gives its height; otherwise the width there is, at most 8 inches.
 */
export function imageWidth(piece: Extract<Piece, { kind: 'image' }>, width: number): number {
  const { size } = piece;
  const ratio = piece.width / piece.height;
  const byWidth = size?.width && (size.width.unit === '%' ? (width * size.width.value) / 100 : (size.width.value / 960) * SLIDE.width);
  const byHeight = size?.height && (size.height.unit === '%' ? size.height.value / 100 : size.height.value / 700) * SLIDE.height * ratio;
  // Both given: the picture fits inside them, keeping its shape.
  if (byWidth || byHeight) return Math.min(width, byWidth || Infinity, byHeight || Infinity);
  return Math.min(width, 8);
}

/** A map's legend column: at least this wide (inches), beside the map. */
const MAP_COLUMN = 3.6;
/** A legend swatch (inches), and the gap between it and its text. */
export const SWATCH = { width: 0.45, height: 0.3, gap: 0.15 };
export const LEGEND_SIZE = 14;

/** Where a map and its legend go in a box `width` × `height` inches: the map as large as fits, the legend to its right. */
export function mapLayout(piece: Extract<Piece, { kind: 'map' }>, width: number, height: number) {
  const ratio = piece.height / piece.width;
  const column = Math.min(Math.max(MAP_COLUMN, width * 0.3), width * 0.45);
  const imageWidth = Math.max(0, Math.min(width - column - GAP, height / ratio));
  return { imageWidth, imageHeight: imageWidth * ratio, columnX: imageWidth + GAP, columnWidth: width - imageWidth - GAP };
}

/** A legend line's height beside its swatch. */
export function legendRowHeight(text: string, columnWidth: number): number {
  return Math.max(SWATCH.height + 0.1, paragraphsHeight([{ runs: [{ text }], size: LEGEND_SIZE }], columnWidth - SWATCH.width - SWATCH.gap));
}

function mapColumnHeight(piece: Extract<Piece, { kind: 'map' }>, columnWidth: number): number {
  return piece.legend.reduce((sum, line) => sum + legendRowHeight(line.text, columnWidth), 0) + GAP + paragraphsHeight(piece.paragraphs, columnWidth);
}

export const COLUMN_GAP = 0.4;

/** Where each column of a columns piece goes: its share of the width (scaled down together when they add up to more). */
export function columnBoxes(piece: Extract<Piece, { kind: 'columns' }>, x: number, width: number): { x: number; width: number; pieces: Piece[] }[] {
  const total = Math.max(
    100,
    piece.columns.reduce((sum, column) => sum + column.share, 0),
  );
  const room = width - COLUMN_GAP * (piece.columns.length - 1);
  let left = x;
  return piece.columns.map((column) => {
    const columnWidth = (room * column.share) / total;
    const box = { x: left, width: columnWidth, pieces: column.pieces };
    left += columnWidth + COLUMN_GAP;
    return box;
  });
}

export const TIMELINE_DATE = 0.5;
export const timelineEventWidth = (count: number, width: number) => width / count - 0.1;

export function pieceHeight(piece: Piece, width: number): number {
  switch (piece.kind) {
    case 'text':
      return paragraphsHeight(piece.paragraphs, piece.frame ? width - FRAME_PAD : width) + (piece.frame === 'box' ? 0.1 : 0);
    case 'table': {
      const widths = tableColumnWidths(piece, width);
      return [piece.header, ...piece.rows].reduce((sum, row, index) => sum + tableRowHeight(row, widths, piece.size, index === 0), 0);
    }
    case 'image':
      return Math.min(BODY.bottom - BODY.top, (piece.height / piece.width) * imageWidth(piece, width));
    case 'equation':
      return equationBox(piece, width).height;
    case 'map': {
      const layout = mapLayout(piece, width, BODY.bottom - BODY.top);
      return Math.max(layout.imageHeight, mapColumnHeight(piece, layout.columnWidth));
    }
    case 'columns':
      return Math.max(
        0,
        ...columnBoxes(piece, BODY.x, width).map(({ pieces, width: columnWidth }) =>
          pieces.reduce((sum, inner) => sum + pieceHeight(inner, columnWidth) + GAP, -GAP),
        ),
      );
    case 'debate':
      return (piece.repeatMotion ? 0 : motionHeight(piece, width) + GAP) + debateColumnsHeight(piece, width);
    case 'roles':
      return roleRowHeights(piece.roles, width).reduce((sum, height) => sum + height + GAP, -GAP);
    case 'timeline-line':
      return (
        TIMELINE_DATE +
        0.3 +
        Math.max(...piece.events.map((event) => paragraphsHeight([{ runs: event.event, size: 16 }], timelineEventWidth(piece.events.length, width))))
      );
  }
}

/**
 * Split a piece so its first part fits in `room` inches: [what fits, the rest]. `undefined` when nothing of it fits
 * there (or it cannot be split); the caller then starts a new slide.
 */
export function splitPiece(piece: Piece, room: number, width: number): [Piece, Piece] | undefined {
  switch (piece.kind) {
    case 'text': {
      for (let count = piece.paragraphs.length - 1; count >= 1; count--) {
        const head = { ...piece, paragraphs: piece.paragraphs.slice(0, count) };
        if (pieceHeight(head, width) <= room) return [head, { ...piece, paragraphs: piece.paragraphs.slice(count) }];
      }
      return undefined;
    }
    case 'table': {
      for (let count = piece.rows.length - 1; count >= 1; count--) {
        const head = { ...piece, rows: piece.rows.slice(0, count) };
        // The header row repeats on the continued slide.
        if (pieceHeight(head, width) <= room) return [head, { ...piece, rows: piece.rows.slice(count) }];
      }
      return undefined;
    }
    case 'debate': {
      const longest = Math.max(piece.for.length, piece.against.length);
      for (let count = longest - 1; count >= 1; count--) {
        const head = { ...piece, for: piece.for.slice(0, count), against: piece.against.slice(0, count) };
        if (pieceHeight(head, width) <= room) return [head, { ...piece, for: piece.for.slice(count), against: piece.against.slice(count), repeatMotion: true }];
      }
      return undefined;
    }
    case 'roles': {
      const heights = roleRowHeights(piece.roles, width);
      let used = 0;
      let rows = 0;
      while (rows < heights.length - 1 && used + heights[rows] <= room) used += heights[rows++] + GAP;
      if (rows === 0) return undefined;
      return [
        { ...piece, roles: piece.roles.slice(0, rows * ROLE_COLUMNS) },
        { ...piece, roles: piece.roles.slice(rows * ROLE_COLUMNS) },
      ];
    }
    default:
      return undefined;
  }
}

export interface Placed {
  piece: Piece;
  y: number;
  height: number;
  /** Left edge and width, when not the slide body's (a piece inside a column). */
  x?: number;
  width?: number;
}

/** Lay pieces out top to bottom on as many slides as they need; a piece taller than a whole slide is split. */
export function paginate(pieces: Piece[], width = BODY.width): Placed[][] {
  const pages: Placed[][] = [[]];
  let y = BODY.top;
  const queue = [...pieces];
  const newPage = () => {
    pages.push([]);
    y = BODY.top;
  };
  while (queue.length > 0) {
    const piece = queue.shift()!;
    // A picture that keeps its legend with it (a map) leaves room for it below.
    const reserve = piece.kind === 'image' && piece.keepWithNext && queue[0] ? pieceHeight(queue[0], width) + GAP : 0;
    const room = BODY.bottom - y - (reserve < BODY.bottom - y - MIN_IMAGE_HEIGHT ? reserve : 0);
    const height = pieceHeight(piece, width);
    const fresh = pages.at(-1)!.length === 0;
    const shrinks = piece.kind === 'image' || piece.kind === 'map';
    if (height <= room + 0.001 || (shrinks && room >= Math.min(height, MIN_IMAGE_HEIGHT))) {
      const placed = Math.min(height, room);
      pages.at(-1)!.push({ piece, y, height: placed });
      y += placed + GAP;
      continue;
    }
    const split = splitPiece(piece, room, width);
    if (split) {
      pages.at(-1)!.push({ piece: split[0], y, height: pieceHeight(split[0], width) });
      queue.unshift(split[1]);
      newPage();
    } else if (!fresh) {
      queue.unshift(piece);
      newPage();
    } else {
      // A piece that cannot be split and is taller than a slide (one very long paragraph): shrink-to-fit holds it.
      pages.at(-1)!.push({ piece, y, height: room });
      y = BODY.bottom + GAP;
    }
  }
  return pages.filter((page, index) => page.length > 0 || index === 0);
}
