import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { COMPLETE_FIXTURE } from '../support/build-fixture.ts';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lectern, scratchFolder } from '../support/run-lectern.ts';

const longSlide = Array.from({ length: 40 }, (_, index) => `- Point number ${index + 1} has several words in it.`).join('\n');

const WARNINGS = `---
title: Weather
grade: 4
duration: 30
---

# Clouds

![](images/cloud.png)

Clouds are made of tiny drops 𓀀 of water.

---

# Everything at once

${longSlide}

---

# Think

:::questions
1. What is a cloud made of?
:::

---

# Make a cloud

:::activity[Cloud in a jar]{minutes=40}
1. Fill a jar.
:::
`;

describe('lectern check', () => {
  it('should list every warning as file:line:column: severity: message, as build does, with reading statistics, and write nothing', async () => {
    const folder = await scratchFolder();
    await mkdir(path.join(folder, 'lessons', 'images'), { recursive: true });
    await copyFile(path.join(path.dirname(COMPLETE_FIXTURE), 'images', 'cycle.png'), path.join(folder, 'lessons', 'images', 'cloud.png'));
    await writeFile(path.join(folder, 'lessons', 'weather.md'), WARNINGS);
    const { code, stdout } = await lectern(folder, 'check');
    expect(stdout.split('\n')).toEqual([
      'lessons/weather.md:9:1: warning: The image "images/cloud.png" has no alt text, so a student who cannot see it learns nothing from it. Describe it in the brackets, like `![A map of East Asia](images/cloud.png)`; a picture that only decorates is marked `![](images/cloud.png){decorative}`.',
      'lessons/weather.md:11:31: warning: 1 character cannot be printed (no PDF font has it; it prints as "?"): "𓀀" (U+13000) at line 11:31. Replace it with ordinary text.',
      'lessons/weather.md:15:1: warning: This slide has 323 words; the deck shrinks it to fit (down to half size, then the slide scrolls), and the back of the room will struggle to read it. Split it with a `---` line into two slides (at most 250 words each).',
      'lessons/weather.md:63:1: warning: The question "What is a cloud made of?" has no model answer. Add one after it, like `_Answer:_ ...`; only the teacher sees it.',
      "lessons/weather.md:68:1: warning: The activities take 40 minutes, more than the lesson's duration of 30 minutes. Shorten some activities (their {minutes=...}) or raise `duration` in the front matter.",
      'lessons/weather.md: language English (detected), 329 words, about 2 min to read, reading level grade 3.9 (lesson: grade 4)',
      '1 lesson checked: 0 errors, 5 warnings.',
      '',
    ]);
    expect(code).toBe(0);
    expect(existsSync(path.join(folder, 'output'))).toBe(false);
  });

  it('should exit 1 on an error and report it at its place', async () => {
    const folder = await scratchFolder();
    await writeFile(path.join(folder, 'bad.md'), '---\ntitle: Bad\nobjective: Learn\n---\n\n# Hi\n');
    const { code, stdout } = await lectern(folder, 'check', 'bad.md');
    expect(code).toBe(1);
    expect(stdout).toContain('bad.md:3:1: error: Unknown front matter key "objective". Did you mean "objectives"?');
    expect(stdout).toContain('1 lesson checked: 1 error, 0 warnings.');
  });

  it("should compare the reading level with the lesson's grade", async () => {
    const folder = await scratchFolder();
    const hard =
      'Intergovernmental organisations systematically institutionalise multilateral cooperation, notwithstanding considerable geopolitical heterogeneity among participating constituencies. ';
    await writeFile(path.join(folder, 'hard.md'), `---\ntitle: Hard\ngrade: 3\n---\n\n# Text\n\n${hard.repeat(8)}\n`);
    const { stdout } = await lectern(folder, 'check', 'hard.md');
    expect(stdout).toMatch(
      /hard\.md: warning: The reading text reads at grade \d+\.\d \(Flesch–Kincaid\), harder than the lesson's grade 3\. Use shorter sentences and simpler words, or change `grade`\.$/m,
    );
  });
});
