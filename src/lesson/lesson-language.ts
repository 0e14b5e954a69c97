// The language of a lesson: its `lang`, else detected from its words (franc) where the script is shared by several
// languages (Latin, Cyrillic, Arabic, Devanagari), else from the script most of its letters are written in.
import { franc } from 'franc-min';
import type { Lesson } from './model.ts';
import { slideVisibleText } from './visible-text.ts';

/**
 * Scripts Lectern can name a language for: their letters, their family (Han, kana and Hangul are one: Japanese mixes
 * kana with Han, Korean may write Han) and the language a text mostly written in them is taken to be in.
 */
export const SCRIPTS: { letters: RegExp; family: string; lang: string }[] = [
  { letters: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, family: 'CJK', lang: 'ja' },
  { letters: /\p{Script=Han}/u, family: 'CJK', lang: 'zh' },
  { letters: /\p{Script=Hangul}/u, family: 'CJK', lang: 'ko' },
  { letters: /\p{Script=Arabic}/u, family: 'Arab', lang: 'ar' },
  { letters: /\p{Script=Hebrew}/u, family: 'Hebr', lang: 'he' },
  { letters: /\p{Script=Devanagari}/u, family: 'Deva', lang: 'hi' },
  { letters: /\p{Script=Thai}/u, family: 'Thai', lang: 'th' },
  { letters: /\p{Script=Cyrillic}/u, family: 'Cyrl', lang: 'ru' },
  { letters: /\p{Script=Greek}/u, family: 'Grek', lang: 'el' },
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
    const found = SCRIPTS.find((script) => script.letters.test(character));
    if (!found) continue;
    if (found.lang === 'ja') kana++;
    counts.set(found.lang, (counts.get(found.lang) ?? 0) + 1);
  }
  if (kana > 0) counts.set('ja', (counts.get('ja') ?? 0) + (counts.get('zh') ?? 0));
  const [language, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['en', 0];
  return count > latin ? language : 'en';
}

/**
 * The languages Lectern tells apart by their words: franc's codes (ISO 639-3) and the tags lessons write (BCP 47).
 * Only these are asked about, so a short text is not taken for a language no class in Lectern's reach is taught in.
 */
const BY_WORDS: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  fra: 'fr',
  deu: 'de',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  pol: 'pl',
  tur: 'tr',
  vie: 'vi',
  ind: 'id',
  ron: 'ro',
  ces: 'cs',
  hun: 'hu',
  swe: 'sv',
  swh: 'sw',
  tgl: 'tl',
  hrv: 'hr',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  kaz: 'kk',
  arb: 'ar',
  pes: 'fa',
  urd: 'ur',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
};
const CANDIDATES = Object.keys(BY_WORDS);
/** Fewer letters than this say too little about their language: the script's guess stands. */
const MIN_LETTERS = 40;
const SAMPLE = 20_000;

/** The language of a text from its words where its script is shared by several languages, else from its script. */
export function detectLanguage(text: string): string {
  const byScript = guessLanguage(text);
  if (!['en', 'ru', 'ar', 'hi'].includes(byScript) || (text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return byScript;
  // A few pages say as much as a whole course, in a fraction of the time.
  const found = BY_WORDS[franc(text.slice(0, SAMPLE), { only: CANDIDATES, minLength: MIN_LETTERS })];
  return found ?? byScript;
}

/**
 * The words of Markdown a reader sees, roughly: code, formulas, comments, tags and addresses taken out, as they would
 * count for a language they are not in (an imported deck's code and settings read as English).
 */
export function proseOfMarkdown(markdown: string): string {
  return markdown
    .replace(/^(`{3,}|~{3,})[^]*?^\1\s*$/gm, ' ')
    .replace(/\$\$[^]*?\$\$/g, ' ')
    .replace(/\$[^$\n]+\$/g, ' ')
    .replace(/<!--[^]*?-->/g, ' ')
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\]\([^)\n]*\)/g, '] ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
    .replace(/^[^\n]*(?:\?image=|\?include=|data-background)[^\n]*$/gm, ' ');
}

/** Detected once per lesson: the deck, the PowerPoint file and the printables each ask. */
const detected = new WeakMap<Lesson, string>();

export function lessonLanguage(lesson: Lesson): string {
  if (lesson.meta.lang !== undefined) return lesson.meta.lang;
  let lang = detected.get(lesson);
  if (lang === undefined) {
    lang = detectLanguage([lesson.meta.title, ...lesson.slides.map(slideVisibleText)].join(' '));
    detected.set(lesson, lang);
  }
  return lang;
}

/** The language's name in English ("Spanish"), for messages. */
export function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** What `lectern check` says of a lesson's language: "Spanish (detected)", "French (front matter)". */
export function describeLanguage(lesson: Lesson): string {
  return `${languageName(lessonLanguage(lesson))} (${lesson.meta.lang === undefined ? 'detected' : 'front matter'})`;
}
