import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../support/pdf-text.ts';
import { COMPLETE_FIXTURE } from '../support/build-fixture.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

const LESSON = '---\ntitle: Tides\nobjectives:\n  - Explain tides.\nsources:\n  - title: The Sea Book\n---\n\n# The moon\n\nThe moon pulls the sea.\n';
const pdfText = async (file: string) => (await readPdfText(readFileSync(file))).text;

describe('print templates with a mistake', () => {
  it('should name the template, its line and the values it can use, in build and in check', async () => {
    const folder = await scratchFolder();
    await mkdir(path.join(folder, 't', 'print'), { recursive: true });
    await writeFile(path.join(folder, 'a.md'), `${LESSON}\n---\n\n# Words\n\n:::terms\n- **Tide** — The rise and fall of the sea.\n:::\n`);
    await writeFile(path.join(folder, 't', 'print', 'handout.hbs'), '# {{meta.title}}\n\n_{{meta.titel}}_\n');
    await writeFile(path.join(folder, 't', 'print', 'vocabulary-quiz.hbs'), '# Quiz\n\n{{#each terms}}\n- {{termz}}\n{{/each}}\n');
    await writeFile(path.join(folder, 't', 'print', 'slides-handout.hbs'), '# Slides\n\n::line{count=4}\n\n:::boxx\nHi\n:::\n');
    const expected = [
      'a.md: error: The print template t/print/handout.hbs, line 3: `{{meta.titel}}` is not a value it can use. Known values of meta: title, subtitle, school, duration, details. Fix the template, or delete your copy to use the standard one.',
      'a.md: error: The print template t/print/slides-handout.hbs, line 3: `::line`, line 5: `:::boxx` are not print directives. Known ones: ::name-class-date, ::lines, ::page-break, :::box, :::table, ::::cards, ::columns, :::slide, ::map, ::timeline, :::card, ::column-break, ::columns-end. Fix the template, or delete your copy to use the standard one.',
      'a.md: error: The print template t/print/vocabulary-quiz.hbs has a mistake: line 4: `{{termz}}` is not a value it can use here. Known values here: term, definition, example. Fix the template, or delete your copy to use the standard one.',
    ];
    const build = await lectern(folder, 'build', 'a.md', '--templates', 't');
    expect(build.code).toBe(1);
    // The build says a template's mistake once, with the lessons it stopped.
    for (const line of expected) expect(build.stderr).toContain(`${line.replace('a.md: error: ', 'error: ')} It stopped 1 lesson: a.md.`);
    expect(existsSync(path.join(folder, 'output', 'a', 'handout.pdf'))).toBe(false);

    const check = await lectern(folder, 'check', 'a.md', '--templates', 't');
    expect(check.code).toBe(1);
    for (const line of expected) expect(check.stdout).toContain(line);
  });

  it('should say a template mistake once, with every lesson it stopped', async () => {
    const folder = await scratchFolder();
    await mkdir(path.join(folder, 't', 'print'), { recursive: true });
    await writeFile(path.join(folder, 't', 'print', 'handout.hbs'), '# {{meta.title}}\n\n_{{meta.titel}}_\n');
    for (const name of ['a', 'b', 'c']) await writeFile(path.join(folder, `${name}.md`), LESSON);
    const { code, stderr, stdout } = await lectern(folder, 'build', 'a.md', 'b.md', 'c.md', '--templates', 't');
    expect(code).toBe(1);
    const said = stderr.split('\n').filter((line) => line.includes('meta.titel'));
    expect(said).toEqual([
      'error: The print template t/print/handout.hbs, line 3: `{{meta.titel}}` is not a value it can use. Known values of meta: title, subtitle, school, duration, details. Fix the template, or delete your copy to use the standard one. It stopped 3 lessons: a.md, b.md, c.md.',
    ]);
    expect(stdout).toMatch(/0 of 3 lessons built, .*1 error,/);
  });

  it('should stop when the templates folder in lectern.config.yaml does not exist', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'lectern.config.yaml'), 'templates: my-templatez\n');
    await writeFile(path.join(folder, 'a.md'), LESSON);
    const { code, stderr } = await lectern(folder, 'build', 'a.md');
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'lectern: lectern.config.yaml: `templates` names the folder "my-templatez", which does not exist. Create it, or fix the folder\'s name.',
    );
  });
});

describe('the printables of a lesson', () => {
  it('should give the teacher edition the notes of the title, objectives and sources slides, as in the deck', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'a.md'), LESSON);
    expect((await lectern(folder, 'build', 'a.md')).code).toBe(0);
    const teacher = await pdfText(path.join(folder, 'output', 'a', 'teacher-edition.pdf'));
    const deck = readFileSync(path.join(folder, 'output', 'a', 'index.html'), 'utf8');
    expect(teacher).toContain("Slide 1: Tides Welcome the class and introduce today's topic: Tides.");
    expect(teacher).toContain('Slide 2: Today we will Read the objectives aloud.');
    expect(teacher).toContain('Slide 4: Sources Point students to the sources if they want to read further or check a fact.');
    expect(deck).toContain('Read the objectives aloud.');
    expect(deck).toContain('Point students to the sources if they want to read further or check a fact.');
  });

  it('should remove a printable the lesson no longer makes, and nothing else, and only after a good build', async () => {
    const folder = await scratchFolder();
    const debate =
      '\n---\n\n# Debate\n\n:::debate\n**Motion:** Tides matter.\n\n### For\n- **Food** — Fish come in.\n\n### Against\n- **Floods** — Water comes in.\n:::\n';
    await writeFile(path.join(folder, 'a.md'), LESSON + debate);
    expect((await lectern(folder, 'build', 'a.md')).code).toBe(0);
    const out = path.join(folder, 'output', 'a');
    expect(existsSync(path.join(out, 'debate-worksheet.pdf'))).toBe(true);
    await writeFile(path.join(out, 'my-notes.pdf'), 'mine');

    await writeFile(path.join(folder, 'a.md'), `${LESSON}\n:::terms\n- **Tide**\n`);
    expect((await lectern(folder, 'build', 'a.md')).code).toBe(1);
    expect(existsSync(path.join(out, 'debate-worksheet.pdf'))).toBe(true);

    await writeFile(path.join(folder, 'a.md'), LESSON);
    const { code, stderr } = await lectern(folder, 'build', 'a.md');
    expect(code).toBe(0);
    expect(stderr).toContain('a.md: note: Removed debate-worksheet.pdf from the last build: the lesson no longer has what it needs.');
    expect(existsSync(path.join(out, 'debate-worksheet.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'handout.pdf'))).toBe(true);
    expect(readFileSync(path.join(out, 'my-notes.pdf'), 'utf8')).toBe('mine');
  });

  it('should size a template image with {width=...} and leave out its caption with caption=no', async () => {
    const folder = await scratchFolder();
    await mkdir(path.join(folder, 't', 'print'), { recursive: true });
    await copyFile(path.join(path.dirname(COMPLETE_FIXTURE), 'images', 'cycle.png'), path.join(folder, 't', 'print', 'logo.png'));
    await writeFile(
      path.join(folder, 't', 'print', 'handout.hbs'),
      '![Riverside High School](logo.png){width=120 caption=no}\n\n**Riverside High School** · Science department\n\n# {{meta.title}}\n',
    );
    await writeFile(path.join(folder, 'a.md'), LESSON);
    expect((await lectern(folder, 'build', 'a.md', '--templates', 't')).code).toBe(0);
    const handout = await pdfText(path.join(folder, 'output', 'a', 'handout.pdf'));
    expect(handout).toMatch(/Page 1 Riverside High School · Science department Tides/);
    expect(handout.match(/Riverside High School/g)).toHaveLength(1);
    const raw = readFileSync(path.join(folder, 'output', 'a', 'handout.pdf')).toString('latin1');
    expect(raw).toMatch(/\/Subtype \/Image/);
  });
});
