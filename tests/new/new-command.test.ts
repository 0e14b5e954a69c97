import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildLessons } from '../../src/node/build-lessons.ts';
import { blocksOf } from '../../src/lesson/model.ts';
import { nextStep } from '../../src/cli/next-step.ts';
import { slugify } from '../../src/new/new-lesson.ts';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

describe('lectern new', () => {
  it('should write lessons/<slug>.md from the basic template, and the new lesson should build with every block kind', async () => {
    const folder = await scratchFolder();
    const { code, stdout } = await lectern(folder, 'new', 'The Cold War: 1947–1991');
    expect(code).toBe(0);
    expect(stdout).toBe('Created lessons/the-cold-war-1947-1991.md from the "basic" lesson template. Edit it, then run: lectern build\n');
    const text = readFileSync(`${folder}/lessons/the-cold-war-1947-1991.md`, 'utf8');
    expect(text).toMatch(/^---\ntitle: "The Cold War: 1947–1991"\n/);
    expect(text).toContain('<!--');
    // The lesson's own note gives the commands that work where the teacher made it.
    expect(text).toContain('  - Build with: lectern build. Check with: lectern check.\n');
    const [result] = await buildLessons({ inputs: ['lessons'], outDir: `${folder}/output`, cwd: folder });
    expect(result.file.messages.map(String)).toEqual([]);
    expect(result.lesson!.meta.title).toBe('The Cold War: 1947–1991');
    for (const kind of ['terms', 'timeline', 'debate', 'roles', 'questions', 'activity', 'map'] as const)
      expect(blocksOf(result.lesson!, kind)).toHaveLength(1);
    expect(JSON.stringify(result.lesson)).not.toContain('Everything between these comment marks');
  });

  it("should give the next command as it works where the teacher is: in Lectern's own folder, installed in the folder, or installed for the computer", async () => {
    const folder = await scratchFolder();
    await writeFile(`${folder}/package.json`, JSON.stringify({ name: 'lectern', version: '0.1.0' }));
    expect((await lectern(folder, 'new', 'Rivers')).stdout).toContain('Edit it, then run: npm run build\n');
    expect(readFileSync(`${folder}/lessons/rivers.md`, 'utf8')).toContain('  - Build with: npm run build. Check with: npm run lectern -- check.\n');
    expect(nextStep('dev', folder, `${folder}/node_modules/.bin/lectern`)).toBe('npm run lectern -- dev');
    const teacher = await scratchFolder();
    expect(nextStep('build', teacher, `${teacher}/node_modules/.bin/lectern`)).toBe('npx lectern build');
    expect(nextStep('check', teacher, `${teacher}/node_modules/.bin/lectern`)).toBe('npx lectern check');
    expect(nextStep('dev', teacher, '/usr/local/bin/lectern')).toBe('lectern dev');
  });

  it('should start a debate lesson with --from debate', async () => {
    const folder = await scratchFolder();
    expect((await lectern(folder, 'new', 'Should homework be banned?', '--from', 'debate')).code).toBe(0);
    const [result] = await buildLessons({ inputs: ['lessons/should-homework-be-banned.md'], outDir: `${folder}/output`, cwd: folder });
    expect(result.file.messages.map(String)).toEqual([]);
    const [debate] = blocksOf(result.lesson!, 'debate');
    expect(debate.for).toHaveLength(3);
    expect(debate.against).toHaveLength(3);
    expect(result.written).toContain('should-homework-be-banned/debate-worksheet.pdf');
  });

  it('should refuse to overwrite a lesson, and name the lesson templates when one is unknown', async () => {
    const folder = await scratchFolder();
    await lectern(folder, 'new', 'Volcanoes');
    const again = await lectern(folder, 'new', 'Volcanoes');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('lectern: lessons/volcanoes.md already exists; Lectern will not overwrite it. Choose another title or rename the old file.\n');
    const unknown = await lectern(folder, 'new', 'Rivers', '--from', 'debat');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('lectern: There is no lesson template "debat". Did you mean "debate"? Lesson templates: basic, debate.\n');
  });

  it('should make file names from titles in any language', () => {
    expect(slugify('Café & Crème')).toBe('cafe-creme');
    expect(slugify('Путин и Ким')).toBe('путин-и-ким');
    expect(slugify('  ?!  ')).toBe('');
  });
});
