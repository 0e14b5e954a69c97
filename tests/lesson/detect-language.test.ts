// A lesson's language is known, not guessed from its script alone: `lang:` when it has one, else detected from its words
// (franc) where a script is shared by several languages; `lectern check` says which, and an import writes it down.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDraft } from '../../src/import/import-draft.ts';
import { formatMessages } from '../../src/shared/reporter.ts';
import { detectLanguage, proseOfMarkdown } from '../../src/lesson/lesson-language.ts';
import { buildInto } from '../support/build-fixture.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

const SPANISH = `---
title: El ciclo del agua
---

# El agua siempre se mueve

El agua se mueve entre el mar, el cielo y la tierra. El sol calienta el mar y el vapor sube hasta formar nubes.

Note: Pregunte quién ha visto secarse un charco en un día de sol.

---

## Las etapas

- Evaporación: el sol calienta el agua del mar.
- Condensación: el vapor se enfría y forma nubes.
- Precipitación: cae lluvia, nieve o granizo.
`;

describe('the language of a lesson', () => {
  it('should detect the language of a text from its words where its script is shared by several languages', () => {
    const samples: [string, string][] = [
      ['en', 'The water cycle moves water between the sea, the sky and the land. The sun drives it.'],
      ['es', 'El ciclo del agua mueve el agua entre el mar, el cielo y la tierra. El sol lo impulsa.'],
      ['fr', "Le cycle de l'eau déplace l'eau entre la mer, le ciel et la terre. Le soleil le fait tourner."],
      ['de', 'Der Wasserkreislauf bewegt Wasser zwischen Meer, Himmel und Land. Die Sonne treibt ihn an.'],
      ['pl', 'Cykl wody przenosi wodę między morzem, niebem i lądem. Słońce go napędza.'],
      ['vi', 'Chu trình nước di chuyển nước giữa biển, bầu trời và đất liền. Mặt trời thúc đẩy nó.'],
      ['uk', 'Кругообіг води переносить воду між морем, небом і землею. Сонце рухає його.'],
      ['ru', 'Круговорот воды переносит воду между морем, небом и землёй. Солнце движет его.'],
      ['fa', 'چرخه آب، آب را بین دریا، آسمان و خشکی جابجا می‌کند. خورشید آن را به حرکت درمی‌آورد.'],
      ['ja', '水の循環は、海と空と陸の間で水を動かします。'],
      ['ko', '물의 순환은 바다와 하늘과 땅 사이에서 물을 움직입니다.'],
    ];
    expect(samples.map(([, text]) => detectLanguage(text))).toEqual(samples.map(([lang]) => lang));
    // Too few letters to tell: the script's guess stands.
    expect(detectLanguage('Hola amigos')).toBe('en');
  });

  it('should read only the words of Markdown, not its code, formulas, comments or addresses', () => {
    expect(proseOfMarkdown('Hola `code` $x^2$ <!-- note --> [enlace](https://example.org)\n```js\nconst x = 1;\n```\n').replace(/\s+/g, ' ').trim()).toBe(
      'Hola [enlace]',
    );
  });

  it("should mark a Spanish lesson with no lang as Spanish in its PDFs and deck, and say so in lectern check's report", async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'agua.md'), SPANISH);
    const { outDir } = await buildInto([path.join(folder, 'agua.md')]);
    expect(await readFile(path.join(outDir, 'agua', 'index.html'), 'utf8')).toContain('<html lang="es">');
    for (const pdf of ['handout.pdf', 'slides-handout.pdf', 'teacher-edition.pdf'])
      expect((await readFile(path.join(outDir, 'agua', pdf))).toString('latin1'), pdf).toContain('/Lang (es)');
    const { stdout } = await lectern(folder, 'check', 'agua.md');
    expect(stdout).toContain('agua.md: language Spanish (detected), ');
    await writeFile(path.join(folder, 'agua.md'), SPANISH.replace('title: El ciclo del agua', 'title: El ciclo del agua\nlang: es-MX'));
    expect((await lectern(folder, 'check', 'agua.md')).stdout).toContain('agua.md: language Mexican Spanish (front matter), ');
  });

  it('should write the detected language into the front matter of an imported deck and article, and say so', () => {
    const deck = importDraft(
      'ciclo.md',
      '---\nmarp: true\n---\n\n# El ciclo del agua\n\n---\n\n## Las nubes\n\nEl vapor sube, se enfría y forma nubes sobre el mar.\n\nNote: Pregunte a la clase de dónde viene la lluvia que cae en la ciudad.\n',
      {
        fileExists: () => false,
      },
    );
    expect(deck.markdown).toMatch(/^---\ntitle: El ciclo del agua\nlang: es\n---/);
    expect(formatMessages(deck.file).join('\n')).toContain('`lang: es`');
    const article = importDraft(
      'volcanes.txt',
      'Los volcanes\n\nUn volcán es una abertura en la corteza de la Tierra por donde sale roca fundida. Cuando un volcán entra en erupción, la lava, la ceniza y los gases salen a la superficie.\n',
      { fileExists: () => false },
    );
    expect(article.markdown).toContain('\nlang: es\n');
  });
});
