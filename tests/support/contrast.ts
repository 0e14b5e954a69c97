// Run axe-core's colour-contrast rule on the slide Chromium is showing; returns each violation as "selector: summary".
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: string[];
  failureSummary?: string;
}

/** Contrast violations inside `selector` (by default the current slide), as a teacher-readable list; [] when none. */
export async function contrastViolations(page: Page, selector = '.reveal .slides section.present'): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const nodes = (await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { nodes: AxeNode[] }[] }> } }).axe;
    const result = await axe.run({ include: [include] }, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return result.violations.flatMap((violation) => violation.nodes);
  }, selector)) as AxeNode[];
  return nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`.trim());
}
