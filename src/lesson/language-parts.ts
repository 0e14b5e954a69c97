// Passages in another script than the lesson's (a Korean sentence in an English lesson): found letter by letter, so the
// deck, the PDFs and the PowerPoint file can mark each with its own language, and a screen reader switches voice.
import { SCRIPTS, guessLanguage } from './lesson-language.ts';

export interface LanguagePart {
  text: string;
  /** The passage's language, when it is not the lesson's. */
  lang?: string;
}

/** The script family of a language's usual script (`ko` → CJK, `uk` → Cyrl); Latin when the tag is unknown. */
const CJK_SCRIPTS = new Set(['Jpan', 'Kore', 'Hans', 'Hant', 'Hani', 'Hira', 'Kana', 'Hang']);
const familyOfLanguage = new Map<string, string>();

export function scriptOfLanguage(lang: string): string {
  let family = familyOfLanguage.get(lang);
  if (family === undefined) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(lang).maximize().script;
    } catch {
      script = undefined;
    }
    family = script === undefined ? 'Latn' : CJK_SCRIPTS.has(script) ? 'CJK' : script;
    familyOfLanguage.set(lang, family);
  }
  return family;
}

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const MARK = /\p{M}/u;
/** Anything that is not a letter of the Latin script: most lessons have none, and are passed over at once. */
const NOT_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;

/** The script family of a letter: one of SCRIPTS, `other` for a script Lectern has no language for. */
export function scriptOfLetter(character: string): string {
  if (LATIN.test(character)) return 'Latn';
  return SCRIPTS.find((script) => script.letters.test(character))?.family ?? 'other';
}

/**
 * A text cut into the passages written in another script than `lang`'s, each with the language its letters point to,
 * and the text between them. Spaces and punctuation between two letters of a passage belong to it; a passage in Latin
 * letters in a lesson in another script, or in a script Lectern has no language for, is left unmarked (`lectern
 * check` warns about the second).
 */
export function languageParts(text: string, lang: string): LanguagePart[] {
  if (!NOT_LATIN_LETTER.test(text)) return [{ text }];
  // A PDF measures and draws the same texts several times.
  const key = `${lang}\0${text}`;
  let parts = knownParts.get(key);
  if (!parts) {
    if (knownParts.size >= KNOWN_PARTS) knownParts.clear();
    knownParts.set(key, (parts = findLanguageParts(text, lang)));
  }
  return parts.map((part) => ({ ...part }));
}

/** Enough texts for the longest printable; the memory starts again when it is full, so it stays bounded. */
const KNOWN_PARTS = 20_000;
const knownParts = new Map<string, LanguagePart[]>();

function findLanguageParts(text: string, lang: string): LanguagePart[] {
  const home = scriptOfLanguage(lang);
  const parts: LanguagePart[] = [];
  let plain = '';
  /** The passage being read: its script, its text up to its last letter, and what has followed since. */
  let passage: { script: string; text: string; tail: string } | undefined;
  const endPassage = () => {
    if (!passage) return;
    if (plain !== '') parts.push({ text: plain });
    parts.push({ text: passage.text, lang: guessLanguage(passage.text) });
    plain = passage.tail;
    passage = undefined;
  };
  for (const character of text) {
    if (!LETTER.test(character)) {
      // A vowel sign or tone mark belongs to the letter before it.
      if (passage && passage.tail === '' && MARK.test(character)) passage.text += character;
      else if (passage) passage.tail += character;
      else plain += character;
      continue;
    }
    const script = scriptOfLetter(character);
    const foreign = script !== home && script !== 'Latn' && script !== 'other';
    if (passage && script === passage.script) {
      passage.text += passage.tail + character;
      passage.tail = '';
    } else {
      endPassage();
      if (foreign) passage = { script, text: character, tail: '' };
      else plain += character;
    }
  }
  endPassage();
  if (plain !== '') parts.push({ text: plain });
  return parts.length > 0 ? parts : [{ text }];
}

/** The passages of a text in a living script Lectern cannot name a language for, and that is not the lesson's own. */
/** Letters of no one script (the Japanese long-vowel mark ー, shared by hiragana and katakana). */
const SHARED = /[\p{Script=Common}\p{Script=Inherited}]/u;

export function unmarkablePassages(text: string, lang: string): string[] {
  if (!NOT_LATIN_LETTER.test(text)) return [];
  const own = ownScript(scriptOfLanguage(lang));
  const passages: string[] = [];
  let passage: { text: string; tail: string } | undefined;
  for (const character of text) {
    // Scripts beyond the Basic Multilingual Plane are mostly historic (hieroglyphs, cuneiform): no language to name.
    const unmarkable =
      LETTER.test(character) &&
      character.codePointAt(0)! <= 0xffff &&
      !SHARED.test(character) &&
      scriptOfLetter(character) === 'other' &&
      !own?.test(character);
    if (unmarkable && passage) {
      passage.text += passage.tail + character;
      passage.tail = '';
    } else if (unmarkable) passage = { text: character, tail: '' };
    else if (passage && !LETTER.test(character) && /[\s\p{M}'’-]/u.test(character)) passage.tail += character;
    else if (passage && MARK.test(character)) passage.text += character;
    else if (passage) {
      passages.push(passage.text);
      passage = undefined;
    }
  }
  if (passage) passages.push(passage.text);
  return passages;
}

/** The letters of a script by its ISO 15924 code (`Geor`), when the code is one JavaScript knows. */
function ownScript(code: string): RegExp | undefined {
  try {
    return new RegExp(`\\p{Script=${code}}`, 'u');
  } catch {
    return undefined;
  }
}
