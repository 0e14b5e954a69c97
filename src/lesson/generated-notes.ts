// The speaker notes of the slides Lectern makes from the front matter: one wording for the deck and the teacher edition.
import type { LessonMeta } from './model.ts';

export interface GeneratedNotes {
  title: string;
  objectives: string;
  sources: string;
}

export function generatedNotes(meta: LessonMeta): GeneratedNotes {
  return {
    title: `Welcome the class and introduce today's topic: ${meta.title}.`,
    objectives: 'Read the objectives aloud. Come back to them at the end of the lesson and ask which ones the class feels confident about.',
    sources: 'Point students to the sources if they want to read further or check a fact.',
  };
}
