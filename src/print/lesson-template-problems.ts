// Problems a lesson's print templates would have, reported on the lesson: `build` and `check` say the same.
import type { VFile } from 'vfile';
import type { Lesson } from '../lesson/model.ts';
import { report } from '../lesson/problems.ts';
import { planPrintables, type PrintPlan } from './plan-printables.ts';
import type { PrintTemplates } from './print-templates.ts';

/** A template named in the lesson's `printTemplates` that does not exist: an error, before anything is built. */
function reportMissingTemplates(lesson: Lesson, file: VFile, templates: PrintTemplates): void {
  for (const [printable, template] of Object.entries(lesson.meta.printTemplates ?? {})) {
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

/**
 * The check stage for print templates: a missing one is an error and the lesson is not built (undefined). Otherwise the
 * plan of its printables (filling the templates in is quick; nothing is typeset), with every template's mistake
 * reported as an error: the deck and the other printables are still made.
 */
export function checkPrintTemplates(lesson: Lesson, file: VFile, templates: PrintTemplates, date: Date): PrintPlan | undefined {
  reportMissingTemplates(lesson, file, templates);
  if (file.messages.some((message) => message.fatal && message.ruleId === 'print-template')) return undefined;
  const plan = planPrintables(lesson, templates, date);
  plan.problems.forEach((reason) => report(file, 'error', reason, undefined, 'print-template'));
  return plan;
}
