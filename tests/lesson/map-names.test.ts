// A map names its countries in the lesson's language: `Netherlands` or `NL` is "Pays-Bas" on a French map and
// "オランダ" on a Japanese one, and a teacher may write the name in the lesson's language.
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';

const lesson = (frontMatter: string, shade: string) =>
  parseLesson(
    `---\ntitle: Map\n${frontMatter}---\n\n# West Europe\n\n:::map[West Europe]{west=-2 east=12 south=48 north=56}\n- shade: ${shade}\n- place: Amsterdam (52.37, 4.90)\n:::\n`,
    'map.md',
    'map',
  );

/** The names the lesson's map shows for its shaded countries, and its places. */
function mapNames(frontMatter: string, shade: string): string[] {
  const { lesson: parsed, file } = lesson(frontMatter, shade);
  expect(file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
  const map = parsed!.slides[0].parts.find((part) => part.kind === 'map');
  return map?.kind === 'map'
    ? [...map.shades.flatMap((entry) => entry.countries.map((country) => country.name)), ...map.places.map((place) => place.name)]
    : [];
}

describe('country names on maps', () => {
  it("should name each country in the lesson's language, by English name or ISO code, and keep places as written", () => {
    expect(mapNames('lang: fr\n', 'Netherlands, BE, DEU')).toEqual(['Pays-Bas', 'Belgique', 'Allemagne', 'Amsterdam']);
    expect(mapNames('lang: ja\n', 'Netherlands, Germany')).toEqual(['オランダ', 'ドイツ', 'Amsterdam']);
    expect(mapNames('lang: es-MX\n', 'NL')).toEqual(['Países Bajos', 'Amsterdam']);
    expect(mapNames('', 'Netherlands, Germany')).toEqual(['Netherlands', 'Germany', 'Amsterdam']);
    // A language Lectern has no names for keeps the English ones.
    expect(mapNames('lang: sw\n', 'Netherlands')).toEqual(['Netherlands', 'Amsterdam']);
  });

  it("should accept a country written in the lesson's language", () => {
    expect(mapNames('lang: fr\n', 'Pays-Bas, Allemagne')).toEqual(['Pays-Bas', 'Allemagne', 'Amsterdam']);
    expect(mapNames('lang: de\n', 'Niederlande')).toEqual(['Niederlande', 'Amsterdam']);
    // Only in the lesson's language: "Rusia" in an English lesson is a mistake, not Spanish.
    expect(
      lesson('', 'Rusia')
        .file.messages.map((message) => message.reason)
        .join('\n'),
    ).toContain('Unknown country "Rusia". Did you mean "Russia"?');
  });

  it('should still name the closest English name for a country it cannot find', () => {
    const { file } = lesson('lang: fr\n', 'Pays-Baz');
    expect(file.messages.map((message) => message.reason).join('\n')).toContain('Unknown country "Pays-Baz".');
  });
});
