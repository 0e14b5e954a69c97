// The lesson model: plain typed data, the one input of every renderer (deck and printables).
import type { RootContent } from 'mdast';
import type { BlockKind } from '../shared/block-kinds.ts';
import type { Translation } from '../labels/translation.ts';
import type { LessonLabels } from '../labels/lesson-labels.ts';

export const THEMES = ['white', 'black', 'white-contrast', 'black-contrast', 'dracula', 'serif'] as const;
export const PAGE_SIZES = ['Letter', 'A4'] as const;
export type DeckTheme = (typeof THEMES)[number];
export type PageSize = (typeof PAGE_SIZES)[number];

export interface Source {
  title: string;
  publisher?: string;
  url?: string;
  date?: string;
}

export interface LessonMeta {
  title: string;
  subtitle?: string;
  subject?: string;
  grade?: string;
  duration?: number;
  author?: string;
  date?: string;
  /** From the project config (or front matter): printed at the top of student pages. */
  school?: string;
  theme: DeckTheme;
  pageSize: PageSize;
  /** The language of the lesson's text (a BCP 47 tag such as `en`, `zh-Hans`, `ar`); guessed from its script when unset. */
  lang?: string;
  /** A print template per printable, by name (e.g. `handout: handout-with-logo`), instead of the standard one. */
  printTemplates?: Partial<Record<string, string>>;
  /** Raw HTML in this lesson is trusted and not sanitized (for lessons you wrote yourself). */
  allowHtml?: boolean;
  /** Worksheets' writing spaces are form fields to fill in on a screen (default); `false` prints plain pages. */
  fillable?: boolean;
  objectives: string[];
  sources: Source[];
  /** Lectern's words this lesson (or its project's config) changes, by name (labels/english.ts). */
  labels?: Partial<Translation>;
}

/** Settings a project config can give every lesson; a lesson's front matter overrides them. */
export type LessonDefaults = Partial<Pick<LessonMeta, 'theme' | 'pageSize' | 'school' | 'fillable' | 'labels'>>;

export const BUILT_IN_DEFAULTS: Pick<LessonMeta, 'theme' | 'pageSize'> = { theme: 'white', pageSize: 'Letter' };

/** Where schools print on Letter paper (the Americas mostly, and the Philippines); everywhere else prints on A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'CR', 'GT', 'DO', 'PA', 'PR', 'SV', 'HN', 'NI', 'BZ']);

/** The paper a lesson in `lang` is printed on when it does not say: Letter for `en` (`en-US`) and `es-MX`, A4 for `fr` or `en-GB`. */
export function paperFor(lang: string): PageSize {
  try {
    const region = new Intl.Locale(lang).maximize().region;
    return region && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
  } catch {
    return 'Letter';
  }
}

export interface Term {
  term: string;
  definition: string;
  example?: string;
}

export interface TimelineEvent {
  date: string;
  event: string;
  /** Where the event's date is written in the lesson file, for messages about it. */
  line: number;
  column: number;
}

/** A country on a map: its outline's key (see lesson/geography/countries.ts) and the name the map shows. */
export interface MapCountry {
  key: string;
  name: string;
}

/** Countries shaded alike on a map, with what the shading means (the legend's words). */
export interface MapShade {
  label?: string;
  countries: MapCountry[];
}

export interface MapPlace {
  name: string;
  lat: number;
  lon: number;
}

export interface MapArrow {
  from: string;
  to: string;
  label?: string;
}

/** What a map frames: a named region, or bounds in degrees of longitude (west, east) and latitude (south, north). */
export interface MapRegion {
  name?: string;
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface Argument {
  claim: string;
  point?: string;
  evidence?: string;
}

export interface DebateStage {
  stage: string;
  minutes: number;
}

export interface Role {
  name: string;
  aim?: string;
  points: string[];
}

export interface Question {
  question: string;
  /** For the teacher only: never on slides or student pages. */
  answer?: string;
}

/**
 * The shape of each kind of block. `KindsOf` checks that the shapes and BLOCK_KINDS name the same kinds: a kind added
 * to one and not the other makes `Block` `never`, and the type check fails everywhere a block is used.
 */
export type Block = KindsOf<
  | { kind: 'terms'; terms: Term[] }
  | { kind: 'timeline'; events: TimelineEvent[] }
  | { kind: 'debate'; motion: string; for: Argument[]; against: Argument[]; timing: DebateStage[] }
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'questions'; questions: Question[] }
  | { kind: 'activity'; title: string; minutes?: number; grouping?: string; description: string[]; steps: string[] }
  | { kind: 'map'; caption: string; region: MapRegion; shades: MapShade[]; places: MapPlace[]; arrows: MapArrow[] }
>;

type KindsOf<Shapes extends { kind: BlockKind }> = BlockKind extends Shapes['kind'] ? Shapes : never;

export type { BlockKind };

/** Ordinary Markdown of a slide (mdast nodes without positions); `incremental` lists reveal item by item. */
export interface MarkdownPart {
  kind: 'markdown';
  nodes: RootContent[];
  incremental: boolean;
}

/** One column of a `::::columns` block: ordinary Markdown, and its share of the width in percent when the lesson gives one. */
export interface Column {
  width?: number;
  nodes: RootContent[];
}

/** Columns side by side on the slide; on paper (outside the slides handout) their content follows in reading order. */
export interface ColumnsPart {
  kind: 'columns';
  columns: Column[];
}

export type SlidePart = MarkdownPart | ColumnsPart | Block;

/** A length written in the lesson: a share of the slide (or column) in percent, or pixels of the 960 × 700 slide. */
export interface ImageLength {
  value: number;
  unit: '%' | 'px';
}

/** The size an image is shown at (`{width=50%}`, `{height=200px}`); kept in the image node's `data.size`. */
export interface ImageSize {
  width?: ImageLength;
  height?: ImageLength;
}

declare module 'mdast' {
  interface ImageData {
    size?: ImageSize;
    /** `{decorative}`: a picture that adds nothing to the text, which screen readers skip (it needs no alt text). */
    decorative?: boolean;
  }
}

export const SLIDE_WIDTH = 960;
export const SLIDE_HEIGHT = 700;

/** The ordinary Markdown of a part in reading order (a columns part's columns one after another); none for a block. */
export function markdownNodesOf(part: SlidePart): RootContent[] | undefined {
  if (part.kind === 'markdown') return part.nodes;
  if (part.kind === 'columns') return part.columns.flatMap((column) => column.nodes);
  return undefined;
}

/** Each column's width in percent: the ones the lesson gives, the rest shared equally by the others. */
export function columnWidths(part: ColumnsPart): number[] {
  const given = part.columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
  const open = part.columns.filter((column) => column.width === undefined).length;
  return part.columns.map((column) => column.width ?? (open > 0 ? Math.max(0, 100 - given) / open : 0));
}

export interface Slide {
  /** Line of the slide's first content in the lesson file. */
  line: number;
  title?: string;
  /** A picture filling the whole slide behind its text (`## Title {background="images/x.jpg"}`), relative to the lesson. */
  background?: string;
  parts: SlidePart[];
  /** Speaker notes: for the teacher only. */
  notes: RootContent[];
}

/** A file the lesson refers to, relative to the lesson's folder. */
export interface Asset {
  path: string;
  line: number;
  column: number;
}

export interface Lesson {
  slug: string;
  meta: LessonMeta;
  /** The words Lectern writes into this lesson's outputs, in its language (labels/lesson-labels.ts). */
  labels: LessonLabels;
  slides: Slide[];
  assets: Asset[];
}

export function blocksOf<K extends BlockKind>(lesson: Lesson, kind: K): Extract<Block, { kind: K }>[] {
  return lesson.slides.flatMap((slide) => slide.parts).filter((part): part is Extract<Block, { kind: K }> => part.kind === kind);
}

/** Slides the deck shows: title, objectives (if any), the lesson's slides, sources (if any). */
export function deckSlideCount(lesson: Lesson): number {
  return 1 + (lesson.meta.objectives.length > 0 ? 1 : 0) + lesson.slides.length + (lesson.meta.sources.length > 0 ? 1 : 0);
}
