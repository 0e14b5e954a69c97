// A :::map laid out once for every output: the projected outlines as SVG path data, and where each label, dot and arrow
// goes, in a frame MAP_WIDTH units wide. The deck draws it as SVG, the printables with PDFKit (which reads path data).
import { geoConicEqualArea, geoEqualEarth, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { MultiPoint, Polygon } from 'geojson';
import type { Block, MapRegion } from '../model.ts';
import type { LabelName } from '../../labels/english.ts';
import { label, type LessonLabels } from '../../labels/lesson-labels.ts';
import { countryOutlines, type CountryFeature } from './countries.ts';
import { MapGrid } from './map-grid.ts';
import { LabelPlacer, type PlacedLabel } from './map-labels.ts';

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
  /** The index of its leader line in `leaders`, when it has one. */
  leader?: number;
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

/** The side of a cell of the grid that tells labels what they would cover, in the frame's units. */
const GRID_CELL = 4;

/** Maps already laid out: every output of a lesson draws the same map (deck, PDFs, PowerPoint file), some twice. */
const drawn = new Map<string, MapDrawing>();
const MAX_DRAWN = 24;

/**
 * `textScale` enlarges the names, for a map printed so small that its names would otherwise be unreadable. A name
 * that fits nowhere is set smaller, but never below `smallest` (in the frame's units): on paper, the body text's size.
 */
export function mapDrawing(map: MapBlock, mode: MapMode = 'labelled', textScale = 1, smallest = 0): MapDrawing {
  const key = JSON.stringify([map.region, map.shades, map.places, map.arrows, mode, textScale, smallest]);
  let drawing = drawn.get(key);
  if (!drawing) {
    if (drawn.size >= MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
    drawn.set(key, (drawing = layOutMap(map, mode, textScale, smallest)));
  }
  return drawing;
}

/** What every layout of a map shares, whatever its names' size: the projected outlines and what lies where. */
interface MapBase {
  projection: GeoProjection;
  height: number;
  countries: { name: string; path: string; shade?: number }[];
  grid: MapGrid;
  /** Each shaded country's middle, for one too small for the grid to hold. */
  fallbacks: Map<string, [number, number]>;
}

const bases = new Map<string, MapBase>();

/** The projected outlines (found once per map: a slide box tries its map at several sizes of names). */
function mapBase(map: MapBlock, shaded: Map<string, { shade: number; order: number }>): MapBase {
  const key = JSON.stringify([map.region, map.shades]);
  const known = bases.get(key);
  if (known) return known;
  const { projection, height } = regionProjection(map.region);
  const path = geoPath(projection).digits(1);
  const countries: MapBase['countries'] = [];
  const fallbacks = new Map<string, [number, number]>();
  const grid = new MapGrid(MAP_WIDTH, height, GRID_CELL);
  const span = (map.region.east > map.region.west ? map.region.east : map.region.east + 360) - map.region.west;
  for (const [key, outline] of countryOutlines(span > 60 ? '110m' : '50m')) {
    const d = path(outline);
    if (!d) continue;
    const shade = shaded.get(key);
    countries.push({ name: outline.properties.name, path: d, ...(shade ? { shade: shade.shade % SHADE_STYLES } : {}) });
    grid.fill(d, shade?.order);
    const anchor = shade && anchorOf(outline, path);
    if (anchor) fallbacks.set(key, anchor);
  }
  const base = { projection, height, countries, grid, fallbacks };
  if (bases.size >= 8) bases.delete(bases.keys().next().value!);
  bases.set(key, base);
  return base;
}

function layOutMap(map: MapBlock, mode: MapMode, textScale: number, smallest: number): MapDrawing {
  const shadedCountries = map.shades.flatMap((shade, index) => shade.countries.map((country) => ({ shade: index, country })));
  const shaded = new Map(shadedCountries.map(({ shade, country }, order) => [country.key, { shade, order }] as const));
  const { projection, height, grid, fallbacks, ...base } = mapBase(map, shaded);
  // The worksheet's map shades nothing: students name what the numbers mark.
  const countries = mode === 'numbered' ? base.countries.map(({ name, path }) => ({ name, path })) : base.countries;

  const placer = new LabelPlacer(grid, smallest);
  const leaders: string[] = [];
  const dots: MapDrawing['dots'] = [];
  const arrows: MapDrawing['arrows'] = [];
  const f = (n: number) => Math.round(n * 10) / 10;

  const points = new Map<string, [number, number]>();
  map.places.forEach((spot) => {
    const point = projection([spot.lon, spot.lat]);
    if (!point) return;
    points.set(spot.name.toLowerCase(), point);
    dots.push({ x: point[0], y: point[1], r: DOT_RADIUS });
    placer.reserve({ left: point[0] - DOT_RADIUS, right: point[0] + DOT_RADIUS, top: point[1] - DOT_RADIUS, bottom: point[1] + DOT_RADIUS });
    const room = PLACE_SIZE * textScale * 1.6;
    placer.keepForName({ left: point[0] - room * 2, right: point[0] + room * 2, top: point[1] - room, bottom: point[1] + room });
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
      // The arrow's line and head are kept clear of labels.
      const steps = Math.ceil(length / 8);
      for (let step = 0; step <= steps; step++) {
        const [x, y] = [start[0] + (tip[0] - start[0]) * (step / steps), start[1] + (tip[1] - start[1]) * (step / steps)];
        const half = step >= steps - 3 ? 11 : 4;
        placer.reserve({ left: x - half, right: x + half, top: y - half, bottom: y + half });
      }
    }

  shadedCountries.forEach(({ country }) => placer.reserveMiddle(shaded.get(country.key)!.order, fallbacks.get(country.key)));

  // Every name to place, numbered in the order of the lesson: places first, then the shaded countries.
  type Request = { text: string; size: number; bold: boolean; place: () => PlacedLabel | undefined; priority: number };
  const requests: Request[] = [];
  const named = (number: number, name: string) => (mode === 'labelled' ? name : mode === 'numbered' ? String(number) : `${number} ${name}`);
  map.places.forEach((spot, index) => {
    const point = points.get(spot.name.toLowerCase());
    if (!point) return;
    const text = named(index + 1, spot.name);
    const [size, bold] = [PLACE_SIZE * textScale, mode === 'numbered'];
    requests.push({ text, size, bold, priority: 1, place: () => placer.placePlace(text, point, size, bold, DOT_RADIUS) });
  });
  shadedCountries.forEach(({ country }, index) => {
    const order = shaded.get(country.key)!.order;
    if (order !== index) return;
    const text = named(map.places.length + index + 1, country.name);
    const size = COUNTRY_SIZE * textScale;
    // Arrows' labels choose first (they must stay along their arrows), then small countries (they have the fewest good
    // spots), then places.
    requests.push({
      text,
      size,
      bold: true,
      priority: grid.insidePoints(order).length / 1e7,
      place: () => placer.placeCountry(text, size, true, order, fallbacks.get(country.key)),
    });
  });
  if (mode === 'labelled')
    map.arrows.forEach((arrow) => {
      const from = points.get(arrow.from.toLowerCase());
      const to = points.get(arrow.to.toLowerCase());
      // An arrow too short to draw (two places on top of each other) has no label either.
      if (!arrow.label || !from || !to || Math.hypot(to[0] - from[0], to[1] - from[1]) < 3 * DOT_RADIUS) return;
      const [text, size] = [arrow.label, PLACE_SIZE * textScale];
      requests.push({ text, size, bold: false, priority: -1, place: () => placer.placeArrowLabel(text, from, to, size) });
    });
  const placed = new Map<Request, PlacedLabel | undefined>();
  [...requests].sort((a, b) => a.priority - b.priority).forEach((request) => placed.set(request, request.place()));
  const labels: MapLabel[] = [];
  for (const request of requests) {
    const spot = placed.get(request);
    if (!spot) continue;
    labels.push({
      text: request.text,
      x: spot.x,
      y: spot.y,
      anchor: 'middle',
      size: spot.size,
      bold: request.bold,
      ...(spot.leader ? { leader: leaders.length } : {}),
    });
    if (spot.leader) leaders.push(`M${f(spot.leader[2])},${f(spot.leader[3])}L${f(spot.leader[0])},${f(spot.leader[1])}`);
  }
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
