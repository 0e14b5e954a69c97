// The typeset stage of a build: a lesson's planned printables, typeset at once on the print pool's workers.
import { printImages, type PrintPlan } from './plan-printables.ts';
import type { PrintPool } from './print-pool.ts';
import type { PrintTemplates } from './print-templates.ts';

/** Every PDF of the plan, by file name; it throws (a PrintMemoryError, say) unless every one of them is made. */
export async function typesetInPool(
  plan: PrintPlan,
  images: Map<string, Uint8Array>,
  templates: PrintTemplates,
  pool: PrintPool,
): Promise<[name: string, data: Uint8Array][]> {
  const settled = await Promise.allSettled(pool.typeset(plan.jobs, printImages(images, templates)));
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome, index): [string, Uint8Array] => [plan.jobs[index].file, (outcome as PromiseFulfilledResult<Uint8Array>).value]);
}
