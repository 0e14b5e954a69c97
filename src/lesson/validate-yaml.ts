// Parse YAML and check it against a schema, reporting each problem at its line and column with what was expected.
import { LineCounter, isMap, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { VFile } from 'vfile';
import { didYouMean, report, type Place } from './problems.ts';

export interface YamlSchema<T> {
  schema: z.ZodType<T>;
  /** What a user should write for each top-level key, used in messages. */
  expected: Record<string, string>;
  /** Known keys of the top level and of nested groups (by the top-level key holding them). */
  keys: { top: string[]; nested?: Record<string, string[]> };
  /** Names the document in messages, e.g. "front matter" or "config". */
  what: string;
}

/** Parse `yamlText` (which starts at line `firstLine` of `file`) into data of the schema, or report why not. */
export function validateYaml<T>(yamlText: string, firstLine: number, file: VFile, spec: YamlSchema<T>): T | undefined {
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
        `The ${spec.what} is not valid YAML: ${reason}. Check the indentation and put text containing ": " in quotes.`,
        placeOf(error.pos[0]),
        `${slug(spec.what)}-yaml`,
      );
    }
    return undefined;
  }

  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report(file, 'error', `The ${spec.what} must be a list of \`key: value\` lines.`, placeOf(0), `${slug(spec.what)}-shape`);
    return undefined;
  }

  const result = spec.schema.safeParse(data);
  if (result.success) return result.data;

  for (const issue of result.error.issues) {
    const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    const top = String(path[0] ?? '');
    if (issue.code === 'unrecognized_keys') {
      const known = path.length === 0 ? spec.keys.top : (spec.keys.nested?.[top] ?? []);
      for (const key of issue.keys) {
        const where = path.length === 0 ? `${spec.what} key "${key}"` : `key "${key}" in "${top}"`;
        report(
          file,
          'error',
          `Unknown ${where}.${didYouMean(key, known)} ${known.length > 30 ? `\`lectern labels\` lists every one.` : `Known keys: ${known.join(', ')}.`}`,
          placeOf(keyOffset(doc, path, key)),
          `${slug(spec.what)}-key`,
        );
      }
      continue;
    }
    if (path.length === 1 && issue.code === 'invalid_type' && (data as Record<string, unknown>)[top] === undefined) {
      report(
        file,
        'error',
        `The ${spec.what} has no "${top}". Add a line such as \`${top}: ...\` (${spec.expected[top] ?? 'see the README'}).`,
        placeOf(0),
        `${slug(spec.what)}-missing`,
      );
      continue;
    }
    const found = describeValue(doc.getIn(path));
    // A refinement says itself what it expected (a whole sentence's end); the others are named in `spec.expected`.
    const expected = issue.code === 'custom' ? issue.message : `${spec.expected[top] ?? issue.message}.`;
    report(
      file,
      'error',
      `${capitalize(spec.what)} "${path.join('.')}" is ${found}; expected ${expected}`,
      placeOf(valueOffset(doc, path)),
      `${slug(spec.what)}-type`,
    );
  }
  return undefined;
}

const slug = (text: string) => text.replace(/\s+/g, '-');
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
