// The languages Lectern writes its own words in, by language tag.
import { ENGLISH } from './english.ts';
import { ARABIC } from './languages/ar.ts';
import { GERMAN } from './languages/de.ts';
import { SPANISH } from './languages/es.ts';
import { FRENCH } from './languages/fr.ts';
import { HEBREW } from './languages/he.ts';
import { HINDI } from './languages/hi.ts';
import { ITALIAN } from './languages/it.ts';
import { JAPANESE } from './languages/ja.ts';
import { KOREAN } from './languages/ko.ts';
import { DUTCH } from './languages/nl.ts';
import { POLISH } from './languages/pl.ts';
import { PORTUGUESE } from './languages/pt.ts';
import { RUSSIAN } from './languages/ru.ts';
import { TURKISH } from './languages/tr.ts';
import { UKRAINIAN } from './languages/uk.ts';
import { VIETNAMESE } from './languages/vi.ts';
import { CHINESE_SIMPLIFIED } from './languages/zh-Hans.ts';
import { CHINESE_TRADITIONAL } from './languages/zh-Hant.ts';
import type { Translation } from './translation.ts';

export const TRANSLATIONS: Record<string, Translation> = {
  en: ENGLISH,
  es: SPANISH,
  fr: FRENCH,
  de: GERMAN,
  it: ITALIAN,
  pt: PORTUGUESE,
  nl: DUTCH,
  pl: POLISH,
  uk: UKRAINIAN,
  ru: RUSSIAN,
  tr: TURKISH,
  ar: ARABIC,
  he: HEBREW,
  hi: HINDI,
  'zh-Hans': CHINESE_SIMPLIFIED,
  'zh-Hant': CHINESE_TRADITIONAL,
  ja: JAPANESE,
  ko: KOREAN,
  vi: VIETNAMESE,
};
