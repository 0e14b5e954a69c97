import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../support/pdf-text.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

async function project(config: string, lessons: Record<string, string>) {
  const folder = await scratchFolder();
  await mkdir(path.join(folder, 'lessons'));
  if (config) await writeFile(path.join(folder, 'lectern.config.yaml'), config);
  for (const [name, text] of Object.entries(lessons)) await writeFile(path.join(folder, 'lessons', name), text);
  return folder;
}

describe('lectern.config.yaml', () => {
  it('should give every lesson its theme, page size and school, and choose the output folder; front matter wins', async () => {
    const folder = await project('theme: black\npageSize: A4\nschool: Riverside High School\noutput: site\n', {
      'plain.md': '---\ntitle: Plain\n---\n\n# One\n\nText.\n',
      'own.md': '---\ntitle: Own\ntheme: serif\npageSize: Letter\n---\n\n# One\n\nText.\n',
    });
    const { code } = await lectern(folder, 'build');
    expect(code).toBe(0);
    expect(existsSync(path.join(folder, 'output'))).toBe(false);
    expect(readFileSync(path.join(folder, 'site', 'plain', 'index.html'), 'utf8')).toContain('href="reveal/theme/black.css"');
    expect(readFileSync(path.join(folder, 'site', 'own', 'index.html'), 'utf8')).toContain('href="reveal/theme/serif.css"');
    const plain = readFileSync(path.join(folder, 'site', 'plain', 'handout.pdf'));
    expect(plain.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect((await readPdfText(plain)).pages[0]).toMatch(/Riverside High School\s*Name:/);
    expect(readFileSync(path.join(folder, 'site', 'own', 'handout.pdf')).toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
  });

  it('should read lectern.config.json too, and let --out win over the config', async () => {
    const folder = await project('', { 'a.md': '---\ntitle: A\n---\n\n# One\n' });
    await writeFile(path.join(folder, 'lectern.config.json'), '{ "output": "from-config" }\n');
    expect((await lectern(folder, 'build', '--out', 'from-flag')).code).toBe(0);
    expect(existsSync(path.join(folder, 'from-flag', 'a', 'index.html'))).toBe(true);
    expect(existsSync(path.join(folder, 'from-config'))).toBe(false);
  });

  it("should write each lesson's PowerPoint file unless `pptx: false` in the config or --no-pptx says not to", async () => {
    const lesson = { 'a.md': '---\ntitle: A\n---\n\n# One\n\nText.\n' };
    const on = await project('', lesson);
    expect((await lectern(on, 'build')).code).toBe(0);
    expect(existsSync(path.join(on, 'output', 'a', 'a.pptx'))).toBe(true);
    const flag = await project('', lesson);
    expect((await lectern(flag, 'build', '--no-pptx')).code).toBe(0);
    expect(existsSync(path.join(flag, 'output', 'a', 'index.html'))).toBe(true);
    expect(existsSync(path.join(flag, 'output', 'a', 'a.pptx'))).toBe(false);
    const config = await project('pptx: false\n', lesson);
    expect((await lectern(config, 'build')).code).toBe(0);
    expect(existsSync(path.join(config, 'output', 'a', 'a.pptx'))).toBe(false);
  });

  it('should stop with one line per mistake in the config, naming its line and column', async () => {
    const folder = await project('theme: blak\nschol: Riverside\n', { 'a.md': '---\ntitle: A\n---\n\n# One\n' });
    const { code, stdout, stderr } = await lectern(folder, 'build');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        'lectern: lectern.config.yaml:1:8: error: Config "theme" is text "blak"; expected one of white, black, white-contrast, black-contrast, dracula, serif.',
        'lectern.config.yaml:2:1: error: Unknown config key "schol". Did you mean "school"? Known keys: theme, pageSize, school, fillable, templates, output, pptx, outputs, labels.',
        '',
      ].join('\n'),
    );
  });

  it("should use a teacher's templates folder file by file", async () => {
    const folder = await project('templates: my-templates\n', { 'a.md': '---\ntitle: Fractions\n---\n\n# One\n\nText.\n' });
    await mkdir(path.join(folder, 'my-templates', 'deck', 'partials'), { recursive: true });
    await writeFile(
      path.join(folder, 'my-templates', 'deck', 'partials', 'title-slide.hbs'),
      '<section class="our-title"><h1>{{meta.title}}</h1><p>Riverside Maths Department</p></section>\n',
    );
    expect((await lectern(folder, 'build')).code).toBe(0);
    const deck = readFileSync(path.join(folder, 'output', 'a', 'index.html'), 'utf8');
    expect(deck).toContain('<section class="our-title"><h1>Fractions</h1><p>Riverside Maths Department</p></section>');
    expect(deck).toContain('<section data-lesson-line="5">');
    expect(deck).toContain('reveal/reveal.js');
  });
});
