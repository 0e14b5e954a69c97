// Map names where a cartographer would put them, on many generated maps: each country's name on the country (its
// middle inside the country's real outline) or joined to it by a short leader line; no name over another name, a dot
// or another shaded country; an arrow's label beside its arrow. Checked against the countries' real shapes (d3-geo's
// spherical geoContains), not against the grid the placement itself uses.
import fc from 'fast-check';
import { geoCentroid, geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { countryOutlines } from '../../src/lesson/geography/countries.ts';
import { MAP_WIDTH, mapDrawing, regionProjection, type MapBlock, type MapMode } from '../../src/lesson/geography/map-layout.ts';
import { boxMeetsSegment, labelBox } from '../../src/lesson/geography/map-labels.ts';
import { REGIONS } from '../../src/lesson/geography/regions.ts';
import type { Box } from '../../src/lesson/geography/map-grid.ts';
import { announceSeed, propertyRuns } from '../support/seed.ts';

announceSeed('The maps');

/** Countries a teacher could shade on each region's map: those whose middle is in the frame. */
function countriesIn(regionName: string): { key: string; name: string }[] {
  const bounds = REGIONS[regionName];
  const region = { name: regionName, ...bounds };
  const { projection, height } = regionProjection(region);
  const span = bounds.east - bounds.west;
  return [...countryOutlines(span > 60 ? '110m' : '50m')]
    .filter(([, outline]) => {
      const point = projection(geoCentroid(outline));
      return point && point[0] > 20 && point[0] < MAP_WIDTH - 20 && point[1] > 20 && point[1] < height - 20;
    })
    .map(([key, outline]) => ({ key, name: outline.properties.name }));
}

const REGION_NAMES = ['Europe', 'East Asia', 'Africa', 'South America', 'Middle East', 'South Asia', 'Southeast Asia', 'North America'];
const CANDIDATES = new Map(REGION_NAMES.map((name) => [name, countriesIn(name)]));

const PLACE_NAMES = ['Harbour Town', 'Hillview', 'Riverside', 'Old Fort', 'Lakeside'];
const ARROW_LABELS = ['Trade route', 'About 900 km', 'Ferry', 'Migration'];

/** A map as a lesson could have: one to five shaded countries in one or two shadings, up to three places and two arrows. */
const generatedMap = fc
  .constantFrom(...REGION_NAMES)
  .chain((regionName) => {
    const candidates = CANDIDATES.get(regionName)!;
    const bounds = REGIONS[regionName];
    return fc.record({
      regionName: fc.constant(regionName),
      shaded: fc.uniqueArray(fc.constantFrom(...candidates), { minLength: 1, maxLength: 5, selector: (country) => country.key }),
      split: fc.integer({ min: 0, max: 4 }),
      // Places a degree apart or more: two places on one spot are no map a lesson has.
      places: fc.uniqueArray(
        fc.record({
          lon: fc.integer({ min: bounds.west + 2, max: bounds.east - 2 }),
          lat: fc.integer({ min: bounds.south + 2, max: bounds.north - 2 }),
        }),
        { maxLength: 3, selector: (place) => `${place.lon} ${place.lat}` },
      ),
      arrows: fc.array(fc.record({ from: fc.nat(2), to: fc.nat(2), labelled: fc.boolean() }), { maxLength: 2 }),
    });
  })
  .map(({ regionName, shaded, split, places, arrows }): MapBlock => {
    const at = Math.min(split, shaded.length - 1);
    const shades = [shaded.slice(0, at + 1), shaded.slice(at + 1)].filter((part) => part.length > 0).map((countries) => ({ countries }));
    const named = places.map((place, index) => ({ name: PLACE_NAMES[index], lat: place.lat, lon: place.lon }));
    return {
      kind: 'map',
      caption: 'A generated map',
      region: { name: regionName, ...REGIONS[regionName] },
      shades,
      places: named,
      arrows: arrows
        .filter((arrow) => arrow.from < named.length && arrow.to < named.length && arrow.from !== arrow.to)
        .map((arrow, index) => ({ from: named[arrow.from].name, to: named[arrow.to].name, ...(arrow.labelled ? { label: ARROW_LABELS[index] } : {}) })),
    };
  });

const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

function distanceToSegment([px, py]: [number, number], [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** What is wrong with where a map's names went, in words (empty when nothing is). */
function misplacedNames(map: MapBlock, mode: MapMode): string[] {
  const drawing = mapDrawing(map, mode);
  const { projection, height } = regionProjection(map.region);
  const span = map.region.east - map.region.west;
  const outlines = countryOutlines(span > 60 ? '110m' : '50m');
  const inside = (key: string, [x, y]: [number, number]) => {
    const lonLat = projection.invert!([x, y]);
    return lonLat !== null && geoContains(outlines.get(key)!, lonLat);
  };
  const shaded = map.shades.flatMap((shade) => shade.countries);
  // Each leader line is drawn from its feature to its label: [feature x, feature y, label x, label y].
  const leaders = drawing.leaders.map((leader) => leader.match(/-?[\d.]+/g)!.map(Number) as [number, number, number, number]);
  const boxes = drawing.labels.map((label) => labelBox(label.text, label.x, label.y, label.size, label.bold));
  const problems: string[] = [];
  const numberOf = (index: number) => String(map.places.length + index + 1);

  drawing.labels.forEach((label, index) => {
    const box = boxes[index];
    if (box.left < 0 || box.top < 0 || box.right > MAP_WIDTH || box.bottom > height) problems.push(`"${label.text}" is off the map`);
    boxes.forEach((other, otherIndex) => {
      if (otherIndex > index && overlapArea(box, other) > 1) problems.push(`"${label.text}" covers "${drawing.labels[otherIndex].text}"`);
    });
    for (const dot of drawing.dots)
      if (overlapArea(box, { left: dot.x - dot.r, right: dot.x + dot.r, top: dot.y - dot.r, bottom: dot.y + dot.r }) > 1)
        problems.push(`"${label.text}" covers a dot`);
    const leader = label.leader === undefined ? undefined : leaders[label.leader];
    if (leader && Math.hypot(leader[2] - leader[0], leader[3] - leader[1]) > 0.3 * MAP_WIDTH) problems.push(`"${label.text}" has a long leader line`);
    // On the worksheet a leader line runs clear of every other number: "3 –9" would read as a range.
    if (leader && mode === 'numbered')
      boxes.forEach((other, otherIndex) => {
        if (otherIndex !== index && boxMeetsSegment(other, [leader[0], leader[1]], [leader[2], leader[3]], 3))
          problems.push(`"${label.text}"'s leader line touches "${drawing.labels[otherIndex].text}"`);
      });

    const textOf = (number: string, name: string) => (mode === 'labelled' ? name : mode === 'numbered' ? number : `${number} ${name}`);
    const countryIndex = shaded.findIndex((country, at) => textOf(numberOf(at), country.name) === label.text);
    if (countryIndex >= 0) {
      const country = shaded[countryIndex];
      // On its country, or joined to it by a leader line that ends inside it.
      if (!inside(country.key, [label.x, label.y]) && !(leader && inside(country.key, [leader[0], leader[1]])))
        problems.push(`"${label.text}" is neither on ${country.name} nor joined to it`);
    }
    const placeIndex = map.places.findIndex((place, at) => textOf(String(at + 1), place.name) === label.text);
    if (placeIndex >= 0) {
      // Beside its dot, or joined to it.
      const place = map.places[placeIndex];
      const [x, y] = projection([place.lon, place.lat])!;
      const away = Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));
      if (away > 2 * label.size && !leader) problems.push(`"${label.text}" is away from its dot`);
    }
    // A country's or an arrow's name is never on a shaded country it does not name or join (points across the box).
    const arrowOf = mode === 'labelled' ? map.arrows.find((candidate) => candidate.label === label.text) : undefined;
    const ends = arrowOf ? map.places.filter((place) => place.name === arrowOf.from || place.name === arrowOf.to) : [];
    for (const other of countryIndex >= 0 || arrowOf ? shaded : []) {
      if (countryIndex >= 0 && shaded[countryIndex].key === other.key) continue;
      if (ends.some((end) => inside(other.key, projection([end.lon, end.lat])!))) continue;
      let covered = 0;
      for (let i = 1; i <= 5; i++)
        for (let j = 1; j <= 2; j++)
          if (inside(other.key, [box.left + ((box.right - box.left) * i) / 6, box.top + ((box.bottom - box.top) * j) / 3])) covered++;
      if (covered > 0) problems.push(`"${label.text}" lies on ${other.name}`);
    }
    const arrow = arrowOf;
    if (arrow) {
      const [from, to] = [arrow.from, arrow.to].map((name) => {
        const place = map.places.find((candidate) => candidate.name === name)!;
        return projection([place.lon, place.lat])!;
      });
      // The distance between the box and the arrow: 0 where they meet, else from the nearest corner or end.
      const corners: [number, number][] = [
        [box.left, box.top],
        [box.right, box.top],
        [box.left, box.bottom],
        [box.right, box.bottom],
      ];
      const toBox = ([x, y]: [number, number]) => Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));
      const nearest = boxMeetsSegment(box, from, to) ? 0 : Math.min(...corners.map((corner) => distanceToSegment(corner, from, to)), toBox(from), toBox(to));
      if (nearest > 3 * label.size) problems.push(`"${label.text}" is away from its arrow`);
    }
  });
  return problems;
}

describe('names on maps', () => {
  it('should put every name on or beside its own feature, clear of every other name, dot and shaded country, on generated maps', () => {
    fc.assert(
      fc.property(generatedMap, (map) => {
        for (const mode of ['labelled', 'numbered', 'key'] as const) expect(misplacedNames(map, mode), `${mode}: ${JSON.stringify(map)}`).toEqual([]);
      }),
      propertyRuns(60),
    );
  });

  it('should name Japan, China and South Korea each on itself or joined to it on a map of East Asia with two arrows', () => {
    const country = (key: string, name: string) => ({ key, name });
    const map: MapBlock = {
      kind: 'map',
      caption: 'Three trading neighbours',
      region: { name: 'East Asia', ...REGIONS['East Asia'] },
      shades: [{ countries: [country('392', 'Japan'), country('156', 'China'), country('410', 'South Korea')] }],
      places: [
        { name: 'Tokyo', lat: 35.68, lon: 139.69 },
        { name: 'Osaka', lat: 34.69, lon: 135.5 },
        { name: 'Shanghai', lat: 31.23, lon: 121.47 },
        { name: 'Seoul', lat: 37.57, lon: 126.98 },
      ],
      arrows: [
        { from: 'Tokyo', to: 'Osaka', label: 'Bullet train, about 500 km' },
        { from: 'Seoul', to: 'Shanghai', label: 'Container ships' },
      ],
    };
    for (const mode of ['labelled', 'numbered', 'key'] as const) expect(misplacedNames(map, mode), mode).toEqual([]);
  });
});
