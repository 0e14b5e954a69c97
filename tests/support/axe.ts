// Run axe-core in Chromium: every WCAG 2.1 A and AA rule and axe's best practices, on the page as it is now (a deck's
// current slide or step with its controls, a page of the studio). Returns each violation as "rule selector: summary".
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeNode {
  target: string[];
  failureSummary?: string;
}

/** The violations on the page (or inside `include`), as a teacher-readable list; [] when none. */
export async function axeViolations(page: Page, options: { include?: string; exclude?: string[] } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const found = (await page.evaluate(
    async ({ include, exclude, tags }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: AxeNode[] }[] }> } }).axe;
      const context = { include: include ? [include] : [document], exclude: exclude.map((selector) => [selector]) };
      // preload: false, so axe does not fetch the stylesheets again (a file:// deck forbids it and logs an error).
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, preload: false });
      return result.violations.flatMap((violation) => violation.nodes.map((node) => ({ id: violation.id, node })));
    },
    { include: options.include, exclude: options.exclude ?? [], tags: AXE_TAGS },
  )) as { id: string; node: AxeNode }[];
  return found.map(({ id, node }) => `${id} ${node.target.join(' ')}: ${node.failureSummary ?? ''}`.trim());
}

/** A deck's violations at every slide and every step of it (each fragment shown in turn), with the controls. */
export async function deckViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  // Steps appear with a 0.2 s fade: measured at rest, as with the slides' transitions.
  await page.addStyleTag({ content: '.reveal .fragment { transition: none !important; }' });
  await page.evaluate('Reveal.configure({ transition: "none", backgroundTransition: "none", fragmentInURL: false }); Reveal.slide(0, 0, -1)');
  for (let step = 0; step < 500; step++) {
    const where = (await page.evaluate(
      '(() => { const i = Reveal.getIndices(); return `slide ${i.h + 1}${i.f !== undefined && i.f >= 0 ? `, step ${i.f + 1}` : ""}`; })()',
    )) as string;
    for (const violation of await axeViolations(page)) found.push(`${where}: ${violation}`);
    if ((await page.evaluate('Reveal.isLastSlide() && !Reveal.availableFragments().next')) as boolean) break;
    await page.evaluate('Reveal.next()');
  }
  return found;
}
