// One lesson through the whole pipeline in memory, in any host: check it, then make each output it asks for (outputs.ts),
// as files by their path in the lesson's output folder. The studio builds with it; `lectern build` makes the same outputs
// the same way (node/build-lesson.ts) and writes each as it is made.
import type { DeckTemplates } from '../deck/deck-templates.ts';
import { checkLesson, type CheckedLesson, type LessonSource, type ProjectSettings } from './check-lesson.ts';
import { OUTPUTS, lessonBuild, noteSkippedPrintables, type Outputs, type Typesetter } from './outputs.ts';

export interface MadeLesson extends CheckedLesson {
  /** Every file made, by its path in the lesson's output folder; none when the lesson has an error. */
  files: Outputs;
}

export interface MakeOptions {
  /** The outputs to make, by name; default: all but those made only on request. */
  outputs?: readonly string[];
}

export async function makeLesson(
  source: LessonSource,
  project: ProjectSettings & { deckTemplates: DeckTemplates },
  typeset: Typesetter,
  { outputs = OUTPUTS.filter((output) => !output.onRequest).map((output) => output.name) }: MakeOptions = {},
): Promise<MadeLesson> {
  const wanted = OUTPUTS.filter((output) => outputs.includes(output.name));
  const checked = await checkLesson(source, project, { printables: wanted.some((output) => output.printable) });
  const files: Outputs = new Map();
  const printing = wanted.filter((output) => output.printable).map((output) => output.name);
  const build = lessonBuild(checked, project, typeset, printing);
  if (!build) return { ...checked, files };
  const made = new Map<string, Outputs>();
  for (const output of wanted) {
    const outputFiles = await output.make(build, made);
    made.set(output.name, outputFiles);
    for (const [name, data] of outputFiles) files.set(name, data);
  }
  if (printing.length > 0) noteSkippedPrintables(build.file, build.plan);
  return { ...checked, files };
}
