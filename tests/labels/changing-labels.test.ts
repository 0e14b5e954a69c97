// A teacher changes Lectern's words: a label in the config shows in every output that uses it, a label in the lesson's
// front matter in that lesson, a language Lectern lacks is a file in the templates folder; a name that does not exist
// is an error with the label it could have meant, and a language with no words is English with one warning.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lesson/parse-lesson.ts';
import { needsTools } from '../support/needs-tool.ts';
import { readPptx } from '../support/pptx-slides.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

const hasTools = needsTools(['pdftotext'], 'install Debian\'s "poppler-utils" package');

const LESSON = `---
title: Rain
objectives:
  - Say where rain comes from.
---

# Where rain comes from

Water rises from the sea and falls again as rain.
`;

async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await scratchFolder();
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), text);
  }
  return folder;
}

describe.runIf(hasTools)('changing the words Lectern writes', () => {
  it('should show a label changed in the config in the deck, the PowerPoint file and the slides handout', async () => {
    const folder = await folderWith({ 'lectern.config.yaml': 'labels:\n  slide.objectives: Our goals for today\n', 'rain.md': LESSON });
    const { code, stderr } = await lectern(folder, 'build', 'rain.md', '--only', 'deck,pptx,slides-handout');
    expect(stderr).not.toMatch(/error|warning/);
    expect(code).toBe(0);
    const out = path.join(folder, 'output', 'rain');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('<h2>Our goals for today</h2>');
    expect((await readPptx(path.join(out, 'rain.pptx')))[1].title).toBe('Our goals for today');
    const handout = execFileSync('pdftotext', [path.join(out, 'slides-handout.pdf'), '-'], { encoding: 'utf8' });
    expect(handout).toContain('Our goals for today');
    expect(handout).not.toContain('Today we will');
  });

  it("should let a lesson's front matter change a label, with forms by number, over the config's", async () => {
    const lesson = LESSON.replace(
      'objectives:',
      'duration: 1\nlabels:\n  handout.objectives: By the bell you can\n  lesson.minutes: {one: "{count} short minute", other: "{count} short minutes"}\nobjectives:',
    );
    const folder = await folderWith({ 'lectern.config.yaml': 'labels:\n  handout.objectives: Goals\n', 'rain.md': lesson });
    expect((await lectern(folder, 'build', 'rain.md', '--only', 'handout')).code).toBe(0);
    const text = execFileSync('pdftotext', [path.join(folder, 'output', 'rain', 'handout.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('By the bell you can');
    expect(text).toContain('1 short minute');
    expect(text).not.toContain('Goals');
  });

  it('should stop at a label name in the config that does not exist, with the name it could have meant', async () => {
    const folder = await folderWith({ 'lectern.config.yaml': 'labels:\n  slide.objective: Our goals\n', 'rain.md': LESSON });
    const { code, stderr } = await lectern(folder, 'build', 'rain.md');
    expect(code).toBe(1);
    expect(stderr).toContain('lectern.config.yaml:2:3: error: Unknown key "slide.objective" in "labels". Did you mean "slide.objectives"?');
  });

  it('should report a label name in the front matter that does not exist at its line, with the name it could have meant', () => {
    const { lesson, file } = parseLesson(LESSON.replace('objectives:', 'labels:\n  handout.objectivs: Goals\nobjectives:'), 'rain.md', 'rain');
    expect(lesson).toBeUndefined();
    expect(file.messages.map(String)).toEqual([
      `rain.md:4:3: Unknown key "handout.objectivs" in "labels". Did you mean "handout.objectives"? \`lectern labels\` lists every one.`,
    ]);
  });

  it('should name the template, its line and the label it could have meant for a label a print template gets wrong', async () => {
    const handout = (await readFile(path.join(import.meta.dirname, '..', '..', 'templates', 'print', 'handout.hbs'), 'utf8')).replace(
      '{{t "handout.reading"}}',
      '{{t "handout.readin"}}',
    );
    const folder = await folderWith({ 'my-templates/print/handout.hbs': handout, 'rain.md': LESSON.replace('# Where', 'Some words.\n\n# Where') });
    const { code, stderr } = await lectern(folder, 'build', 'rain.md', '--templates', 'my-templates', '--only', 'handout');
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /my-templates\/print\/handout\.hbs has a mistake: line \d+: `\{\{t "handout\.readin"\}\}` names no label\. Did you mean "handout\.reading"\?/,
    );
  });

  it('should take a language Lectern lacks from the templates folder, and say once which labels the file leaves in English', async () => {
    const folder = await folderWith({
      'my-templates/labels/sw.yaml': 'slide.objectives: Leo tutajifunza\nslide.sources: Vyanzo\n',
      'rain.md': LESSON.replace('objectives:', 'lang: sw\nobjectives:'),
    });
    const { code, stderr } = await lectern(folder, 'build', 'rain.md', '--templates', 'my-templates', '--only', 'deck');
    expect(code).toBe(0);
    expect(await readFile(path.join(folder, 'output', 'rain', 'index.html'), 'utf8')).toContain('<h2>Leo tutajifunza</h2>');
    const warnings = stderr.split('\n').filter((line) => line.includes('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /rain\.md:1:1: warning: Your labels file for sw gives no text for \d+ labels \(lesson\.grade, lesson\.minutes, notes\.title, …\), so they are in English\./,
    );
  });

  it('should print a labels file that, saved in a templates folder and changed, is read back whole, and built again when it changes', async () => {
    const folder = await folderWith({ 'rain.md': LESSON.replace('objectives:', 'lang: sw\nobjectives:') });
    const printed = await lectern(folder, 'labels', 'sw');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('slide.objectives: Today we will\n');
    const file = path.join(folder, 'my-templates', 'labels', 'sw.yaml');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, printed.stdout.replace('slide.objectives: Today we will', 'slide.objectives: Leo tutajifunza'));
    const { code, stderr } = await lectern(folder, 'build', 'rain.md', '--templates', 'my-templates', '--only', 'deck');
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/warning|error/);
    const deck = path.join(folder, 'output', 'rain', 'index.html');
    expect(await readFile(deck, 'utf8')).toContain('<h2>Leo tutajifunza</h2>');
    // A change to the file makes the deck again, though the lesson did not change.
    await writeFile(file, printed.stdout.replace('slide.objectives: Today we will', 'slide.objectives: Malengo ya leo'));
    expect((await lectern(folder, 'build', 'rain.md', '--templates', 'my-templates', '--only', 'deck')).code).toBe(0);
    expect(await readFile(deck, 'utf8')).toContain('<h2>Malengo ya leo</h2>');
  });

  it("should warn once when Lectern has no words in the lesson's language and none are given", () => {
    const { lesson, file } = parseLesson(LESSON.replace('objectives:', 'lang: sw\nobjectives:'), 'rain.md', 'rain');
    expect(lesson?.labels.lang).toBe('en');
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['1:1 labels-language']);
    expect(file.messages[0].reason).toContain("Lectern has no words of its own in this lesson's language (sw)");
  });
});
