// Read and validate a lesson's YAML front matter, reporting each problem at its line and column in the lesson file.
import { LineCounter, isMap, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import type { VFile } from 'vfile';
import type { LessonMeta } from './model.ts';
import { didYouMean, report, type Place } from './problems.ts';

const THEMES = ['white', 'black', 'white-contrast', 'black-contrast', 'dracula', 'serif'] as const;
const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const sourceSchema = z.strictObject({
  title: text,
  publisher: text.optional(),
  url: text.optional(),
  date: text.optional(),
});

export const frontMatterSchema = z.strictObject({
  title: text,
  subtitle: text.optional(),
  subject: text.optional(),
  grade: z.union([z.number(), text]).transform(String).optional(),
  duration: z.number().int().positive().optional(),
  author: text.optional(),
  date: isoDate.optional(),
  theme: z.enum(THEMES).default('white'),
  pageSize: z.enum(['Letter', 'A4']).default('Letter'),
  objectives: z.array(text).default([]),
  sources: z.array(sourceSchema).default([]),
});

export const FRONT_MATTER_KEYS = Object.keys(frontMatterSchema.shape);
const SOURCE_KEYS = Object.keys(sourceSchema.shape);

/** What a teacher should write for each key, used in error messages. */
const EXPECTED: Record<string, string> = {
  title: 'the lesson title as text, e.g. `title: The Cold War`',
  subtitle: 'text',
  subject: 'text, e.g. `subject: Social Studies`',
  grade: 'a number or text, e.g. `grade: 10` or `grade: "9-10"`',
  duration: 'a whole number of minutes, e.g. `duration: 90`',
  author: 'text',
  date: 'a date written YYYY-MM-DD, e.g. `date: 2024-06-20`',
  theme: `one of ${THEMES.join(', ')}`,
  pageSize: 'Letter or A4',
  objectives: 'a list, one objective per line starting with `- `',
  sources: 'a list of sources, each with at least `title:` (and optionally publisher, url, date)',
};

/** Parse front matter. `firstLine` is the line of the file where the YAML text starts. */
export function parseFrontMatter(yamlText: string, firstLine: number, file: VFile): LessonMeta | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true });
  const placeOf = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      report(
        file,
        'error',
        `The front matter is not valid YAML: ${reason}. Check the indentation and put text containing ": " in quotes.`,
        placeOf(error.pos[0]),
        'front-matter-yaml',
      );
    }
    return undefined;
  }

  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report(file, 'error', 'The front matter must be a list of `key: value` lines, starting with `title: ...`.', placeOf(0), 'front-matter-shape');
    return undefined;
  }

  const result = frontMatterSchema.safeParse(data);
  if (result.success) return result.data;

  for (const issue of result.error.issues) {
    const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const known = path.length === 0 ? FRONT_MATTER_KEYS : SOURCE_KEYS;
        const where = path.length === 0 ? 'front matter' : 'source';
        report(
          file,
          'error',
          `Unknown ${where} key "${key}".${didYouMean(key, known)} Known keys: ${known.join(', ')}.`,
          placeOf(keyOffset(doc, path, key)),
          'front-matter-key',
        );
      }
      continue;
    }
    const key = String(path.find((segment) => typeof segment === 'string') ?? '');
    if (path.length === 1 && issue.code === 'invalid_type' && (data as Record<string, unknown>)[key] === undefined) {
      report(
        file,
        'error',
        `The front matter has no "${key}". Add a line such as \`${key}: ...\` (${EXPECTED[key] ?? 'see the README'}).`,
        placeOf(0),
        'front-matter-missing',
      );
      continue;
    }
    const found = describeValue(doc.getIn(path));
    const expected = path.length === 1 ? EXPECTED[key] : path[0] === 'sources' ? EXPECTED.sources : EXPECTED[key];
    report(
      file,
      'error',
      `Front matter "${path.join('.')}" is ${found}; expected ${expected ?? issue.message}.`,
      placeOf(valueOffset(doc, path)),
      'front-matter-type',
    );
  }
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of keys';
  return `${typeof value === 'string' ? 'text' : typeof value} ${JSON.stringify(value)}`;
}

function valueOffset(doc: Document, path: (string | number)[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return node.range[0];
  }
  return 0;
}

function keyOffset(doc: Document, path: (string | number)[], key: string): number {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(map)) {
    const pair = map.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
    const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
    if (range) return range[0];
  }
  return valueOffset(doc, path);
}
