// :::map[Caption]{region="East Asia"} — a map: countries to shade, places to mark and arrows between them.
import { texOf } from '../inline-math-text.ts';
import type { ListItem, Paragraph } from 'mdast';
import type { MapArrow, MapPlace, MapRegion, MapShade } from '../model.ts';
import { plainText, placeOf } from '../inline-text.ts';
import { closestName, didYouMean, report, type Place } from '../problems.ts';
import { countryNames, findCountry, findCountryByLocalName } from '../geography/countries.ts';
import { SHADE_STYLES, placePoint } from '../geography/map-layout.ts';
import { REGION_NAMES, findRegion } from '../geography/regions.ts';
import { blockError, listItemsOf, type BlockParser } from './block-context.ts';

const SHAPE = '`- shade: Russia, China — Partners`, `- place: Moscow (55.75, 37.62)` or `- arrow: Moscow -> Pyongyang — Visit`';
const BOUNDS = ['west', 'east', 'south', 'north'] as const;
const ATTRIBUTES = ['region', ...BOUNDS];
const REGION_HELP = `Name a region, like {region="Europe"} (known regions: ${REGION_NAMES.join(', ')}), or give its edges in degrees, like {west=-10 east=40 south=35 north=60}.`;

/** The text of a list item, and where each character of it is in the lesson file (for messages about one name). */
function itemText(item: ListItem): { text: string; at: (index: number) => Place | undefined } {
  const paragraph = item.children[0] as Paragraph | undefined;
  // Names and labels are drawn on the map, which cannot set a formula: as their TeX.
  const text = texOf(plainText(item));
  const first = paragraph?.children[0];
  const start = placeOf(first) ?? placeOf(item);
  const single = paragraph?.children.length === 1 && first?.type === 'text' && !first.value.includes('\n');
  return { text, at: (index) => (start && single ? { line: start.line, column: start.column + index } : start) };
}

/** `Name — label`: the label may be in quotes, and is optional. */
function splitLabel(text: string): [string, string | undefined] {
  const match = /\s+(?:—|–|-{1,2})\s+/.exec(text);
  if (!match) return [text.trim(), undefined];
  const label = text
    .slice(match.index + match[0].length)
    .trim()
    .replace(/^["“”'‘’](.*)["“”'‘’]$/, '$1')
    .trim();
  return [text.slice(0, match.index).trim(), label || undefined];
}

/** A coordinate: a number, with an optional degree sign and N, S, E or W (S and W make it negative). */
function coordinate(text: string, negative: string, positive: string): number | undefined {
  const match = new RegExp(`^(-?\\d+(?:\\.\\d+)?)\\s*°?\\s*([${negative}${positive}]?)$`, 'i').exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2] && match[2].toUpperCase() === negative ? -value : value;
}

function regionOf(attributes: Record<string, string | null | undefined>, error: (reason: string) => undefined): MapRegion | undefined {
  const named = attributes.region;
  const edges = BOUNDS.filter((edge) => attributes[edge] !== undefined && attributes[edge] !== null);
  if (named && edges.length > 0) return error(`This map has both a region and edges: give one or the other. ${REGION_HELP}`);
  if (named) {
    const found = findRegion(named);
    if (!found) return error(`Unknown map region "${named}".${didYouMean(named, REGION_NAMES)} ${REGION_HELP}`);
    return { name: found.name, ...found.bounds };
  }
  if (edges.length === 0) return error(`This map has no region. ${REGION_HELP}`);
  if (edges.length < 4)
    return error(
      `This map's edges lack ${BOUNDS.filter((edge) => !edges.includes(edge)).join(' and ')}: give all four, like {west=-10 east=40 south=35 north=60}.`,
    );
  const value = (edge: (typeof BOUNDS)[number]) => Number(attributes[edge]);
  const wrong = BOUNDS.find((edge) => !Number.isFinite(value(edge)));
  if (wrong) return error(`The map's edge ${wrong}="${attributes[wrong]}" is not a number of degrees, like ${wrong}=40.`);
  const region = { west: value('west'), east: value('east'), south: value('south'), north: value('north') };
  if ([region.west, region.east].some((lon) => lon < -180 || lon > 180) || [region.south, region.north].some((lat) => lat < -90 || lat > 90))
    return error("The map's edges are out of range: west and east are longitudes from -180 to 180, south and north latitudes from -90 to 90.");
  if (region.south >= region.north) return error(`The map's south edge (${region.south}) must be below its north edge (${region.north}).`);
  return region;
}

export const parseMap: BlockParser = (node, file) => {
  let ok = true;
  const fail = (place: Place | undefined, reason: string) => {
    report(file, 'error', reason, place, 'block-shape');
    ok = false;
  };
  const attributes = node.attributes ?? {};
  for (const name of Object.keys(attributes))
    if (!ATTRIBUTES.includes(name)) fail(placeOf(node), `Unknown map setting "${name}".${didYouMean(name, ATTRIBUTES)} ${REGION_HELP}`);
  const region = regionOf(attributes, (reason) => {
    fail(placeOf(node), reason);
    return undefined;
  });

  let caption: string | undefined;
  const items: ListItem[] = [];
  const children = node.children.filter((child) => {
    if (child.type === 'paragraph' && (child as Paragraph).data?.directiveLabel) {
      caption = plainText(child);
      return false;
    }
    return true;
  });
  items.push(...listItemsOf({ ...node, children }, file, SHAPE));

  const shades: MapShade[] = [];
  const places: (MapPlace & { place?: Place })[] = [];
  /** Places written with a mistake already reported: an arrow to one is not a second mistake. */
  const mistaken = new Set<string>();
  const arrows: (MapArrow & { fromAt?: Place; toAt?: Place })[] = [];
  for (const item of items) {
    const { text, at } = itemText(item);
    const kind = /^(shade|place|arrow)\s*:\s*/i.exec(text);
    if (!kind) {
      blockError(file, item, `Each line of a map starts with shade:, place: or arrow:. Write it like: ${SHAPE}`);
      ok = false;
      continue;
    }
    const body = text.slice(kind[0].length);
    const offset = kind[0].length;
    if (kind[1].toLowerCase() === 'shade') {
      const [names, label] = splitLabel(body);
      const countries: MapShade['countries'] = [];
      let position = offset;
      for (const written of names.split(',')) {
        const name = written.trim();
        const column = offset + body.indexOf(name, position - offset);
        position = column + name.length;
        if (name === '') continue;
        const country = findCountry(name) ?? findCountryByLocalName(name, file.data.lang ?? 'en');
        if (!country) {
          const suggestion = closestName(name, countryNames());
          fail(
            at(column),
            `Unknown country "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Write its name (like North Korea, or in the lesson's language: Corée du Nord) or its ISO code (like KP or PRK), countries separated by commas.`,
          );
        } else countries.push(country);
      }
      if (names.trim() === '') fail(at(0), `This shade line names no country. Write it like: \`- shade: Russia, China — Partners\``);
      const same = label === undefined ? undefined : shades.find((shade) => shade.label === label);
      if (same) same.countries.push(...countries);
      else shades.push({ ...(label ? { label } : {}), countries });
    } else if (kind[1].toLowerCase() === 'place') {
      const match = /^(.*?)\s*\(([^,()]+),([^,()]+)\)\s*$/.exec(body);
      const name = (match?.[1] ?? body).trim();
      if (!match || name === '') {
        fail(at(offset), `A place needs its name and then its latitude and longitude in brackets, like: \`- place: Pyongyang (39.02, 125.75)\`.`);
        continue;
      }
      mistaken.add(name.toLowerCase());
      const lat = coordinate(match[2], 'S', 'N');
      const lon = coordinate(match[3], 'W', 'E');
      const coordinatesAt = at(offset + body.indexOf('('));
      if (lat === undefined || lon === undefined)
        fail(
          coordinatesAt,
          `The place "${name}" has coordinates "(${match[2].trim()}, ${match[3].trim()})" that are not numbers of degrees. Write latitude, then longitude, like (39.02, 125.75) or (39.02 N, 125.75 E).`,
        );
      else if (lat < -90 || lat > 90)
        fail(
          coordinatesAt,
          `The latitude of "${name}" is ${lat}, but latitudes go from -90 to 90. Write latitude first, then longitude, like (39.02, 125.75).`,
        );
      else if (lon < -180 || lon > 180)
        fail(
          coordinatesAt,
          `The longitude of "${name}" is ${lon}, but longitudes go from -180 to 180. Write latitude first, then longitude, like (39.02, 125.75).`,
        );
      else if (places.some((other) => other.name.toLowerCase() === name.toLowerCase()))
        fail(at(offset), `The place "${name}" is on this map twice. Give each place once.`);
      else {
        mistaken.delete(name.toLowerCase());
        places.push({ name, lat, lon, ...(coordinatesAt ? { place: coordinatesAt } : {}) });
      }
    } else {
      const [route, label] = splitLabel(body);
      const ends = route.split(/\s*(?:->|→|=>)\s*/);
      if (ends.length !== 2 || ends.some((end) => end.trim() === '')) {
        fail(at(offset), "An arrow goes from one place of the map to another, like: `- arrow: Moscow -> Pyongyang — Putin's visit`.");
        continue;
      }
      const [from, to] = ends.map((end) => end.trim());
      arrows.push({ from, to, ...(label ? { label } : {}), fromAt: at(offset + route.indexOf(from)), toAt: at(offset + route.lastIndexOf(to)) });
    }
  }
  if (shades.length > SHADE_STYLES)
    fail(
      placeOf(node),
      `This map shades ${shades.length} groups of countries; a map can show at most ${SHADE_STYLES} apart in black and white. Give some groups the same label.`,
    );

  const names = places.map((spot) => spot.name);
  const resolved: MapArrow[] = [];
  for (const arrow of arrows) {
    const ends = [
      [arrow.from, arrow.fromAt],
      [arrow.to, arrow.toAt],
    ] as const;
    const found = ends.map(([end, place]) => {
      const spot = places.find((candidate) => candidate.name.toLowerCase() === end.toLowerCase());
      if (!spot && mistaken.has(end.toLowerCase())) ok = false;
      else if (!spot)
        fail(
          place,
          `The arrow ${end === arrow.from ? 'starts at' : 'goes to'} "${end}", which is not a place of this map.${didYouMean(end, names)} If it is a new place, add it first, like: \`- place: ${end} (latitude, longitude)\`.`,
        );
      return spot?.name;
    });
    if (found[0] && found[1]) resolved.push({ from: found[0], to: found[1], ...(arrow.label ? { label: arrow.label } : {}) });
  }

  if (!ok || !region) return undefined;
  for (const spot of places)
    if (!placePoint({ region }, spot.lon, spot.lat))
      report(
        file,
        'warning',
        `The place "${spot.name}" (${spot.lat}, ${spot.lon}) is outside the map's region, so it is not shown. Check that latitude comes first, or choose a larger region.`,
        spot.place,
        'map-place-outside',
      );
  return {
    kind: 'map',
    // A map without a caption of its own gets one in the lesson's language, once that is known (map-names.ts).
    caption: caption ?? '',
    region,
    shades,
    places: places.map(({ name, lat, lon }) => ({ name, lat, lon })),
    arrows: resolved,
  };
};
