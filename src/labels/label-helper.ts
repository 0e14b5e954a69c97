// `{{t "name"}}` in a template: one of Lectern's words in the lesson's language, `{{t "lesson.minutes" count=20}}` with
// its values. The lesson's words come with the template's data (`@labels`), so a teacher's template gets them too.
import type Handlebars from 'handlebars';
import { closestName } from '../lesson/problems.ts';
import { ENGLISH, LABEL_NAMES, type LabelName } from './english.ts';
import type { LabelValues } from './label-text.ts';
import { ENGLISH_LABELS, label, type LessonLabels } from './lesson-labels.ts';

export function registerLabelHelper(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('t', function (name: unknown, options: Handlebars.HelperOptions & { loc?: { start: { line: number } } }) {
    if (typeof name !== 'string' || !(name in ENGLISH)) {
      const suggestion = typeof name === 'string' ? closestName(name, LABEL_NAMES) : undefined;
      const line = options?.loc ? `line ${options.loc.start.line}: ` : '';
      throw new Error(
        `${line}\`{{t ${JSON.stringify(name)}}}\` names no label.${suggestion ? ` Did you mean "${suggestion}"?` : ''} \`lectern labels\` lists every label.`,
      );
    }
    const labels = (options.data as { labels?: LessonLabels } | undefined)?.labels ?? ENGLISH_LABELS;
    return label(labels, name as LabelName, options.hash as LabelValues);
  });
}
