// Where a map's names go, as a cartographer would put them: a country's name on the country, in its widest part, or
// beside it on open water or unshaded land with a short leader line when it does not fit; a place's name next to its
// dot; an arrow's label along its arrow. No name covers another name, a dot, an arrow, a leader line or another shaded
// country where any other spot is free. Each candidate spot is scored; the cheapest wins.
import type { Box, MapGrid } from './map-grid.ts';

export interface PlacedLabel {
  /** The label's middle. */
  x: number;
  y: number;
  /** The text's size: a country's name may be set smaller than asked, to fit. */
  size: number;
  box: Box;
  /** From the label's edge to a point on its feature, when the label is away from it. */
  leader?: [number, number, number, number];
}

/** A label's box, guessed from its text (renderers use their own fonts; this keeps labels apart and on their feature). */
export function labelBox(text: string, x: number, y: number, size: number, bold: boolean): Box {
  let ems = 0;
  for (const character of text) ems += WIDE.test(character) ? 1 : bold ? 0.6 : 0.55;
  const width = ems * size + 8;
  return { left: x - width / 2, right: x + width / 2, top: y - size * 0.65, bottom: y + size * 0.65 };
}

/** Letters a font sets a full em wide: Chinese, Japanese and Korean. */
const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** The costs of what a spot covers, in the order a cartographer minds them. */
const COST = {
  /** Per square unit of another name, a dot, an arrow or a leader line covered. */
  covered: 1000,
  /** Per square unit of the room kept beside a dot for its name. */
  keptRoom: 0.5,
  /** Per grid cell of another shaded country under the name. */
  otherCountry: 150,
  /** Per grid cell of a shaded country under a place's name (beside its dot, on whatever land is there). */
  placeOverCountry: 3,
  /** Per grid cell of its own country under a place's or an arrow's name: allowed, but open water is better. */
  ownCountry: 0.2,
  /** A leader line, plus its length. */
  leader: 80,
  /** A country's name set on it but mostly off it, covering the little there is of it. */
  hidesCountry: 150,
  /** Per half cell of a leader line that runs across another shaded country. */
  leaderAcross: 15,
  /** Per cell of a leader line that runs over a name. */
  leaderOverName: 400,
};

/** What setting a name smaller costs, per share of its size given up (a clean spot at full size needs no smaller). */
const SMALLER = 400;

interface Candidate {
  x: number;
  y: number;
  extra: number;
  /**
   * Where a leader line may end (on the feature: a place's dot, points well inside a country), when the label is away
   * from it: the one nearest the label, found only for a spot worth scoring.
   */
  targets?: { x: number; y: number }[];
}

export class LabelPlacer {
  /** What names must keep off: names, dots, arrows, leader lines, and small countries' middles (`owner`: whose). */
  private readonly taken: (Box & { owner?: number })[] = [];
  /** Room beside each dot kept for its place's name: other names pay to use it, but may. */
  private readonly kept: Box[] = [];

  /** `smallest`: the least size a name may be set at to fit (paper keeps names at the body text's size). */
  constructor(
    private readonly grid: MapGrid,
    private readonly smallest = 0,
  ) {}

  /** The sizes to try a name at: as asked, then smaller ones down to the least allowed. */
  private scales(size: number, least: number): number[] {
    return [1, 0.85, 0.7, 0.55].filter((scale) => scale === 1 || (scale >= least && size * scale >= this.smallest));
  }

  /** Keep labels off something drawn (a dot, a stretch of an arrow), or off a small country's middle but its own. */
  reserve(box: Box, owner?: number): void {
    this.taken.push(owner === undefined ? box : { ...box, owner });
  }

  /** Keep the room round a dot for its name: a country's or an arrow's name avoids it where it can. */
  keepForName(box: Box): void {
    this.kept.push(box);
  }

  /** A small shaded country's middle, where its leader line will end: other names keep clear of it. */
  reserveMiddle(shaded: number, fallback: [number, number] | undefined): void {
    const inside = this.grid.insidePoints(shaded);
    if (inside.length > SMALL_COUNTRY) return;
    const [x, y] = inside[0] ? [inside[0].x, inside[0].y] : (fallback ?? [NaN, NaN]);
    if (Number.isNaN(x)) return;
    this.reserve({ left: x - LEADER_CLEARANCE, right: x + LEADER_CLEARANCE, top: y - LEADER_CLEARANCE, bottom: y + LEADER_CLEARANCE }, shaded);
  }

  /**
   * A shaded country's name (or number) on it, else beside it with a leader line to it; a name too long for any free
   * spot is set smaller (down to 55%), as maps set small countries' names.
   */
  placeCountry(text: string, size: number, bold: boolean, shaded: number, fallback: [number, number] | undefined): PlacedLabel | undefined {
    let cheapest: (PlacedLabel & { cost: number; clean: boolean }) | undefined;
    for (const scale of this.scales(size, 0.55)) {
      const found = this.bestCountrySpot(text, size * scale, bold, shaded, fallback);
      if (!found) return undefined;
      const cost = found.cost + (1 - scale) * SMALLER;
      if (!cheapest || cost < cheapest.cost) cheapest = { ...found, cost };
      if (found.clean) break;
    }
    return cheapest && this.take(cheapest);
  }

  private bestCountrySpot(text: string, size: number, bold: boolean, shaded: number, fallback: [number, number] | undefined) {
    const inside = this.grid.insidePoints(shaded);
    const [half] = this.halfSize(text, size, bold);
    const candidates: Candidate[] = [];
    if (inside.length > 0) {
      // On the country: its deepest points first, then a spread of the rest.
      const pole = inside[0];
      const stride = Math.max(1, Math.floor(inside.length / 160));
      inside.slice(0, 40).forEach((point) => candidates.push({ x: point.x, y: point.y, extra: Math.hypot(point.x - pole.x, point.y - pole.y) * 0.05 }));
      for (let index = 40; index < inside.length; index += stride) {
        const point = inside[index];
        candidates.push({ x: point.x, y: point.y, extra: 5 + Math.hypot(point.x - pole.x, point.y - pole.y) * 0.05 });
      }
    }
    const middle = inside[0] ? ([inside[0].x, inside[0].y] as [number, number]) : fallback;
    if (!middle) return undefined;
    const own = new Set([shaded]);
    let best = this.cheapest(text, size, bold, candidates, own, shaded);
    // Beside it: all round its middle, ring after ring further out, pointing back with a leader line. A leader line
    // ends well inside the country: at a point two cells or more from its edge where there is one.
    const deep = inside.filter((point) => point.depth >= Math.min(2, inside[0]?.depth ?? 1));
    const targets = deep.length > 0 ? deep.slice(0, 400) : [{ x: middle[0], y: middle[1], depth: 1 }];
    for (let radius = half * 0.5 + 8; radius < half + 280; radius += 14) {
      // A clean spot already found costs less than any leader line from this ring out would: look no further.
      if (best?.clean && best.cost < COST.leader + Math.max(0, radius - half - 40)) break;
      const ring: Candidate[] = [];
      for (let step = 0; step < 24; step++) {
        const angle = (step / 24) * 2 * Math.PI;
        ring.push({ x: middle[0] + Math.cos(angle) * radius, y: middle[1] + Math.sin(angle) * radius * 0.8, extra: 10, targets });
      }
      const found = this.cheapest(text, size, bold, ring, own, shaded);
      if (found && (!best || found.cost < best.cost)) best = found;
    }
    return best;
  }

  /** A place's name beside its dot, on whichever side is free. */
  placePlace(text: string, [x, y]: [number, number], size: number, bold: boolean, dotRadius: number): PlacedLabel {
    const [halfWidth, halfHeight] = this.halfSize(text, size, bold);
    const candidates: Candidate[] = [];
    const near = dotRadius + 4;
    const directions = [
      [1, 0],
      [-1, 0],
      [0, -1],
      [0, 1],
      [1, -1],
      [1, 1],
      [-1, -1],
      [-1, 1],
    ];
    [0, 1, 2, 3.5, 5, 7].forEach((ring) => {
      const radius = near + ring * size * 1.1;
      for (const [dx, dy] of directions)
        candidates.push({
          x: x + dx * (radius + halfWidth),
          y: y + dy * (radius + halfHeight),
          extra: ring * 25 + (dy !== 0 && dx !== 0 ? 2 : 0),
          ...(ring > 0 ? { targets: [{ x, y }] } : {}),
        });
    });
    const own = this.grid.shadedAt(x, y);
    return this.choose(text, size, bold, candidates, new Set(own === undefined ? [] : [own]), dotRadius);
  }

  /** An arrow's label along it: beside its middle, on either side, or nearer one end; smaller (to 70%) to stay by it. */
  placeArrowLabel(text: string, from: [number, number], to: [number, number], size: number): PlacedLabel {
    // Over the countries it joins a label is in its place; over any other shaded country it is not.
    const own = new Set([this.grid.shadedAt(...from), this.grid.shadedAt(...to)].filter((end) => end !== undefined));
    let cheapest: (PlacedLabel & { cost: number; clean: boolean }) | undefined;
    for (const scale of this.scales(size, 0.7)) {
      const found = this.cheapest(text, size * scale, false, this.alongArrow(text, from, to, size * scale), own, undefined);
      const cost = found ? found.cost + (1 - scale) * SMALLER : Infinity;
      if (found && (!cheapest || cost < cheapest.cost)) cheapest = { ...found, cost };
      if (found?.clean) break;
    }
    return this.take(cheapest ?? this.middleOfMap(text, size, false));
  }

  private alongArrow(text: string, from: [number, number], to: [number, number], size: number): Candidate[] {
    const [halfWidth, halfHeight] = this.halfSize(text, size, false);
    const length = Math.hypot(to[0] - from[0], to[1] - from[1]) || 1;
    const [ux, uy] = [(to[0] - from[0]) / length, (to[1] - from[1]) / length];
    // Beside a point of the arrow: square to it, or straight above, below, left or right of it, as close as clears the
    // point (spots that cross the arrow elsewhere cover its line and lose).
    const directions = [
      [-uy, ux],
      [uy, -ux],
      [0, -1],
      [0, 1],
      [1, 0],
      [-1, 0],
    ];
    const candidates: Candidate[] = [];
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8])
      for (const [dx, dy] of directions) {
        const [px, py] = [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t];
        // The nearest offset at which the box clears the whole arrow (with a little air), then a little further out.
        let clear = halfHeight;
        const at = (offset: number) => ({ x: px + dx * offset, y: py + dy * offset });
        while (clear < 2 * halfWidth + 2 * halfHeight && boxMeetsSegment(labelBox(text, at(clear).x, at(clear).y, size, false), from, to, 6)) clear += 3;
        for (let further = 0; further <= size; further += size / 2) candidates.push({ ...at(clear + further), extra: Math.abs(t - 0.5) * 60 + further * 1.5 });
      }
    return candidates;
  }

  private halfSize(text: string, size: number, bold: boolean): [number, number] {
    const box = labelBox(text, 0, 0, size, bold);
    return [box.right, box.bottom];
  }

  /** The cheapest spot for a place's name, taken. */
  private choose(text: string, size: number, bold: boolean, candidates: Candidate[], own: ReadonlySet<number>, dotRadius = 0): PlacedLabel {
    return this.take(this.cheapest(text, size, bold, candidates, own, undefined, dotRadius) ?? this.middleOfMap(text, size, bold));
  }

  /** Where a name goes when every spot is off the frame (a name wider than the map). */
  private middleOfMap(text: string, size: number, bold: boolean): PlacedLabel & { cost: number } {
    const [x, y] = [this.grid.width / 2, this.grid.height / 2];
    return { x, y, size, box: labelBox(text, x, y, size, bold), cost: 0 };
  }

  /**
   * The cheapest of the candidate spots. For a country's name (`country`), a spot whose middle is off the country has
   * a leader line to it; for a place's, a spot away from its dot has one.
   */
  private cheapest(
    text: string,
    size: number,
    bold: boolean,
    candidates: Candidate[],
    own: ReadonlySet<number>,
    country: number | undefined,
    dotRadius = 0,
  ): (PlacedLabel & { cost: number; clean: boolean }) | undefined {
    let best: (PlacedLabel & { cost: number; clean: boolean }) | undefined;
    for (const candidate of candidates) {
      const box = labelBox(text, candidate.x, candidate.y, size, bold);
      if (box.left < 2 || box.top < 2 || box.right > this.grid.width - 2 || box.bottom > this.grid.height - 2) continue;
      let covered = 0;
      for (const other of this.taken) if (other.owner === undefined || other.owner !== country) covered += overlap(box, other);
      let cost = candidate.extra + covered * COST.covered;
      if (dotRadius === 0) for (const room of this.kept) cost += overlap(box, room) * COST.keptRoom;
      if (best && cost >= best.cost) continue;
      const cover = this.grid.cover(box, own);
      // A place's name sits by its dot whatever land is there; a country's or an arrow's name keeps off other countries.
      const place = dotRadius > 0;
      cost += cover.others * (place ? COST.placeOverCountry : COST.otherCountry);
      let leader: PlacedLabel['leader'];
      let crossings = 0;
      if (country !== undefined) {
        // On it: its middle a cell or more inside the country's edge (the grid's edge cells are only roughly its coast).
        const onIt = this.grid.depthAt(country, candidate.x, candidate.y) >= 2;
        // A name mostly off its country hides it (a small country under its own name): beside it, it reads better.
        if (onIt) cost += (1 - cover.own / cover.total) * 100 + (cover.own < cover.total / 2 ? COST.hidesCountry : 0);
        else if (candidate.targets) {
          leader = leaderLine(box, nearestTo(candidate.targets, candidate.x, candidate.y), 0);
          if (!leader) continue;
          crossings = this.leaderCrossings(leader, country);
          // A leader line is short, and runs over open water or unshaded land, not across another shaded country.
          const length = Math.hypot(leader[2] - leader[0], leader[3] - leader[1]);
          const across = this.grid.othersAlong(...leader, country);
          cost += COST.leader + length * (length > LONG_LEADER ? 3 : 1) + crossings * COST.leaderOverName + across * COST.leaderAcross;
          if (across > 0 || length > LONG_LEADER) crossings++;
        } else continue;
      } else {
        cost += cover.own * COST.ownCountry;
        if (candidate.targets) leader = leaderLine(box, nearestTo(candidate.targets, candidate.x, candidate.y), dotRadius);
        if (leader) crossings = this.leaderCrossings(leader, -1);
        cost += crossings * COST.leaderOverName;
      }
      // Clean: it covers no name, dot, arrow or other shaded country, and its leader line passes none.
      const clean = covered === 0 && (place || cover.others === 0) && crossings === 0;
      if (!best || cost < best.cost) best = { x: candidate.x, y: candidate.y, size, box, cost, clean, ...(leader ? { leader } : {}) };
    }
    return best;
  }

  /** Mark a chosen spot (and its leader line) as taken, and give it without its cost. */
  private take(spot: PlacedLabel & { cost: number; clean?: boolean }): PlacedLabel {
    const placed: PlacedLabel = { x: spot.x, y: spot.y, size: spot.size, box: spot.box, ...(spot.leader ? { leader: spot.leader } : {}) };
    this.taken.push(placed.box);
    if (placed.leader) {
      const [x1, y1, x2, y2] = placed.leader;
      // Its line is kept clear too, as a row of small boxes along it (names stay LEADER_CLEARANCE away).
      const steps = Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 4);
      for (let step = 0; step <= steps; step++) {
        const [x, y] = [x1 + ((x2 - x1) * step) / steps, y1 + ((y2 - y1) * step) / steps];
        this.taken.push({ left: x - LEADER_CLEARANCE, right: x + LEADER_CLEARANCE, top: y - LEADER_CLEARANCE, bottom: y + LEADER_CLEARANCE });
      }
    }
    return placed;
  }

  /** How many names (and dots, arrows, leader lines) a leader line would run over or pass close by. */
  private leaderCrossings([x1, y1, x2, y2]: [number, number, number, number], country: number): number {
    return this.taken.filter((box) => box.owner !== country && boxMeetsSegment(box, [x1, y1], [x2, y2], LEADER_CLEARANCE)).length;
  }
}

/** A leader line longer than this (in the frame's units) costs three times as much per unit, and is not clean. */
const LONG_LEADER = 90;

/** How close a leader line may pass by a name that is not its own, in the frame's units. */
const LEADER_CLEARANCE = 5;

/** A country of at most this many grid cells gets a leader line to its middle, which other names keep clear of. */
const SMALL_COUNTRY = 60;

function nearestTo(points: { x: number; y: number }[], x: number, y: number): [number, number] {
  let best = points[0];
  let distance = Infinity;
  for (const point of points) {
    const here = (point.x - x) ** 2 + (point.y - y) ** 2;
    if (here < distance) [best, distance] = [point, here];
  }
  return [best.x, best.y];
}

/** A leader from the box's nearest edge point to the target (stopping short of a dot), or none when they touch. */
function leaderLine(box: Box, [tx, ty]: [number, number], dotRadius: number): [number, number, number, number] | undefined {
  const x = Math.min(Math.max(tx, box.left), box.right);
  const y = Math.min(Math.max(ty, box.top), box.bottom);
  const length = Math.hypot(tx - x, ty - y);
  if (length <= dotRadius + 5) return undefined;
  const stop = dotRadius > 0 ? (dotRadius + 2) / length : 0;
  return [x, y, tx + (x - tx) * stop, ty + (y - ty) * stop];
}

/** Whether a box, grown by `margin`, meets the segment from a to b. */
export function boxMeetsSegment(box: Box, [ax, ay]: [number, number], [bx, by]: [number, number], margin = 0): boolean {
  const [left, right, top, bottom] = [box.left - margin, box.right + margin, box.top - margin, box.bottom + margin];
  // Clip the segment to the box (Liang–Barsky): it meets the box when some part of it is left.
  let [t0, t1] = [0, 1];
  const [dx, dy] = [bx - ax, by - ay];
  for (const [p, q] of [
    [-dx, ax - left],
    [dx, right - ax],
    [-dy, ay - top],
    [dy, bottom - ay],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}
