import { readFileSync } from 'node:fs';
import { parseLesson } from '../src/lesson/parse-lesson.ts';
import { planPrintables } from '../src/print/plan-printables.ts';
import { typesetPrintJob } from '../src/print/typeset-printables.ts';
import { loadPrintTemplates } from '../src/print/print-templates.ts';
const templates = await loadPrintTemplates(['templates']);
const f = process.argv[2];
const jobs = planPrintables(parseLesson(readFileSync(f, 'utf8'), f, 'x', {}).lesson!, templates).jobs;
{ const s0 = performance.now(); for (const job of jobs) { const s = performance.now(); await typesetPrintJob(job, new Map()); process.stderr.write(`cold ${job.file} ${Math.round(performance.now() - s)} ms\n`); } process.stderr.write(`cold total ${Math.round(performance.now() - s0)}\n`); }
for (let round = 0; round < 3; round++) for (const job of jobs) {
  const s = performance.now(); await typesetPrintJob(job, new Map());
  if (round === 2) process.stderr.write(`${job.file} ${Math.round(performance.now() - s)} ms\n`);
}
