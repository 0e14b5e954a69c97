// `lectern templates`: a teacher lists the templates, copies one into a folder of their own, changes it, and the next
// build uses their copy; a name that does not exist gets the one meant, and a copy never overwrites their file.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsTools } from '../support/needs-tool.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

const hasTools = needsTools(['pdftotext'], 'install Debian\'s "poppler-utils" package');

const LESSON = `---
title: Rain
---

# Where rain comes from

Water rises from the sea and falls again as rain.
`;

describe.runIf(hasTools)('lectern templates', () => {
  it('should list every template by the name it is copied by, and the languages of the labels files', async () => {
    const { code, stdout } = await lectern(await scratchFolder(), 'templates');
    expect(code).toBe(0);
    for (const name of ['deck/layout.hbs', 'deck/partials/terms', 'print/handout', 'print/teacher-edition', 'lessons/basic', 'labels/fr', 'labels/ja'])
      expect(stdout).toContain(name);
  });

  it('should copy a print template into a templates folder of the teacher’s own, which the next build uses', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'rain.md'), LESSON);
    const copied = await lectern(folder, 'templates', 'copy', 'print/handout');
    expect(copied.code).toBe(0);
    expect(copied.stdout).toContain('Copied 1 template into my-templates/: print/handout.hbs.');
    expect(copied.stdout).toContain('Created lectern.config.yaml with `templates: my-templates`');
    expect(await readFile(path.join(folder, 'lectern.config.yaml'), 'utf8')).toBe('templates: my-templates\n');
    const copy = path.join(folder, 'my-templates', 'print', 'handout.hbs');
    await writeFile(copy, (await readFile(copy, 'utf8')).replace('## {{t "handout.reading"}}', '## Read this first'));
    const built = await lectern(folder, 'build', 'rain.md', '--only', 'handout');
    expect(built.code).toBe(0);
    expect(execFileSync('pdftotext', [path.join(folder, 'output', 'rain', 'handout.pdf'), '-'], { encoding: 'utf8' })).toContain('Read this first');

    // Copying again leaves the teacher's changed copy as it is.
    const again = await lectern(folder, 'templates', 'copy', 'print/handout');
    expect(again.stdout).toContain('Left as they are (you already have them): print/handout.hbs.');
    expect(await readFile(copy, 'utf8')).toContain('## Read this first');
  });

  it('should name the template a teacher probably meant, and exit 1', async () => {
    const { code, stderr } = await lectern(await scratchFolder(), 'templates', 'copy', 'print/handot');
    expect(code).toBe(1);
    expect(stderr).toContain('There is no template "print/handot". Did you mean "print/handout"?');
  });
});
