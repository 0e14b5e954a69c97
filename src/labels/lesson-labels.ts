// The words Lectern writes into one lesson's outputs: its language's translation (or a teacher's own language file),
// with the labels a project config or the lesson's front matter changes laid over it. Plain data, so that it can go to
// the print workers with the rest of a print job.
import { parse } from 'yaml';
import { closestName } from '../lesson/problems.ts';
import { ENGLISH, LABEL_NAMES, type LabelName } from './english.ts';
import { PLURAL_FORMS, fillLabel, type LabelText, type LabelValues } from './label-text.ts';
import { TRANSLATIONS } from './translations.ts';
import { countOf } from '../shared/count-of.ts';
import type { Translation } from './translation.ts';

export interface LessonLabels {
  /** The language the words are in: the lesson's, or `en` where Lectern has no words in it. */
  lang: string;
  texts: Translation;
}

/** Lectern's words in English, as a lesson in a language with no translation gets them. */
export const ENGLISH_LABELS: LessonLabels = { lang: 'en', texts: ENGLISH };

/** One of the lesson's words, filled in (`{count}` also chooses its plural form). */
export function label(labels: LessonLabels, name: LabelName, values?: LabelValues): string {
  return fillLabel(labels.texts[name], labels.lang, values);
}

/** A language a teacher added: `labels/<tag>.yaml` in their templates folder, read. */
export interface LanguageFile {
  texts: Partial<Translation>;
  /** Mistakes in the file (a name Lectern does not have), each a whole sentence naming the file and line. */
  problems: string[];
}

export interface ResolvedLabels {
  labels: LessonLabels;
  /** Set when Lectern has no words in the lesson's language and writes English: the warning to give. */
  fallback?: string;
  problems: string[];
}

/**
 * The lesson's words: the translation for `lang` (a teacher's file for it wins over Lectern's own, name by name), then
 * `overrides` (the config's and front matter's `labels:`). `languages` are the teacher's files by language tag.
 */
export function lessonLabels(lang: string, overrides: Partial<Translation> = {}, languages: Record<string, LanguageFile> = {}): ResolvedLabels {
  const tags = candidateTags(lang);
  const own = matchTag(tags, languages);
  const bundled = matchTag(tags, TRANSLATIONS);
  const texts: Translation = { ...ENGLISH, ...(bundled ? TRANSLATIONS[bundled] : {}), ...(own ? languages[own].texts : {}), ...overrides };
  const found = own ?? bundled;
  const resolved: ResolvedLabels = { labels: { lang: found ? lang : 'en', texts }, problems: own ? languages[own].problems : [] };
  const untranslated = own && !bundled ? LABEL_NAMES.filter((name) => !(name in languages[own].texts) && !(name in overrides)) : [];
  if (untranslated.length > 0)
    resolved.fallback = `Your labels file for ${own} gives no text for ${countOf(untranslated.length, 'label')} (${untranslated.slice(0, 3).join(', ')}${untranslated.length > 3 ? ', …' : ''}), so ${untranslated.length === 1 ? 'it is' : 'they are'} in English. Add ${untranslated.length === 1 ? 'it' : 'them'} to labels/${own}.yaml in your templates folder.`;
  if (!found)
    resolved.fallback = `Lectern has no words of its own in this lesson's language (${lang}), so its headings, instructions and labels are in English. To give them in ${lang}, add a file labels/${lang}.yaml to your templates folder with a text for each label (\`lectern labels ${lang}\` prints one to start from).`;
  return resolved;
}

/** The tags a translation of `lang` may have, most exact first: `zh-TW` → `zh-TW`, `zh-Hant`, `zh`. */
function candidateTags(lang: string): string[] {
  const tags = [lang];
  try {
    const locale = new Intl.Locale(lang).maximize();
    if (locale.language === 'zh') tags.push(locale.script === 'Hant' ? 'zh-Hant' : 'zh-Hans');
    tags.push(locale.language);
  } catch {
    tags.push(lang.split('-')[0]);
  }
  return tags;
}

function matchTag(tags: string[], table: Record<string, unknown>): string | undefined {
  const keys = Object.keys(table);
  for (const tag of tags) {
    const found = keys.find((key) => key.toLowerCase() === tag.toLowerCase());
    if (found) return found;
  }
  return undefined;
}

const languageFiles = new Map<string, LanguageFile>();

/** Read a teacher's language file (`shown` is how messages name it). */
export function readLanguageFile(text: string, shown: string): LanguageFile {
  const key = `${shown}\n${text}`;
  let file = languageFiles.get(key);
  if (!file) languageFiles.set(key, (file = parseLanguageFile(text, shown)));
  return file;
}

function parseLanguageFile(text: string, shown: string): LanguageFile {
  const problems: string[] = [];
  const lineOf = (name: string) => {
    const index = text.split('\n').findIndex((line) => line.replace(/^['"]?/, '').startsWith(name));
    return index < 0 ? '' : `, line ${index + 1}`;
  };
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    return {
      texts: {},
      problems: [`The labels file ${shown} is not valid YAML: ${(error as Error).message.split('\n')[0]} Write one \`name: text\` line per label.`],
    };
  }
  if (data === null || data === undefined) return { texts: {}, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data))
    return { texts: {}, problems: [`The labels file ${shown} must be \`name: text\` lines, like \`handout.objectives: Ce que tu vas apprendre\`.`] };
  const texts: Partial<Record<LabelName, LabelText>> = {};
  for (const [name, value] of Object.entries(data)) {
    const problem = labelProblem(name, value);
    if (problem) problems.push(`The labels file ${shown}${lineOf(name)}: ${problem}`);
    else texts[name as LabelName] = value as LabelText;
  }
  return { texts, problems };
}

/** What is wrong with one `name: text` of a labels map, in words; undefined when nothing is. */
export function labelProblem(name: string, value: unknown): string | undefined {
  if (!(LABEL_NAMES as string[]).includes(name)) {
    const suggestion = closestName(name, LABEL_NAMES);
    return `there is no label "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} \`lectern labels\` lists every label.`;
  }
  if (typeof value === 'string' && value.trim() !== '') return undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const forms = Object.keys(value);
    const wrong = forms.find((form) => !(PLURAL_FORMS as readonly string[]).includes(form));
    if (wrong) return `the label "${name}" has a form "${wrong}"; the forms by number are ${PLURAL_FORMS.join(', ')}.`;
    if (typeof (value as Record<string, unknown>).other !== 'string')
      return `the label "${name}" has forms by number but no "other", which every language needs.`;
    if (Object.values(value).every((form) => typeof form === 'string')) return undefined;
  }
  return `the label "${name}" should be text, like \`${name}: ${JSON.stringify(fillLabel(ENGLISH[name as LabelName], 'en'))}\`.`;
}
