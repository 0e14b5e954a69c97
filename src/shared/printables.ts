// Every printable Lectern makes: its template, its file, who it is for, and the lesson block it needs.
import type { BlockKind } from './block-kinds.ts';

export interface Printable {
  /** Also the name of its template: templates/print/<name>.hbs. */
  name: string;
  file: string;
  title: string;
  /** Student pages never carry notes, model answers or keys. */
  audience: 'student' | 'teacher';
  /** Made only when the lesson has this block. */
  needs?: BlockKind;
}

export const PRINTABLES: Printable[] = [
  { name: 'handout', file: 'handout.pdf', title: 'Student handout', audience: 'student' },
  { name: 'debate-worksheet', file: 'debate-worksheet.pdf', title: 'Debate worksheet', audience: 'student', needs: 'debate' },
  { name: 'slides-handout', file: 'slides-handout.pdf', title: 'Slides handout', audience: 'student' },
  { name: 'role-cards', file: 'role-cards.pdf', title: 'Role cards', audience: 'student', needs: 'roles' },
  { name: 'timeline-worksheet', file: 'timeline-worksheet.pdf', title: 'Timeline worksheet', audience: 'student', needs: 'timeline' },
  { name: 'map-worksheet', file: 'map-worksheet.pdf', title: 'Map worksheet', audience: 'student', needs: 'map' },
  { name: 'vocabulary-quiz', file: 'vocabulary-quiz.pdf', title: 'Vocabulary quiz', audience: 'student', needs: 'terms' },
  { name: 'teacher-edition', file: 'teacher-edition.pdf', title: 'Teacher edition', audience: 'teacher' },
];

export const PRINTABLE_NAMES = PRINTABLES.map((printable) => printable.name);
