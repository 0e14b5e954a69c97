// A lesson's YAML front matter: its schema, and reading it with each problem reported at its line and column.
import { z } from 'zod';
import type { VFile } from 'vfile';
import { PRINTABLE_NAMES } from '../shared/printables.ts';
import { EXPECTED_VALUES } from './front-matter-keys.ts';
import { PAGE_SIZES, THEMES } from './model.ts';
import { validateYaml, type YamlSchema } from './validate-yaml.ts';
import { LABEL_NAMES } from '../labels/english.ts';
import { labelsSchema } from '../labels/labels-schema.ts';

export { EXPECTED_VALUES };

const text = z.string().trim().min(1);

const sourceSchema = z.strictObject({
  title: text,
  publisher: text.optional(),
  url: text.optional(),
  // A year alone (`date: 2022`) is a number to YAML.
  date: z.union([z.number(), text]).transform(String).optional(),
});

/** Letter or A4, however it is capitalised (`a4`). */
export const pageSizeSchema = z.preprocess(
  (value) => (typeof value === 'string' ? (PAGE_SIZES.find((size) => size.toLowerCase() === value.trim().toLowerCase()) ?? value) : value),
  z.enum(PAGE_SIZES),
);

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
  pageSize: pageSizeSchema.optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i)
    .optional(),
  allowHtml: z.boolean().optional(),
  fillable: z.boolean().optional(),
  printTemplates: z.partialRecord(z.enum(PRINTABLE_NAMES as [string, ...string[]]), text).optional(),
  objectives: z.array(text).default([]),
  sources: z.array(sourceSchema).default([]),
  labels: labelsSchema.optional(),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

export const FRONT_MATTER: YamlSchema<FrontMatter> = {
  schema: frontMatterSchema,
  expected: EXPECTED_VALUES,
  keys: { top: Object.keys(frontMatterSchema.shape), nested: { sources: Object.keys(sourceSchema.shape), labels: LABEL_NAMES } },
  what: 'front matter',
};

/** Parse front matter. `firstLine` is the line of the file where the YAML text starts. */
export function parseFrontMatter(yamlText: string, firstLine: number, file: VFile): FrontMatter | undefined {
  return validateYaml(yamlText, firstLine, file, FRONT_MATTER);
}
