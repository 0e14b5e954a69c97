// The lesson's date (`date: 2025-03-04`) as its language writes dates: "4 mars 2025",
// "2025年3月4日", "March 4, 2025" (Intl.DateTimeFormat). Text that is not a whole date stays as written.

const formats = new Map<string, Intl.DateTimeFormat>();

export function dateInLanguage(text: string, lang: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return text;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match[3])) return text;
  let format = formats.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
    }
    formats.set(lang, format);
  }
  return format.format(date);
}
