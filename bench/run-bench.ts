// `npm run bench`: measure Lectern against its targets, print a table and write bench/results.json.
// Timings are wall-clock medians of whole commands, as a teacher would wait for them.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeCorpus } from './make-corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const LECTERN = path.join(ROOT, 'bin', 'lectern.js');
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 3);
const corpusRuns = Number(process.argv.find((arg) => arg.startsWith('--corpus-runs='))?.slice(14) ?? 1);
const MARP = [process.env.MARP_CLI, path.join(ROOT, 'node_modules', '.bin', 'marp')].find((candidate) => candidate && existsSync(candidate));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timed(command: string, args: string[], cwd: string): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.resume();
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 || code === 1 ? resolve({ ms: performance.now() - started, stdout }) : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

function pdfSizes(folder: string): number[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.pdf'))
    .map((entry) => statSync(path.join(entry.parentPath, entry.name)).size);
}

/** Start `lectern dev`, edit a lesson `times` times, and time each edit until the deck, then the PDFs, are rebuilt. */
async function devRebuild(folder: string, lesson: string, times: number): Promise<{ deck: number[]; printables: number[] }> {
  const child = spawn(process.execPath, [LECTERN, 'dev', '--port', '0'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.resume();
  const url = await new Promise<string>((resolve) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
      if (match) resolve(match[1]);
    });
  });
  const response = await fetch(new URL('/__lectern/events', url));
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const original = await readFile(lesson, 'utf8');
  const deck: number[] = [];
  const printables: number[] = [];
  for (let edit = 0; edit < times; edit++) {
    const started = performance.now();
    await writeFile(lesson, original.replace(/^(#+ .*)$/m, `$1 (edit ${edit})`));
    let buffer = '';
    while (printables.length <= edit) {
      const { value } = await reader.read();
      buffer += decoder.decode(value);
      for (const event of buffer.split('\n\n').slice(0, -1)) {
        if (!event.startsWith('event: reload')) continue;
        if (event.includes('"printables":true')) printables.push(performance.now() - started);
        else if (deck.length <= edit) deck.push(performance.now() - started);
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await writeFile(lesson, original);
  await reader.cancel();
  child.kill('SIGTERM');
  return { deck, printables };
}

execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.mjs')], { cwd: ROOT, stdio: 'inherit' });
const work = await mkdtemp(path.join(os.tmpdir(), 'lectern-bench-'));
const corpus = path.join(work, 'corpus');
await makeCorpus(corpus, 100);
const oneLesson = path.join(ROOT, 'lessons', 'why-putin-visited-north-korea.md');
console.log(`Benchmark in ${work}: ${runs} runs (one lesson), ${corpusRuns} (corpus); marp-cli: ${MARP ? 'found' : 'not installed'}.`);

const one: number[] = [];
const oneMarp: number[] = [];
for (let run = 0; run < runs; run++) {
  one.push((await timed(process.execPath, [LECTERN, 'build', oneLesson, '--out', path.join(work, `one-${run}`), '--quiet'], ROOT)).ms);
  if (MARP) oneMarp.push((await timed(MARP, [oneLesson, '--html', '-o', path.join(work, `marp-one-${run}.html`)], ROOT)).ms);
}

const corpusTimes: number[] = [];
const corpusMarp: number[] = [];
let peakMb = 0;
for (let run = 0; run < corpusRuns; run++) {
  const result = await timed(process.execPath, [LECTERN, 'build', corpus, '--out', path.join(work, `corpus-out-${run}`), '--verbose'], ROOT);
  corpusTimes.push(result.ms);
  peakMb = Math.max(peakMb, Number(/Peak memory: (\d+) MB/.exec(result.stdout)?.[1] ?? 0));
  if (MARP) corpusMarp.push((await timed(MARP, ['--html', '-I', corpus, '-o', path.join(work, `marp-corpus-${run}`)], ROOT)).ms);
}

const devFolder = path.join(work, 'dev');
await cp(path.join(ROOT, 'lessons'), path.join(devFolder, 'lessons'), { recursive: true });
const dev = await devRebuild(devFolder, path.join(devFolder, 'lessons', 'why-putin-visited-north-korea.md'), 5);

const sizes = [...pdfSizes(path.join(work, 'one-0')), ...pdfSizes(path.join(work, 'corpus-out-0'))];
const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
  oneLessonMs: Math.round(median(one)),
  corpusMs: Math.round(median(corpusTimes)),
  devDeckRebuildMs: Math.round(median(dev.deck)),
  devPrintablesRebuildMs: Math.round(median(dev.printables)),
  corpusPeakMemoryMb: peakMb,
  largestPdfKb: Math.round(Math.max(...sizes) / 1024),
  medianPdfKb: Math.round(median(sizes) / 1024),
  marp: MARP ? { oneLessonMs: Math.round(median(oneMarp)), corpusMs: Math.round(median(corpusMarp)) } : null,
};
await writeFile(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const rows: [string, string, string][] = [
  ['one bundled lesson, cold, all outputs', `${results.oneLessonMs} ms`, results.marp ? `≤ 0.5 × marp (${results.marp.oneLessonMs} ms): ratio ${(results.oneLessonMs / results.marp.oneLessonMs).toFixed(2)}` : '≤ 0.5 × marp-cli (not installed)'],
  ['100-lesson corpus, cold, all outputs', `${results.corpusMs} ms`, results.marp ? `≤ 0.5 × marp (${results.marp.corpusMs} ms): ratio ${(results.corpusMs / results.marp.corpusMs).toFixed(2)}` : '≤ 0.5 × marp-cli (not installed)'],
  ['dev: edit → deck reloaded', `${results.devDeckRebuildMs} ms`, `≤ 150 ms: ${results.devDeckRebuildMs <= 150 ? 'met' : 'not met'}`],
  ['dev: edit → PDFs rebuilt', `${results.devPrintablesRebuildMs} ms`, '(no target)'],
  ['peak memory, corpus', `${results.corpusPeakMemoryMb} MB`, `≤ 250 MB: ${results.corpusPeakMemoryMb <= 250 ? 'met' : 'not met'}`],
  ['largest PDF', `${results.largestPdfKb} KB`, `≤ 150 KB: ${results.largestPdfKb <= 150 ? 'met' : 'not met'}`],
];
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(10)}  target`);
for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(10)}  ${target}`);
console.log(`\nWritten to bench/results.json (${results.machine}).`);
