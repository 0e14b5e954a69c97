import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectInOrder } from '../support/expect-in-order.ts';
import { readPdfText } from '../support/pdf-text.ts';
import { COMPLETE_FIXTURE, buildInto } from '../support/build-fixture.ts';

describe('the debate worksheet', () => {
  it('should print the motion, the side choice, a preparation row per argument, rebuttals, closing lines, timing and a rubric', async () => {
    const { outDir } = await buildInto([COMPLETE_FIXTURE]);
    const { text, pages } = await readPdfText(readFileSync(path.join(outDir, 'input', 'debate-worksheet.pdf')));
    expectInOrder(text, [
      'Name:',
      'Class:',
      'Date:',
      'Debate worksheet',
      'The Water Cycle',
      'The motion',
      'This class believes cities should collect rainwater on every roof.',
      'My team argues:',
      'For the motion',
      'Against the motion',
      'Prepare your arguments',
      'Claim',
      'Evidence',
      'Reasoning',
      'For: It saves water',
      'Against: It costs money',
      'Our own claim:',
      'Plan your rebuttals',
      'The other side might say',
      'We will answer',
      'Closing statement',
      'Timing plan',
      'Stage',
      'Minutes',
      'Opening statements',
      '4',
      'Rebuttals',
      '3',
      'Total',
      '7',
      'Peer-judging rubric',
      'Clear claims',
      'Evidence',
      'Reasoning',
      'Rebuttal',
      'Delivery and teamwork',
      'Total (out of 20)',
    ]);
    expect(text).not.toContain('Roofs collect a lot of rain each year');
    expect(text).not.toContain('Split the class in two halves');
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1}`));
  });

  it('should print a default timing plan when the debate has none, and not be made for a lesson without a debate', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lectern-debate-'));
    await writeFile(
      path.join(folder, 'short.md'),
      '---\ntitle: Short\n---\n\n# Debate\n\n:::debate\n**Motion:** Homework should be banned.\n\n### For\n- **Rest matters** — Pupils need sleep.\n\n### Against\n- **Practice matters** — Skills need repetition.\n:::\n',
    );
    await writeFile(path.join(folder, 'plain.md'), '---\ntitle: Plain\n---\n\n# Hello\n\nNo debate here.\n');
    const { outDir, results } = await buildInto([path.join(folder, 'short.md'), path.join(folder, 'plain.md')]);
    const { text } = await readPdfText(readFileSync(path.join(outDir, 'short', 'debate-worksheet.pdf')));
    expectInOrder(text, ['Timing plan', 'Preparation in teams', '10', 'Opening statements (each side)', '4', 'Total', '24']);
    expect(results.find((result) => result.slug === 'plain')!.written).not.toContain(path.join('plain', 'debate-worksheet.pdf'));
  });
});
