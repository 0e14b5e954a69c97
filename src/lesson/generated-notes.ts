// The speaker notes of the slides Lectern makes from the front matter: one wording for the deck and the teacher edition.
import { label, type LessonLabels } from '../labels/lesson-labels.ts';
import type { LessonMeta } from './model.ts';

export interface GeneratedNotes {
  title: string;
  objectives: string;
  sources: string;
}

export function generatedNotes(meta: LessonMeta, labels: LessonLabels): GeneratedNotes {
  return {
    title: label(labels, 'notes.title', { title: meta.title }),
    objectives: label(labels, 'notes.objectives'),
    sources: label(labels, 'notes.sources'),
  };
}
