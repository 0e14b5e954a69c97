// What lies under each part of a laid-out map, cell by cell: open water, unshaded land, or which shaded country. Label
// placement asks it what a label would cover (map-labels.ts); the outlines are filled row by row from their SVG paths.

/** A cell of the grid holds WATER, LAND (a country that is not shaded) or the index of a shaded country plus FIRST. */
export const WATER = 0;
export const LAND = 1;
const FIRST = 2;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The rings of an SVG path as d3-geo writes a projected outline: `M x,y L x,y … Z`, ring after ring. */
function ringsOf(path: string): [number, number][][] {
  const rings: [number, number][][] = [];
  let ring: [number, number][] = [];
  for (const [, command, x, y] of path.matchAll(/([MLZ])(?:(-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?))?/gi)) {
    if (command === 'M' || command === 'm') {
      if (ring.length > 0) rings.push(ring);
      ring = [[Number(x), Number(y)]];
    } else if (command === 'L' || command === 'l') ring.push([Number(x), Number(y)]);
    else {
      if (ring.length > 0) rings.push(ring);
      ring = [];
    }
  }
  if (ring.length > 0) rings.push(ring);
  return rings;
}

export class MapGrid {
  readonly columns: number;
  readonly rows: number;
  private readonly cells: Uint16Array;
  /** For each shaded country, each of its cells' distance (in cells) from its edge: 0 outside it. */
  private readonly depths = new Map<number, Uint16Array>();
  private readonly inside = new Map<number, { x: number; y: number; depth: number }[]>();

  constructor(
    readonly width: number,
    readonly height: number,
    readonly cell: number,
  ) {
    this.columns = Math.ceil(width / cell);
    this.rows = Math.ceil(height / cell);
    this.cells = new Uint16Array(this.columns * this.rows);
  }

  /** Fill a country's outline (its SVG path): `shaded` is its index among the shaded countries, or undefined for land. */
  fill(path: string, shaded?: number): void {
    const value = shaded === undefined ? LAND : FIRST + shaded;
    const crossings: number[][] = Array.from({ length: this.rows }, () => []);
    for (const ring of ringsOf(path))
      ring.forEach(([x1, y1], index) => {
        const [x2, y2] = ring[(index + 1) % ring.length];
        if (y1 === y2) return;
        const [low, high] = y1 < y2 ? [y1, y2] : [y2, y1];
        const first = Math.max(0, Math.ceil(low / this.cell - 0.5));
        const last = Math.min(this.rows - 1, Math.ceil(high / this.cell - 0.5) - 1);
        for (let row = first; row <= last; row++) {
          const y = (row + 0.5) * this.cell;
          crossings[row].push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
        }
      });
    crossings.forEach((xs, row) => {
      xs.sort((a, b) => a - b);
      for (let index = 0; index + 1 < xs.length; index += 2) {
        const from = Math.max(0, Math.ceil(xs[index] / this.cell - 0.5));
        const to = Math.min(this.columns - 1, Math.ceil(xs[index + 1] / this.cell - 0.5) - 1);
        for (let column = from; column <= to; column++) {
          const at = row * this.columns + column;
          // A shaded country is never overwritten by unshaded land drawn after it.
          if (value !== LAND || this.cells[at] < FIRST) this.cells[at] = value;
        }
      }
    });
  }

  /** What lies at a point: WATER, LAND, or FIRST + the index of a shaded country (see `shadedAt`). */
  valueAt(x: number, y: number): number {
    const column = Math.floor(x / this.cell);
    const row = Math.floor(y / this.cell);
    return column < 0 || row < 0 || column >= this.columns || row >= this.rows ? WATER : this.cells[row * this.columns + column];
  }

  /** The shaded country at a point, or undefined. */
  shadedAt(x: number, y: number): number | undefined {
    const value = this.valueAt(x, y);
    return value >= FIRST ? value - FIRST : undefined;
  }

  /** How many points along a line (every half cell) lie on a shaded country other than `own`. */
  othersAlong(x1: number, y1: number, x2: number, y2: number, own: number): number {
    const steps = Math.ceil(Math.hypot(x2 - x1, y2 - y1) / (this.cell / 2));
    let others = 0;
    for (let step = 0; step <= steps; step++) {
      const shaded = this.shadedAt(x1 + ((x2 - x1) * step) / (steps || 1), y1 + ((y2 - y1) * step) / (steps || 1));
      if (shaded !== undefined && shaded !== own) others++;
    }
    return others;
  }

  /** How deep inside a shaded country a point is, in cells (1 on its edge, 0 outside it). */
  depthAt(shaded: number, x: number, y: number): number {
    const column = Math.floor(x / this.cell);
    const row = Math.floor(y / this.cell);
    return column < 0 || row < 0 || column >= this.columns || row >= this.rows ? 0 : this.depthOf(shaded)[row * this.columns + column];
  }

  /** How many of a box's cells hold each thing: its own shaded countries, other shaded countries, and all of them. */
  cover(box: Box, own: ReadonlySet<number>): { own: number; others: number; total: number } {
    const left = Math.max(0, Math.floor(box.left / this.cell));
    const right = Math.min(this.columns - 1, Math.floor(box.right / this.cell));
    const top = Math.max(0, Math.floor(box.top / this.cell));
    const bottom = Math.min(this.rows - 1, Math.floor(box.bottom / this.cell));
    let mine = 0;
    let others = 0;
    let total = 0;
    for (let row = top; row <= bottom; row++)
      for (let column = left; column <= right; column++) {
        const value = this.cells[row * this.columns + column];
        total++;
        if (value >= FIRST) {
          if (own.has(value - FIRST)) mine++;
          else others++;
        }
      }
    return { own: mine, others, total };
  }

  /** Each cell's distance from the edge of a shaded country, for the cells inside it (computed once per country). */
  depthOf(shaded: number): Uint16Array {
    let depths = this.depths.get(shaded);
    if (depths) return depths;
    const value = FIRST + shaded;
    depths = new Uint16Array(this.cells.length);
    const queue: number[] = [];
    for (let at = 0; at < this.cells.length; at++) {
      if (this.cells[at] !== value) continue;
      const row = Math.floor(at / this.columns);
      const column = at % this.columns;
      const edge =
        row === 0 ||
        column === 0 ||
        row === this.rows - 1 ||
        column === this.columns - 1 ||
        this.cells[at - 1] !== value ||
        this.cells[at + 1] !== value ||
        this.cells[at - this.columns] !== value ||
        this.cells[at + this.columns] !== value;
      if (edge) {
        depths[at] = 1;
        queue.push(at);
      }
    }
    for (let next = 0; next < queue.length; next++) {
      const at = queue[next];
      const row = Math.floor(at / this.columns);
      const column = at % this.columns;
      for (const [dr, dc] of [
        [0, 1],
        [0, -1],
        [1, 0],
        [-1, 0],
      ]) {
        const r = row + dr;
        const c = column + dc;
        if (r < 0 || c < 0 || r >= this.rows || c >= this.columns) continue;
        const neighbour = r * this.columns + c;
        if (this.cells[neighbour] === value && depths[neighbour] === 0) {
          depths[neighbour] = depths[at] + 1;
          queue.push(neighbour);
        }
      }
    }
    this.depths.set(shaded, depths);
    return depths;
  }

  /** The cells of a shaded country, deepest first (the middle of its largest part leads), as points (found once). */
  insidePoints(shaded: number): readonly { x: number; y: number; depth: number }[] {
    const known = this.inside.get(shaded);
    if (known) return known;
    const depths = this.depthOf(shaded);
    const points: { x: number; y: number; depth: number }[] = [];
    depths.forEach((depth, at) => {
      if (depth > 0) points.push({ x: ((at % this.columns) + 0.5) * this.cell, y: (Math.floor(at / this.columns) + 0.5) * this.cell, depth });
    });
    points.sort((a, b) => b.depth - a.depth || a.y - b.y || a.x - b.x);
    this.inside.set(shaded, points);
    return points;
  }
}
