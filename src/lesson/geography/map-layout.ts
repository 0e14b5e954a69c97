// A :::map laid out once for every output: the projected outlines as SVG path data, and where each label, dot and arrow
// goes, in a frame MAP_WIDTH units wide. The deck draws it as SVG, the printables with PDFKit (which reads path data).
import { geoConicEqualArea, geoEqualEarth, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { MultiPoint, Polygon } from 'geojson';
import type { Block, MapRegion } from '../model.ts';
import type { LabelName } from '../../labels/english.ts';
import { label, type LessonLabels } from '../../labels/lesson-labels.ts';
import { countryOutlines, type CountryFeature } from './countries.ts';

export type MapBlock = Extract<Block, { kind: 'map' }>;

export const MAP_WIDTH = 1000;
/** How many kinds of shading a map can show apart in black and white. */
export const SHADE_STYLES = 4;
const COUNTRY_SIZE = 28;
export const PLACE_SIZE = 26;
const DOT_RADIUS = 8;

/** What a map shows: with names (the slide), numbers for students to name (the worksheet), or both (the key). */
export type MapMode = 'labelled' | 'numbered' | 'key';

export interface MapLabel {
  text: string;
  /** The anchor point: the label's middle (`middle`) or its left end (`start`), at the middle of its height. */
  x: number;
  y: number;
  anchor: 'start' | 'middle';
  size: number;
  bold: boolean;
}

export interface MapDrawing {
  width: number;
  height: number;
  /** Every country in the frame; `shade` is the index of its shading style, when shaded. */
  countries: { name: string; path: string; shade?: number }[];
  labels: MapLabel[];
  /** Thin lines from a label placed away from what it names back to it. */
  leaders: string[];
  dots: { x: number; y: number; r: number }[];
  arrows: { line: string; head: string }[];
}

/** The projection that shows a region with little distortion, and the frame's height. */
export function regionProjection(region: MapRegion): { projection: GeoProjection; height: number } {
  const east = region.east > region.west ? region.east : region.east + 360;
  const span = east - region.west;
  const middle = region.west + span / 2;
  const latitude = (region.south + region.north) / 2;
  const projection =
    span > 200
      ? geoEqualEarth().rotate([-middle, 0])
      : Math.abs(latitude) < 20
        ? geoMercator().rotate([-middle, 0])
        : geoConicEqualArea()
            .rotate([-middle, 0])
            .parallels([region.south + (region.north - region.south) / 6, region.north - (region.north - region.south) / 6]);
  const edge: MultiPoint = { type: 'MultiPoint', coordinates: [] };
  for (let step = 0; step <= 40; step++) {
    const lon = region.west + (span * step) / 40;
    const lat = region.south + ((region.north - region.south) * step) / 40;
    edge.coordinates.push([lon, region.south], [lon, region.north], [region.west, lat], [east, lat]);
  }
  projection.fitWidth(MAP_WIDTH, edge);
  const [[, top], [, bottom]] = geoPath(projection).bounds(edge);
  const height = Math.round(Math.min(Math.max(bottom - top, MAP_WIDTH * 0.45), MAP_WIDTH * 0.9));
  projection.fitExtent(
    [
      [0, 0],
      [MAP_WIDTH, height],
    ],
    edge,
  );
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, height],
  ]);
  return { projection, height };
}

/** Where a place falls on the map, or undefined when it is outside the frame. */
export function placePoint(map: Pick<MapBlock, 'region'>, lon: number, lat: number): [number, number] | undefined {
  const { projection, height } = regionProjection(map.region);
  const point = projection([lon, lat]);
  return point && point[0] >= 0 && point[0] <= MAP_WIDTH && point[1] >= 0 && point[1] <= height ? point : undefined;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A label's box, guessed from its length (renderers use their own fonts; this only keeps labels apart). */
function boxOf(label: MapLabel): Box {
  const width = label.text.length * label.size * (label.bold ? 0.6 : 0.55) + 8;
  const left = label.anchor === 'middle' ? label.x - width / 2 : label.x - 4;
  return { left, right: left + width, top: label.y - label.size * 0.65, bottom: label.y + label.size * 0.65 };
}

/** The middle of a country's largest piece inside the frame (Russia's mainland rather than all its islands). */
function anchorOf(outline: CountryFeature, path: ReturnType<typeof geoPath>): [number, number] | undefined {
  const { geometry } = outline;
  const pieces: Polygon[] =
    geometry.type === 'MultiPolygon'
      ? geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }))
      : geometry.type === 'Polygon'
        ? [geometry]
        : [];
  const largest = pieces.map((piece) => ({ piece, area: path.area(piece) })).sort((a, b) => b.area - a.area)[0];
  if (!largest || largest.area === 0) return undefined;
  const centre = path.centroid(largest.piece);
  return Number.isFinite(centre[0]) ? centre : undefined;
}

/** `textScale` enlarges the names, for a map printed so small that its names would otherwise be unreadable. */
export function mapDrawing(map: MapBlock, mode: MapMode = 'labelled', textScale = 1): MapDrawing {
  const { projection, height } = regionProjection(map.region);
  const path = geoPath(projection).digits(1);
  const shaded = new Map(map.shades.flatMap((shade, index) => shade.countries.map((country) => [country.key, { index, country }] as const)));
  const countries: MapDrawing['countries'] = [];
  const anchors = new Map<string, [number, number]>();
  const span = (map.region.east > map.region.west ? map.region.east : map.region.east + 360) - map.region.west;
  for (const [key, outline] of countryOutlines(span > 60 ? '110m' : '50m')) {
    const d = path(outline);
    if (!d) continue;
    const shade = shaded.get(key);
    countries.push({ name: outline.properties.name, path: d, ...(shade && mode !== 'numbered' ? { shade: shade.index % SHADE_STYLES } : {}) });
    const anchor = shade && anchorOf(outline, path);
    if (anchor) anchors.set(key, anchor);
  }

  const taken: Box[] = [];
  const labels: MapLabel[] = [];
  const leaders: string[] = [];
  const dots: MapDrawing['dots'] = [];
  const arrows: MapDrawing['arrows'] = [];
  const f = (n: number) => Math.round(n * 10) / 10;

  /**
   * Put a label near its anchor, where it covers no other label or dot: tried all around the anchor, further and
   * further away (with a leader line back to the anchor once it is away from it), or else where it covers least.
   */
  const placeLabel = (text: string, [ax, ay]: [number, number], size: number, bold: boolean, near: number, centred: boolean) => {
    const sample = boxOf({ text, x: 0, y: 0, anchor: 'middle', size, bold });
    const [halfWidth, halfHeight] = [sample.right, sample.bottom];
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
    const candidates: { label: MapLabel; far: boolean }[] = centred ? [{ label: { text, x: ax, y: ay, anchor: 'middle', size, bold }, far: false }] : [];
    [0, 1, 2, 3.5, 5].forEach((ring) => {
      const radius = near + ring * size * 1.1;
      for (const [dx, dy] of directions)
        candidates.push({
          label: { text, x: ax + dx * (radius + halfWidth), y: ay + dy * (radius + halfHeight), anchor: 'middle', size, bold },
          far: ring > 0 || centred,
        });
    });
    const cost = ({ label }: { label: MapLabel }) => {
      const box = boxOf(label);
      const outside = box.left < 2 || box.top < 2 || box.right > MAP_WIDTH - 2 || box.bottom > height - 2 ? 1e6 : 0;
      const covered = taken.reduce(
        (sum, other) =>
          sum +
          Math.max(0, Math.min(box.right, other.right) - Math.max(box.left, other.left)) *
            Math.max(0, Math.min(box.bottom, other.bottom) - Math.max(box.top, other.top)),
        0,
      );
      return outside + covered;
    };
    const chosen = candidates.find((candidate) => cost(candidate) === 0) ?? [...candidates].sort((a, b) => cost(a) - cost(b))[0];
    const box = boxOf(chosen.label);
    taken.push(box);
    labels.push(chosen.label);
    if (chosen.far) {
      const x = Math.min(Math.max(ax, box.left), box.right);
      const y = Math.min(Math.max(ay, box.top), box.bottom);
      if (Math.hypot(x - ax, y - ay) > near) leaders.push(`M${f(ax)},${f(ay)}L${f(x)},${f(y)}`);
    }
  };

  const points = new Map<string, [number, number]>();
  map.places.forEach((spot) => {
    const point = projection([spot.lon, spot.lat]);
    if (!point) return;
    points.set(spot.name.toLowerCase(), point);
    dots.push({ x: point[0], y: point[1], r: DOT_RADIUS });
    taken.push({ left: point[0] - DOT_RADIUS, right: point[0] + DOT_RADIUS, top: point[1] - DOT_RADIUS, bottom: point[1] + DOT_RADIUS });
  });

  if (mode !== 'numbered')
    for (const arrow of map.arrows) {
      const from = points.get(arrow.from.toLowerCase());
      const to = points.get(arrow.to.toLowerCase());
      if (!from || !to) continue;
      const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
      if (length < 3 * DOT_RADIUS) continue;
      const [ux, uy] = [(to[0] - from[0]) / length, (to[1] - from[1]) / length];
      const start = [from[0] + ux * (DOT_RADIUS + 4), from[1] + uy * (DOT_RADIUS + 4)];
      const tip = [to[0] - ux * (DOT_RADIUS + 4), to[1] - uy * (DOT_RADIUS + 4)];
      const base = [tip[0] - ux * 24, tip[1] - uy * 24];
      arrows.push({
        line: `M${f(start[0])},${f(start[1])}L${f(base[0])},${f(base[1])}`,
        head: `M${f(tip[0])},${f(tip[1])}L${f(base[0] - uy * 11)},${f(base[1] + ux * 11)}L${f(base[0] + uy * 11)},${f(base[1] - ux * 11)}Z`,
      });
      // The arrow's line is kept clear of labels too.
      for (let step = 0.2; step < 0.85; step += 0.1) {
        const [x, y] = [from[0] + (to[0] - from[0]) * step, from[1] + (to[1] - from[1]) * step];
        taken.push({ left: x - 4, right: x + 4, top: y - 4, bottom: y + 4 });
      }
    }

  // Numbers follow the order of the lesson: places first, then the shaded countries.
  let number = 0;
  map.places.forEach((spot) => {
    const point = points.get(spot.name.toLowerCase());
    number++;
    if (!point) return;
    const text = mode === 'labelled' ? spot.name : mode === 'numbered' ? String(number) : `${number} ${spot.name}`;
    placeLabel(text, point, PLACE_SIZE * textScale, mode === 'numbered', DOT_RADIUS + 4, false);
  });
  for (const shade of map.shades)
    for (const country of shade.countries) {
      number++;
      const anchor = anchors.get(country.key);
      if (!anchor) continue;
      const text = mode === 'labelled' ? country.name : mode === 'numbered' ? String(number) : `${number} ${country.name}`;
      placeLabel(text, anchor, COUNTRY_SIZE * textScale, true, 4, true);
    }
  if (mode === 'labelled')
    map.arrows.forEach((arrow) => {
      const from = points.get(arrow.from.toLowerCase());
      const to = points.get(arrow.to.toLowerCase());
      if (!arrow.label || !from || !to) return;
      placeLabel(arrow.label, [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2], PLACE_SIZE * textScale, false, 6, false);
    });
  return { width: MAP_WIDTH, height, countries, labels, leaders, dots, arrows };
}

/** What a map shows, in words: the deck's alt text and the description of the printed map. */
export function mapDescription(map: MapBlock, labels: LessonLabels): string {
  const shades = map.shades.map((shade) => `${shade.countries.map((country) => country.name).join(', ')}${shade.label ? ` (${shade.label})` : ''}`);
  const arrows = map.arrows.map((arrow) => `${label(labels, 'map.arrow', { from: arrow.from, to: arrow.to })}${arrow.label ? ` (${arrow.label})` : ''}`);
  return [
    label(labels, 'map.description', { region: regionInWords(map.region, labels) }),
    shades.length > 0 ? label(labels, 'map.shaded', { list: shades.join('; ') }) : '',
    map.places.length > 0 ? label(labels, 'map.places', { list: map.places.map((spot) => spot.name).join(', ') }) : '',
    arrows.length > 0 ? label(labels, 'map.arrows', { list: arrows.join('; ') }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A map's region in the lesson's words, as `{region}` of "Map of {region}": its name, or its edges in degrees. */
export function regionInWords(region: MapRegion, labels: LessonLabels): string {
  const name =
    region.name &&
    (`region.${region.name.charAt(0).toLowerCase()}${region.name.slice(1).replace(/ (\w)/g, (_, letter: string) => letter.toUpperCase())}` as LabelName);
  if (name && name in labels.texts) return label(labels, name);
  if (region.name) return region.name;
  const lon = (value: number) => label(labels, value < 0 ? 'map.west' : 'map.east', { degrees: Math.abs(value) });
  const lat = (value: number) => label(labels, value < 0 ? 'map.south' : 'map.north', { degrees: Math.abs(value) });
  return label(labels, 'map.area', { west: lon(region.west), east: lon(region.east), south: lat(region.south), north: lat(region.north) });
}
