// Words, reading time and (for English, which the formula is made for) the Flesch–Kincaid grade of a lesson's reading
// text. Words of a language written without spaces (Chinese, Japanese, Thai) are found by Intl.Segmenter.
import { syllable } from 'syllable';
import type { VFile } from 'vfile';
import type { Lesson } from './model.ts';
import { report } from './problems.ts';
import { lessonLanguage } from './lesson-language.ts';
import { countWords, readingText } from './visible-text.ts';

export interface ReadingStats {
  words: number;
  /** Minutes at 200 words a minute, rounded up. */
  readingMinutes: number;
  /** Flesch–Kincaid grade level (U.S. school grade), one decimal: for English only. */
  grade?: number;
}

const WORDS_PER_MINUTE = 200;

/** Languages written without spaces between words. */
const UNSPACED = /^(zh|ja|th|lo|km|my)\b/i;

function wordCount(text: string, lang: string): number {
  if (!UNSPACED.test(lang)) return countWords(text);
  return [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].filter((segment) => segment.isWordLike).length;
}

export function readingStats(paragraphs: string[], lang = 'en'): ReadingStats {
  const text = paragraphs.join(' ');
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}'’-]/gu, ''))
    .filter((word) => /\p{L}/u.test(word));
  const sentences = Math.max(1, paragraphs.flatMap((paragraph) => paragraph.split(/[.!?]+(?:\s|$)/).filter((sentence) => countWords(sentence) > 0)).length);
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  const count = wordCount(text, lang);
  const grade = count === 0 ? 0 : 0.39 * (words.length / sentences) + 11.8 * (syllables / Math.max(1, words.length)) - 15.59;
  const english = /^en\b/i.test(lang);
  return { words: count, readingMinutes: Math.ceil(count / WORDS_PER_MINUTE), ...(english ? { grade: Math.round(grade * 10) / 10 } : {}) };
}

/** The grades a front-matter `grade` stands for: "10" → [10, 10], "9-10" → [9, 10]; undefined when it is not a number. */
export function gradeRange(grade: string | undefined): [number, number] | undefined {
  const match = grade ? /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(grade) : null;
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? match[1])];
}

/** How far (in grades) the reading level may sit above or below the lesson's grade before a warning. */
const GRADE_TOLERANCE = 2;

/** The reading statistics of a lesson's reading text, with a warning when they do not suit its grade. */
export function checkReadingLevel(lesson: Lesson, file: VFile): ReadingStats {
  const stats = readingStats(readingText(lesson), lessonLanguage(lesson));
  const range = gradeRange(lesson.meta.grade);
  if (range && stats.grade !== undefined && stats.words >= 100 && (stats.grade > range[1] + GRADE_TOLERANCE || stats.grade < range[0] - GRADE_TOLERANCE)) {
    const direction = stats.grade > range[1] ? 'harder' : 'easier';
    report(
      file,
      'warning',
      `The reading text reads at grade ${stats.grade} (Flesch–Kincaid), ${direction} than the lesson's grade ${lesson.meta.grade}. ${direction === 'harder' ? 'Use shorter sentences and simpler words' : 'Check that the text challenges the class'}, or change \`grade\`.`,
      undefined,
      'reading-level',
    );
  }
  return stats;
}
