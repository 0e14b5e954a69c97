// Problems a lesson's print templates would have, reported on the lesson: `build` and `check` say the same.
import type { VFile } from 'vfile';
import type { Lesson } from '../lesson/model.ts';
import { report } from '../lesson/problems.ts';
import { planPrintables } from './plan-printables.ts';
import type { PrintTemplates } from './print-templates.ts';

/** A template named in the lesson's `printTemplates` that does not exist: an error, before anything is built. */
export function reportMissingTemplates(lesson: Lesson | undefined, file: VFile, templates: PrintTemplates): void {
  for (const [printable, template] of Object.entries(lesson?.meta.printTemplates ?? {})) {
    if (template && templates.sources[template] === undefined) {
      report(
        file,
        'error',
        `There is no print template "${template}" for the ${printable}. Put ${template}.hbs in the print/ folder of your templates folder (see the README), or remove the line from printTemplates.`,
        { line: 1, column: 1 },
        'print-template',
      );
    }
  }
}

/** Every mistake the print templates make with this lesson (filling them in is quick; nothing is typeset). */
export function reportTemplateProblems(lesson: Lesson, file: VFile, templates: PrintTemplates): void {
  reportMissingTemplates(lesson, file, templates);
  if (file.messages.some((message) => message.fatal && message.ruleId === 'print-template')) return;
  planPrintables(lesson, templates).problems.forEach((reason) => report(file, 'error', reason, undefined, 'print-template'));
}
