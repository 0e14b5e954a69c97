// `lectern new`: start a lesson from a lesson template, with every block stubbed and explained.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { EnvironmentError } from '../shared/environment-error.ts';
import { didYouMean } from '../lesson/problems.ts';

/** A file name made from a title: "The Cold War, 1947–1991" → "the-cold-war-1947-1991". */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      // Marks outside the Latin accents (Japanese dakuten: ブ) belong to their letter.
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
  );
}

/** The names of the lesson templates in `roots` (the teacher's templates first, then the bundled ones). */
export async function lessonTemplateNames(roots: string[]): Promise<string[]> {
  const names = new Set<string>();
  for (const root of roots) {
    for (const name of await readdir(path.join(root, 'lessons')).catch(() => [] as string[])) if (name.endsWith('.md')) names.add(name.replace(/\.md$/, ''));
  }
  return [...names].sort();
}

/** The text of a new lesson called `title`, made from the lesson template `from`. */
export async function newLessonText(title: string, from: string, roots: string[], today: string): Promise<string> {
  for (const root of roots) {
    const template = await readFile(path.join(root, 'lessons', `${from}.md`), 'utf8').catch(() => undefined);
    if (template !== undefined) return Handlebars.compile(template, { noEscape: true })({ title: JSON.stringify(title), date: today });
  }
  const known = await lessonTemplateNames(roots);
  throw new EnvironmentError(`There is no lesson template "${from}".${didYouMean(from, known)} Lesson templates: ${known.join(', ')}.`);
}
