// One of Lectern's words in one language, and filling it in: `{name}` is replaced by a value, and a text with forms by
// number takes the one the language's plural rules choose for `count`.

/** The plural categories of Intl.PluralRules; `other` is the one every language has. */
export const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralForm = (typeof PLURAL_FORMS)[number];

export type LabelText = string | ({ other: string } & Partial<Record<PluralForm, string>>);

export type LabelValues = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralRulesOf(lang: string): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(lang);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    pluralRules.set(lang, rules);
  }
  return rules;
}

/** The text with its values filled in; a value it does not name is left out, a name with no value is left as written. */
export function fillLabel(text: LabelText, lang: string, values: LabelValues = {}): string {
  const count = values.count;
  const form = typeof text === 'string' ? text : (text[typeof count === 'number' ? pluralRulesOf(lang).select(count) : 'other'] ?? text.other);
  return form.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
