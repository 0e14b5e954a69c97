import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLessons } from '../../src/node/build-lessons.ts';
import { guessLanguage } from '../../src/lesson/lesson-language.ts';
import { ROOT, buildInto } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';
import { readPdfText } from '../support/pdf-text.ts';

const hasPoppler = needsTools(['pdffonts', 'pdftotext'], 'install poppler-utils');
const SCRIPTS = path.join(ROOT, 'tests', 'fixtures', 'scripts', 'all-scripts.md');

/** The fonts a PDF embeds, as poppler's pdffonts lists them. */
function pdfFonts(file: string): string[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
}

function pdfToText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('every script in the PDFs', () => {
  it.runIf(hasPoppler)('should build a lesson in many scripts with no warning, printing each sentence and no "?"', async () => {
    const { outDir, results } = await buildInto([SCRIPTS]);
    expect(results[0].file.messages.filter((message) => message.fatal === false)).toEqual([]);
    const handout = path.join(outDir, 'all-scripts', 'handout.pdf');
    const { text } = await readPdfText(readFileSync(handout));
    for (const sentence of [
      '简体中文：我们今天学习水循环。',
      '日本語：私たちは今日、水の循環を学びます。',
      '한국어: 오늘 우리는 물의 순환을 배웁니다.',
      'Русский: Сегодня мы изучаем круговорот воды.',
      'Ελληνικά: Σήμερα μαθαίνουμε τον κύκλο του νερού.',
      'Tiếng Việt: Hôm nay chúng ta học về vòng tuần hoàn của nước.',
    ])
      expect(text).toContain(sentence);
    expect(text).not.toContain('?');
    // Right-to-left, shaped and Indic text comes out of a PDF in visual or glyph order: check its letters are all there.
    const letters = (value: string, script: RegExp) =>
      [...value]
        .filter((character) => script.test(character))
        .sort()
        .join('');
    const hebrew = /\p{Script=Hebrew}/u;
    expect(letters(pdfToText(handout), hebrew)).toBe(letters('עברית: אנחנו לומדים היום על מחזור המים.', hebrew));
    // Shaped scripts carry their text as written (ActualText): poppler gives back each word, marks and all. (It sets a
    // right-to-left line in reading order run by run, so the Arabic is checked up to its colon.)
    const plain = pdfToText(handout);
    expect(plain).toContain('हिन्दी: हम आज जल चक्र के बारे में पढ़ते हैं।');
    expect(plain).toContain('ภาษาไทย: วันนี้เราเรียนเรื่องวัฏจักรของน้ำ');
    expect(plain).toContain('نحن ندرس دورة الماء اليوم');
    expect(plain).toContain('العربية');
    expect(plain).toMatch(/[🌧☀🌊😀]/u);
    const fonts = pdfFonts(handout);
    for (const font of [
      'NotoSansSC-Regular',
      'NotoSansArabic-Regular',
      'NotoSansHebrew-Regular',
      'NotoSansDevanagari-Regular',
      'NotoSansThai-Regular',
      'NotoEmoji-Regular',
      'NotoSansMono-Regular',
    ])
      expect(fonts).toContain(font);
  });

  it.runIf(hasPoppler)('should print code in a monospaced font with tabs as spaces and "->" as typed', async () => {
    const { outDir } = await buildInto([SCRIPTS]);
    const plain = pdfToText(path.join(outDir, 'all-scripts', 'handout.pdf'));
    expect(plain).toMatch(/if \(rain\) {2,}\{ x -> y \}/);
    expect(plain).not.toContain('→');
  });

  it.runIf(hasPoppler)('should embed only Pretendard in a Latin lesson', async () => {
    const { outDir } = await buildInto([path.join(ROOT, 'tests', 'fixtures', 'lessons', 'complete', 'input.md')]);
    for (const file of ['handout.pdf', 'teacher-edition.pdf', 'debate-worksheet.pdf'])
      expect(new Set(pdfFonts(path.join(outDir, 'input', file)))).toEqual(new Set(['Pretendard-Regular', 'Pretendard-Bold']));
  });

  it.runIf(hasPoppler)('should keep each PDF of a Chinese lesson under 1 MB, in the Traditional Chinese font for lang zh-Hant', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-cjk-'));
    const sentences = Array.from({ length: 40 }, (_, index) => `第${index + 1}課：我們今天學習水循環、雲、雨和雪。`).join('\n\n');
    await writeFile(path.join(folder, 'water.md'), `---\ntitle: 水循環\nlang: zh-Hant\n---\n\n# 水循環\n\n${sentences}\n\nNote: 問學生雨從哪裡來。\n`);
    const [result] = await buildLessons({ inputs: ['water.md'], outDir: path.join(folder, 'out'), cwd: folder });
    expect(result.file.messages.filter((message) => message.fatal !== undefined)).toEqual([]);
    for (const file of ['handout.pdf', 'slides-handout.pdf', 'teacher-edition.pdf']) {
      const pdf = path.join(folder, 'out', 'water', file);
      expect(statSync(pdf).size).toBeLessThan(1024 * 1024);
      expect(pdfFonts(pdf)).toContain('NotoSansTC-Regular');
    }
    const bytes = readFileSync(path.join(folder, 'out', 'water', 'handout.pdf')).toString('latin1');
    expect(bytes).toContain('/Lang (zh-Hant)');
    expect(readFileSync(path.join(folder, 'out', 'water', 'index.html'), 'utf8')).toContain('<html lang="zh-Hant">');
  });

  it('should guess the language from the script most letters are in', () => {
    expect(guessLanguage('The water cycle')).toBe('en');
    expect(guessLanguage('我们今天学习水循环')).toBe('zh');
    expect(guessLanguage('私たちは今日、水の循環を学びます')).toBe('ja');
    expect(guessLanguage('نحن ندرس دورة الماء اليوم')).toBe('ar');
    expect(guessLanguage('אנחנו לומדים היום על מחזור המים')).toBe('he');
    expect(guessLanguage('हम आज जल चक्र के बारे में पढ़ते हैं')).toBe('hi');
    expect(guessLanguage('วันนี้เราเรียนเรื่องวัฏจักรของน้ำ')).toBe('th');
    expect(guessLanguage('오늘 우리는 물의 순환을 배웁니다')).toBe('ko');
    expect(guessLanguage('Сегодня мы изучаем круговорот воды')).toBe('ru');
  });
});
