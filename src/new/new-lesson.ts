// `lectern new`: start a lesson from a lesson template, with every block stubbed and explained.
import Handlebars from 'handlebars';
import { EnvironmentError } from '../shared/environment-error.ts';
import { didYouMean } from '../lesson/problems.ts';
import { templateNamesIn, templateText, type TemplateFiles } from '../shared/template-files.ts';

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

/** The names of the lesson templates (`lessons/*.md` in the templates: a teacher's and Lectern's). */
export function lessonTemplateNames(templates: TemplateFiles): string[] {
  return templateNamesIn(templates, 'lessons')
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.replace(/\.md$/, ''));
}

/**
 * The text of a new lesson called `title`, made from the lesson template `from`. `howToBuild` tells the teacher how to
 * build and check it where they are (`npx lectern build` where Lectern is installed in the folder; the studio's buttons).
 */
export function newLessonText(title: string, from: string, templates: TemplateFiles, today: string, howToBuild: string): string {
  const template = templateText(templates, `lessons/${from}.md`);
  if (template !== undefined) return Handlebars.compile(template, { noEscape: true })({ title: JSON.stringify(title), date: today, howToBuild });
  const known = lessonTemplateNames(templates);
  throw new EnvironmentError(`There is no lesson template "${from}".${didYouMean(from, known)} Lesson templates: ${known.join(', ')}.`);
}
