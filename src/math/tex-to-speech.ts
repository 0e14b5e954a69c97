// The spoken form of a formula ("v equals d over t"), for screen readers: the TeX as MathML (MathJax), read by the
// Speech Rule Engine with its ClearSpeak rules, in the lesson's language where the engine has one (English otherwise).
// A lesson's formulas are all spoken once, before anything is made of it; then each renderer looks its formula up.
import { lecternTextFile } from '../shared/lectern-files.ts';
import { texToMathML } from './tex-to-svg.ts';

/** The languages the Speech Rule Engine speaks (its mathmaps). */
export const SPEECH_LOCALES = ['ca', 'da', 'de', 'en', 'es', 'fr', 'hi', 'it', 'ko', 'nb', 'nn', 'sv'];

export interface Formula {
  tex: string;
  display: boolean;
}

interface SpeechEngine {
  setupEngine: (options: Record<string, unknown>) => Promise<void>;
  engineReady: () => Promise<unknown>;
  toSpeech: (mathML: string) => string;
}

const spoken = new Map<string, string>();
const keyOf = (locale: string, { tex, display }: Formula) => `${locale}\0${display ? 'D' : 'I'}\0${tex}`;
let engine: Promise<SpeechEngine> | undefined;
/** The engine's rule maps read so far, by name (`base`, `en` …). */
const maps = new Map<string, string>();

/** One of the engine's rule maps, read (through the host) by `prepareSpeech` before the engine asks for it. */
export function speechMap(name: string): string {
  return maps.get(name) ?? lecternTextFile(speechMapFile(name));
}
let loadEngine = async (): Promise<unknown> => import('speech-rule-engine');

/**
 * How the engine is loaded, for a host that must prepare for it first: the engine reads XML with xmldom, which it finds
 * through Node's `require` (the studio's Web Worker gives it one: studio/speech-engine.ts).
 */
export function useSpeechEngineLoader(loader: () => Promise<unknown>): void {
  loadEngine = loader;
}
/** One lesson's formulas are spoken at a time: the engine speaks one language at a time. */
let queue: Promise<void> = Promise.resolve();

/** The engine's language for a lesson's: its own where the engine has it, else English. */
export function speechLocale(lang: string): string {
  const primary = lang.toLowerCase().split('-')[0];
  return SPEECH_LOCALES.includes(primary) ? primary : 'en';
}

/** The name among Lectern's files of one of the engine's rule maps. */
export const speechMapFile = (name: string) => `speech-rule-engine/lib/mathmaps/${name}.json`;

/**
 * Speak these formulas in this language and keep what they say. The rule maps are read first (a browser host fetches
 * one the first time and runs the work again); MathJax must be loaded (`loadMath`).
 */
export function prepareSpeech(formulas: Formula[], lang: string): Promise<void> {
  const locale = speechLocale(lang);
  const missing = formulas.filter((formula) => !spoken.has(keyOf(locale, formula)));
  if (missing.length === 0) return Promise.resolve();
  for (const name of ['base', locale]) if (!maps.has(name)) maps.set(name, lecternTextFile(speechMapFile(name)));
  const turn = queue.then(async () => {
    engine ??= loadEngine().then((module) => ((module as { default?: SpeechEngine }).default ?? module) as SpeechEngine);
    const sre = await engine;
    await sre.setupEngine({ locale, domain: 'clearspeak', modality: 'speech', custom: (name: string) => Promise.resolve(speechMap(name)) });
    await sre.engineReady();
    for (const formula of missing) {
      try {
        // MathJax marks upright capital Greek letters mathvariant="normal", which the engine would read out ("normal Sigma").
        const mathML = texToMathML(formula.tex, formula.display).replace(/ mathvariant="normal"/g, '');
        spoken.set(keyOf(locale, formula), sre.toSpeech(mathML).trim());
      } catch {
        // A formula the engine cannot speak keeps its TeX as its description.
      }
    }
  });
  queue = turn.catch(() => undefined);
  return turn;
}

/** What a formula says, when it was spoken (`prepareSpeech`); undefined otherwise. */
export function speechOf(tex: string, display: boolean, lang: string): string | undefined {
  return spoken.get(keyOf(speechLocale(lang), { tex, display }));
}

/** What these formulas say, by their TeX and whether they stand on their own line: what a print worker is given. */
export function speechTable(formulas: Formula[], lang: string): Record<string, string> {
  const table: Record<string, string> = {};
  for (const formula of formulas) {
    const speech = speechOf(formula.tex, formula.display, lang);
    if (speech) table[`${formula.display ? 'D' : 'I'}${formula.tex}`] = speech;
  }
  return table;
}

let given: Record<string, string> = {};

/** A print worker is given the spoken forms of its job's formulas (speechTable), to look them up as it typesets. */
export function useSpeechTable(table: Record<string, string> | undefined): void {
  given = table ?? {};
}

export function givenSpeech(tex: string, display: boolean): string | undefined {
  return given[`${display ? 'D' : 'I'}${tex}`];
}
