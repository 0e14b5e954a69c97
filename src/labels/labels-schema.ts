// The `labels:` map a project config or a lesson's front matter may give: any of Lectern's words, by name, changed.
import { z } from 'zod';
import { LABEL_NAMES } from './english.ts';
import { PLURAL_FORMS } from './label-text.ts';

const labelText = z.union([
  z.string().trim().min(1),
  z.strictObject({
    ...Object.fromEntries(PLURAL_FORMS.map((form) => [form, z.string().trim().min(1).optional()])),
    other: z.string().trim().min(1),
  }),
]);

export const labelsSchema = z.strictObject(Object.fromEntries(LABEL_NAMES.map((name) => [name, labelText.optional()])));

export const LABELS_EXPECTED =
  'a group of labels and their text, e.g. `handout.objectives: What we will learn today`, or forms by number like `lesson.minutes: {one: "{count} min", other: "{count} mins"}`';
