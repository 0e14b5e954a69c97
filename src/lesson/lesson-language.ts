// The language of a lesson: its `lang`, else guessed from the script most of its letters are written in.
import type { Lesson } from './model.ts';
import { slideVisibleText } from './visible-text.ts';

/** Scripts and the language a lesson mostly written in them is taken to be in. */
const SCRIPTS: [RegExp, string][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Greek}/u, 'el'],
];

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/** The language of a text from its letters; Japanese when it has any kana (Japanese mixes kana with Han). */
export function guessLanguage(text: string): string {
  const counts = new Map<string, number>();
  let latin = 0;
  let kana = 0;
  for (const character of text) {
    if (!LETTER.test(character)) continue;
    // A Latin letter is in none of the other scripts (most letters of most lessons are Latin).
    if (LATIN.test(character)) {
      latin++;
      continue;
    }
    const found = SCRIPTS.find(([script]) => script.test(character));
    if (!found) continue;
    if (found[1] === 'ja') kana++;
    counts.set(found[1], (counts.get(found[1]) ?? 0) + 1);
  }
  if (kana > 0) counts.set('ja', (counts.get('ja') ?? 0) + (counts.get('zh') ?? 0));
  const [language, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['en', 0];
  return count > latin ? language : 'en';
}

/** Guessed once per lesson: the deck, the PowerPoint file and the printables each ask. */
const guessed = new WeakMap<Lesson, string>();

export function lessonLanguage(lesson: Lesson): string {
  if (lesson.meta.lang !== undefined) return lesson.meta.lang;
  let lang = guessed.get(lesson);
  if (lang === undefined) {
    lang = guessLanguage([lesson.meta.title, ...lesson.slides.map(slideVisibleText)].join(' '));
    guessed.set(lesson, lang);
  }
  return lang;
}
