// A number with its noun in the right form: "1 lesson", "2 lessons", "0 errors" (English plural rules, Intl.PluralRules).
const rules = new Intl.PluralRules('en');

export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${rules.select(count) === 'one' ? singular : plural}`;
}
