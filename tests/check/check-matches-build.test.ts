import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { buildLessons } from '../../src/node/build-lessons.ts';
import { checkLessons } from '../../src/check/check-lessons.ts';
import { isNote } from '../../src/shared/reporter.ts';
import { scratchFolder } from '../support/run-lectern.ts';

const LESSONS: Record<string, string> = {
  'missing-template.md': '---\ntitle: Tides\nprintTemplates:\n  teacher-edition: fancy\n---\n\n# One\n\nThe moon pulls the sea.\n',
  'damaged-image.md': '---\ntitle: Clouds\n---\n\n# One\n\n![A cloud](images/cloud.png)\n',
  'missing-image.md': '---\ntitle: Rain\n---\n\n# One\n\n![A drop](images/drop.png)\n',
  'broken-template.md': '---\ntitle: Snow\n---\n\n# One\n\nSnow is frozen water.\n',
};

/** Errors and warnings (notes only inform), each with its place and rule. */
const problems = (file: VFile) =>
  file.messages.filter((message) => !isNote(message)).map((message) => [message.line, message.column, message.ruleId, message.fatal, message.reason]);

describe('lectern check and lectern build', () => {
  it('should report the same errors and warnings for a missing print template, a damaged or missing image and a broken template', async () => {
    const folder = await scratchFolder();
    await mkdir(path.join(folder, 'lessons', 'images'), { recursive: true });
    await mkdir(path.join(folder, 'templates', 'print'), { recursive: true });
    for (const [name, text] of Object.entries(LESSONS)) await writeFile(path.join(folder, 'lessons', name), text);
    await writeFile(path.join(folder, 'lessons', 'images', 'cloud.png'), 'not really a PNG file');
    await writeFile(path.join(folder, 'templates', 'print', 'handout.hbs'), '# {{meta.title}\n');
    const templates = path.join(folder, 'templates');

    const built = await buildLessons({ inputs: ['lessons'], outDir: path.join(folder, 'output'), cwd: folder, templates, pptx: false });
    const checked = await checkLessons(['lessons'], folder, {}, templates);

    const rules = (file: VFile) => file.messages.filter((message) => !isNote(message)).map((message) => message.ruleId);
    const bySource = (source: string) => [built.find((result) => result.source === source)!.file, checked.find((result) => result.source === source)!.file];
    const [missingTemplate, damagedImage, missingImage, brokenTemplate] = [
      'missing-template.md',
      'damaged-image.md',
      'missing-image.md',
      'broken-template.md',
    ].map((name) => bySource(path.join('lessons', name)));
    expect(rules(missingTemplate[0])).toEqual(['print-template']);
    expect(rules(damagedImage[0])).toEqual(['image-print', 'print-template']);
    expect(rules(missingImage[0])).toEqual(['image-missing']);
    expect(rules(brokenTemplate[0])).toEqual(['print-template']);
    for (const [build, check] of [missingTemplate, damagedImage, missingImage, brokenTemplate]) expect(problems(check)).toEqual(problems(build));
  });
});
