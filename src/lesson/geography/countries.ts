// Country outlines (Natural Earth, through world-atlas) and the names and ISO codes a lesson may use for them.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { lecternTextFile } from '../../shared/lectern-files.ts';

export type CountryFeature = Feature<Geometry, { name: string }>;

export interface Country {
  /** The outline's key: its ISO 3166 numeric code, or its name for the few outlines without one (e.g. Kosovo). */
  key: string;
  /** The name maps and messages show. */
  name: string;
}

/** The detail of the outlines: 1:50 million for regions, 1:110 million for continents and the world (smaller files). */
export type Detail = '50m' | '110m';

const outlines = new Map<Detail, Map<string, CountryFeature>>();

/** Every country outline, by key (read once: Natural Earth's maps, public domain). */
export function countryOutlines(detail: Detail = '50m'): Map<string, CountryFeature> {
  let found = outlines.get(detail);
  if (!found) {
    const topology = JSON.parse(lecternTextFile(`world-atlas/countries-${detail}.json`)) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    found = new Map(collection.features.map((outline) => [String(outline.id ?? outline.properties.name), outline]));
    // A country too small for the coarse map keeps its fine outline.
    if (detail !== '50m') for (const [key, outline] of countryOutlines('50m')) if (!found.has(key)) found.set(key, outline);
    outlines.set(detail, found);
  }
  return found;
}

interface CountryIndex {
  byName: Map<string, Country>;
  byCode: Map<string, Country>;
  /** Names to suggest from when a name is not known. */
  names: string[];
}

let index: CountryIndex | undefined;

function countryIndex(): CountryIndex {
  if (index) return index;
  const drawn = countryOutlines();
  const byName = new Map<string, Country>();
  const byCode = new Map<string, Country>();
  const names = new Set<string>();
  const localNames = english.countries as Record<string, string | string[]>;
  for (const [alpha2, alpha3, numeric] of codes as string[][]) {
    if (!drawn.has(numeric)) continue;
    const known = [localNames[alpha2] ?? []].flat();
    // The shortest English name is the everyday one: "Russia" rather than "Russian Federation".
    const name = [...known].sort((a, b) => a.length - b.length)[0] ?? drawn.get(numeric)!.properties.name;
    byCode.set(alpha2.toLowerCase(), { key: numeric, name });
    byCode.set(alpha3.toLowerCase(), { key: numeric, name });
    for (const alias of [...known, drawn.get(numeric)!.properties.name]) {
      byName.set(alias.toLowerCase(), { key: numeric, name: known.includes(alias) ? alias : name });
      names.add(alias);
    }
  }
  for (const [key, outline] of drawn) {
    if (key === outline.properties.name) {
      byName.set(key.toLowerCase(), { key, name: key });
      names.add(key);
    }
  }
  index = { byName, byCode, names: [...names] };
  return index;
}

/** The country a lesson names, by English name ("North Korea") or ISO code ("KP", "PRK"), if Lectern can draw it. */
export function findCountry(written: string): Country | undefined {
  const { byName, byCode } = countryIndex();
  const wanted = written.trim().toLowerCase();
  return byName.get(wanted) ?? (/^[a-z]{2,3}$/i.test(written.trim()) ? byCode.get(wanted) : undefined);
}

/** The names a misspelt country name may be meant to be. */
export function countryNames(): string[] {
  return countryIndex().names;
}

/** The languages Lectern names countries in besides English: i18n-iso-countries' lists, each read when a lesson needs it. */
export const COUNTRY_NAME_LANGUAGES = ['es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'uk', 'ru', 'tr', 'ar', 'he', 'hi', 'zh', 'ja', 'ko', 'vi'];

export const countryNamesFile = (language: string) => `i18n-iso-countries/langs/${language}.json`;

const namesByLanguage = new Map<string, Record<string, string | string[]>>();

function namesIn(language: string): Record<string, string | string[]> {
  let names = namesByLanguage.get(language);
  if (!names) {
    names = (JSON.parse(lecternTextFile(countryNamesFile(language))) as { countries: Record<string, string | string[]> }).countries;
    namesByLanguage.set(language, names);
  }
  return names;
}

let alpha2ByKey: Map<string, string> | undefined;

/**
 * A country's everyday name in a language (`Netherlands` → "Pays-Bas" in `fr`, "オランダ" in `ja`); undefined for English
 * and for a language Lectern has no list for (the lesson's English name stays).
 */
export function countryNameIn(key: string, lang: string): string | undefined {
  const language = lang.split('-')[0].toLowerCase();
  if (!COUNTRY_NAME_LANGUAGES.includes(language)) return undefined;
  alpha2ByKey ??= new Map((codes as string[][]).map(([alpha2, , numeric]) => [numeric, alpha2]));
  const alpha2 = alpha2ByKey.get(key);
  const found = alpha2 === undefined ? undefined : namesIn(language)[alpha2];
  return Array.isArray(found) ? found[0] : found;
}

/** The country a lesson names in its own language ("Pays-Bas" in a French lesson, "Niederlande" in a German one). */
export function findCountryByLocalName(written: string, lang: string): Country | undefined {
  const language = lang.split('-')[0].toLowerCase();
  if (!COUNTRY_NAME_LANGUAGES.includes(language)) return undefined;
  const wanted = written.trim().toLowerCase();
  for (const [alpha2, names] of Object.entries(namesIn(language)))
    if ([names].flat().some((name) => name.toLowerCase() === wanted)) {
      const numeric = (codes as string[][]).find(([code]) => code === alpha2)?.[2];
      if (numeric !== undefined && countryOutlines().has(numeric)) return { key: numeric, name: written.trim() };
    }
  return undefined;
}
