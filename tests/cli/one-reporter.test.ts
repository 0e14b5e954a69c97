import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LECTERN, lectern, scratchFolder } from '../support/run-lectern.ts';

const LESSON = `---
title: Tides
duration: 10
---

# Tides

The sea rises and falls twice a day.

---

## Talk about it

:::activity[Talk]{minutes=20}
1. Say when the sea was highest yesterday.
:::
`;
const WARNING =
  "lessons/tides.md:12:1: warning: The activities take 20 minutes, more than the lesson's duration of 10 minutes. Shorten some activities (their {minutes=...}) or raise `duration` in the front matter.";
/** A message line of the one reporter: `file:line:column: severity: message`, the place left out for the file as a whole. */
const MESSAGE = /^[^\s:]+(?::\d+:\d+)?: (?:error|warning|note): \S/;

async function lessonFolder(): Promise<string> {
  const folder = await scratchFolder();
  await mkdir(path.join(folder, 'lessons'));
  await writeFile(path.join(folder, 'lessons', 'tides.md'), LESSON);
  return folder;
}

/** What `lectern dev` says on its error stream until it has built every lesson once. */
async function devLog(folder: string): Promise<string> {
  const child = spawn(process.execPath, [LECTERN, 'dev', '--port', '0', '--no-pptx'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    return await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/^lessons\/tides\.md: (rebuilt|not built)/m.test(stderr)) resolve(stderr);
      });
      child.once('exit', (code) => reject(new Error(`lectern dev stopped (exit code ${code}): ${stderr}`)));
    });
  } finally {
    child.kill('SIGTERM');
  }
}

describe('one reporter for every command', () => {
  it('should say a warning in the same words and format in build, check and dev, and count it the same way', async () => {
    const folder = await lessonFolder();
    const build = await lectern(folder, 'build', '--no-pptx');
    const check = await lectern(folder, 'check');
    const dev = await devLog(await lessonFolder());

    for (const said of [build.stderr, check.stdout, dev]) expect(said.split('\n')).toContain(WARNING);
    expect(build.stdout.trim().split('\n').at(-1)).toMatch(/^1 of 1 lesson built, \d+ files written, 0 errors, 1 warning in \d+\.\d s\.$/);
    expect(check.stdout.trim().split('\n').at(-1)).toBe('1 lesson checked: 0 errors, 1 warning.');
    expect(dev).toMatch(/^lessons\/tides\.md: rebuilt in \d+ ms, 0 errors, 1 warning\.$/m);
  });

  it('should say an error the same way in build, check and dev, and dev should keep the last good slides', async () => {
    const folder = await lessonFolder();
    await writeFile(path.join(folder, 'lessons', 'tides.md'), LESSON.replace('duration: 10', 'duration: 10\nobjective: Tides'));
    const error = 'lessons/tides.md:4:1: error: Unknown front matter key "objective". Did you mean "objectives"? Known keys: title, subtitle,';
    const build = await lectern(folder, 'build', '--no-pptx');
    const check = await lectern(folder, 'check');
    const dev = await devLog(folder);
    for (const said of [build.stderr, check.stdout, dev]) expect(said.split('\n').filter((line) => line.startsWith(error))).toHaveLength(1);
    expect(build.stdout.trim().split('\n').at(-1)).toMatch(/^0 of 1 lesson built, 0 files written, 1 error, 0 warnings in \d+\.\d s\.$/);
    expect(check.stdout.trim().split('\n').at(-1)).toBe('1 lesson checked: 1 error, 0 warnings.');
    expect(dev).toMatch(/^lessons\/tides\.md: not built \(the deck keeps its last good slides\), 1 error, 0 warnings\.$/m);
  });

  it('should report an import in the same format, each line at its place in the imported deck, with the same count', async () => {
    const folder = await scratchFolder();
    await writeFile(
      path.join(folder, 'marp.md'),
      '---\nmarp: true\ntheme: gaia\n---\n\n# Rivers\n\nWater runs downhill.\n\nNote: bring the map of the Nile.\n',
    );
    const { code, stdout } = await lectern(folder, 'import', 'marp.md');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    // After the line that says what kind of deck it is.
    const messages = lines.slice(1).filter((line) => line.startsWith('marp.md'));
    expect(messages.length).toBeGreaterThanOrEqual(4);
    for (const line of messages) expect(line).toMatch(MESSAGE);
    expect(lines).toContain(
      "marp.md:3:1: note: Dropped: front matter `theme`: a theme of the original tool; Lectern's themes are white, black, white-contrast, black-contrast, dracula and serif; kept in the comment at the top of the lesson.",
    );
    expect(lines).toContain(
      'marp.md:10:1: warning: The line "Note: bring the map of the Nile." is shown to students, as Marp shows it; if it is a note for you, move it into a `:::notes` block.',
    );
    const warnings = messages.filter((line) => / warning: /.test(line)).length;
    expect(lines).toContain(`Wrote lessons/rivers.md (1 slide, 0 images copied): 0 errors, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
  });
});
