import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, ROOT } from '../support/build-fixture.ts';
import { needsTools } from '../support/needs-tool.ts';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'lessons', 'maps', 'input.md');
const hasPoppler = needsTools(['pdftotext'], 'install poppler-utils');

describe.runIf(hasPoppler)('a lesson with maps, printed', () => {
  let folder: string;
  const text = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(folder, file), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

  beforeAll(async () => {
    const { outDir } = await buildInto([FIXTURE]);
    folder = path.join(outDir, 'input');
  }, 120_000);

  const europe = ['France', 'Germany', 'Italy', 'Belgium', 'Netherlands', 'Luxembourg', 'United Kingdom', 'Denmark', 'Ireland'];
  const places = ['Rome', 'Brussels', 'London', 'Cairo', 'Khartoum', 'Aswan'];
  const legend = ['Signed the Treaty of Rome in 1957', 'Joined in 1973', 'Joining talks', 'The river flows north'];
  const caption = 'The founding members of the European Economic Community';

  it('should draw every name, the legend and the caption on the handout as text', () => {
    const handout = text('handout.pdf');
    for (const word of [...europe, ...places, ...legend, caption, 'Egypt', 'South Sudan']) expect(handout).toContain(word);
  });

  it("should put the same words in the map slides' boxes of the slides handout", () => {
    const slides = text('slides-handout.pdf');
    for (const word of [...europe, ...places, ...legend, caption]) expect(slides).toContain(word);
  });

  it('should number the places and countries on the map worksheet, without their names', () => {
    const worksheet = text('map-worksheet.pdf');
    expect(worksheet).toContain('Map worksheet');
    expect(worksheet).toContain('Write the name of each numbered place and country.');
    // Map 1: 3 places and 9 countries; map 2: 3 places and 5 countries.
    for (const number of ['1', '2', '12']) expect(worksheet).toMatch(new RegExp(`\\b${number}\\b`));
    for (const name of [...europe, ...places, 'Egypt', 'Sudan', 'Ethiopia']) expect(worksheet).not.toContain(name);
    for (const words of legend) expect(worksheet).not.toContain(words);
  });

  it('should give the key to the map worksheet in the teacher edition only', () => {
    const teacher = text('teacher-edition.pdf');
    expect(teacher).toContain('Map worksheet key');
    expect(teacher).toContain('1 Rome (place)');
    expect(teacher).toContain('4 France (country)');
    expect(teacher).toContain('12 Ireland (country)');
    expect(teacher).toContain('4 Egypt (country)');
  });

  it('should draw the timeline on the handout and keep its table under it', () => {
    const handout = text('handout.pdf');
    const drawing = handout.indexOf('Ancient times');
    expect(drawing).toBeGreaterThan(-1);
    expect(handout.indexOf('When What happened')).toBeGreaterThan(drawing);
    expect(handout.lastIndexOf('Ancient times')).toBeGreaterThan(handout.indexOf('When What happened'));
  });
});
