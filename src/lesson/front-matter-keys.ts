// The keys of a lesson's front matter and what a teacher should write for each: for messages and the studio's completion.
import { PRINTABLE_NAMES } from '../shared/printables.ts';
import { PAGE_SIZES, THEMES } from './model.ts';
import { LABELS_EXPECTED } from '../labels/labels-schema.ts';

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
  fillable: '`true` (worksheets can be filled in on a screen) or `false` (plain pages), e.g. `fillable: false`',
  printTemplates: `a group of printable names and template names, e.g. \`handout: handout-with-logo\` (printables: ${PRINTABLE_NAMES.join(', ')})`,
  objectives: 'a list, one objective per line starting with `- `',
  sources: 'a list of sources, each with at least `title:` (and optionally publisher, url, date)',
  labels: LABELS_EXPECTED,
};
