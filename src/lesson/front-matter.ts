// A lesson's YAML front matter: its schema, and reading it with each problem reported at its line and column.
import { z } from 'zod';
import type { VFile } from 'vfile';
import { PRINTABLE_NAMES } from '../shared/printables.ts';
import { PAGE_SIZES, THEMES } from './model.ts';
import { validateYaml, type YamlSchema } from './validate-yaml.ts';

const text = z.string().trim().min(1);

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
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  school: text.optional(),
  theme: z.enum(THEMES).optional(),
  pageSize: z.enum(PAGE_SIZES).optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i)
    .optional(),
  allowHtml: z.boolean().optional(),
  printTemplates: z.partialRecord(z.enum(PRINTABLE_NAMES as [string, ...string[]]), text).optional(),
  objectives: z.array(text).default([]),
  sources: z.array(sourceSchema).default([]),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** What a teacher should write for each key, used in messages. */
export const EXPECTED_VALUES: Record<string, string> = {
  title: 'the lesson title as text, e.g. `title: The Cold War`',
  subtitle: 'text',
  subject: 'text, e.g. `subject: Social Studies`',
  grade: 'a number or text, e.g. `grade: 10` or `grade: "9-10"`',
  duration: 'a whole number of minutes, e.g. `duration: 90`',
  author: 'text',
  date: 'a date written YYYY-MM-DD, e.g. `date: 2024-06-20`',
  school: 'text, e.g. `school: Riverside High School`',
  theme: `one of ${THEMES.join(', ')}`,
  pageSize: PAGE_SIZES.join(' or '),
  lang: 'a language tag, e.g. `lang: en`, `lang: zh-Hans`, `lang: ja` or `lang: ar`',
  allowHtml: 'true or false',
  printTemplates: `a group of printable names and template names, e.g. \`handout: handout-with-logo\` (printables: ${PRINTABLE_NAMES.join(', ')})`,
  objectives: 'a list, one objective per line starting with `- `',
  sources: 'a list of sources, each with at least `title:` (and optionally publisher, url, date)',
};

export const FRONT_MATTER: YamlSchema<FrontMatter> = {
  schema: frontMatterSchema,
  expected: EXPECTED_VALUES,
  keys: { top: Object.keys(frontMatterSchema.shape), nested: { sources: Object.keys(sourceSchema.shape) } },
  what: 'front matter',
};

/** Parse front matter. `firstLine` is the line of the file where the YAML text starts. */
export function parseFrontMatter(yamlText: string, firstLine: number, file: VFile): FrontMatter | undefined {
  return validateYaml(yamlText, firstLine, file, FRONT_MATTER);
}
