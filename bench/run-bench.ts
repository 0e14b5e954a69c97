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
    child.on('exit', (code) =>
      code === 0 || code === 1 ? resolve({ ms: performance.now() - started, stdout }) : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
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
  // Every reload event with the time it arrived, read as they come: an event of an earlier edit that arrives late (a
  // save can be seen twice) is then not taken for the next edit's.
  const reloads: { at: number; printables: boolean }[] = [];
  let arrived = () => {};
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value);
      for (const event of buffer.split('\n\n').slice(0, -1))
        if (event.startsWith('event: reload')) reloads.push({ at: performance.now(), printables: event.includes('"printables":true') });
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
      arrived();
    }
  })();
  const original = await readFile(lesson, 'utf8');
  const deck: number[] = [];
  const printables: number[] = [];
  for (let edit = 0; edit < times; edit++) {
    const started = performance.now();
    await writeFile(lesson, original.replace(/^(#+ .*)$/m, `$1 (edit ${edit})`));
    const after = (wanted: boolean) => reloads.find((reload) => reload.at > started && reload.printables === wanted);
    while (!after(false) || !after(true)) await new Promise<void>((resolve) => (arrived = resolve));
    deck.push(after(false)!.at - started);
    printables.push(after(true)!.at - started);
    // The next edit waits until the preview has been quiet for half a second.
    for (let seen = -1; seen !== reloads.length;) {
      seen = reloads.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  await writeFile(lesson, original);
  await reader.cancel();
  child.kill('SIGTERM');
  return { deck, printables };
}

/** One `lectern build` with these arguments: its wall time and its peak memory (main thread and print workers). */
async function lecternBuild(args: string[]): Promise<{ ms: number; peakMb: number }> {
  const { ms, stdout } = await timed(process.execPath, [LECTERN, 'build', ...args, '--verbose'], ROOT);
  return { ms, peakMb: Number(/Peak memory: (\d+) MB/.exec(stdout)?.[1] ?? 0) };
}

/** Median wall time and highest peak memory of `count` runs, each given its run number. */
async function repeat(count: number, run: (index: number) => Promise<{ ms: number; peakMb: number }>): Promise<{ ms: number; peakMb: number }> {
  const results: { ms: number; peakMb: number }[] = [];
  for (let index = 0; index < count; index++) results.push(await run(index));
  return { ms: Math.round(median(results.map((result) => result.ms))), peakMb: Math.max(...results.map((result) => result.peakMb)) };
}

execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.mjs')], { cwd: ROOT, stdio: 'inherit' });
const work = await mkdtemp(path.join(os.tmpdir(), 'lectern-bench-'));
const corpus = path.join(work, 'corpus');
const corpusFiles = await makeCorpus(corpus, 100);
const oneLesson = path.join(ROOT, 'lessons', 'why-putin-visited-north-korea.md');
console.log(`Benchmark in ${work}: ${runs} runs (one lesson), ${corpusRuns} (corpus); marp-cli: ${MARP ? 'found' : 'not installed'}.`);

const one: number[] = [];
const oneMarp: number[] = [];
for (let run = 0; run < runs; run++) {
  one.push((await lecternBuild([oneLesson, '--out', path.join(work, `one-${run}`)])).ms);
  if (MARP) oneMarp.push((await timed(MARP, [oneLesson, '--html', '-o', path.join(work, `marp-one-${run}.html`)], ROOT)).ms);
}
const oneDeck = await repeat(runs, (run) => lecternBuild([oneLesson, '--only', 'deck', '--out', path.join(work, `one-deck-${run}`)]));

const corpusTimes: number[] = [];
const corpusMarp: number[] = [];
let peakMb = 0;
for (let run = 0; run < corpusRuns; run++) {
  const result = await lecternBuild([corpus, '--out', path.join(work, `corpus-out-${run}`)]);
  corpusTimes.push(result.ms);
  peakMb = Math.max(peakMb, result.peakMb);
  if (MARP) corpusMarp.push((await timed(MARP, ['--html', '-I', corpus, '-o', path.join(work, `marp-corpus-${run}`)], ROOT)).ms);
}
// Built again into the folder of the first cold build: nothing changed, then one lesson edited (and put back).
const built = path.join(work, 'corpus-out-0');
const noChange = await repeat(runs, () => lecternBuild([corpus, '--out', built]));
const edited = corpusFiles[Math.floor(corpusFiles.length / 2)];
const editedText = await readFile(edited, 'utf8');
const oneEdited = await repeat(runs, async (run) => {
  await writeFile(edited, editedText.replace(/^(#+ .*)$/m, `$1 (edit ${run + 1})`));
  return lecternBuild([corpus, '--out', built]);
});
await writeFile(edited, editedText);
const corpusDeck = await repeat(corpusRuns, (run) => lecternBuild([corpus, '--only', 'deck', '--out', path.join(work, `corpus-deck-${run}`)]));
const shards: { ms: number; peakMb: number }[] = [];
for (let shard = 1; shard <= 4; shard++) shards.push(await lecternBuild([corpus, '--shard', `${shard}/4`, '--out', path.join(work, `shard-${shard}`)]));

const devFolder = path.join(work, 'dev');
await cp(path.join(ROOT, 'lessons'), path.join(devFolder, 'lessons'), { recursive: true });
const dev = await devRebuild(devFolder, path.join(devFolder, 'lessons', 'why-putin-visited-north-korea.md'), 5);

const sizes = [...pdfSizes(path.join(work, 'one-0')), ...pdfSizes(path.join(work, 'corpus-out-0'))];
const marp = MARP ? { oneLessonMs: Math.round(median(oneMarp)), corpusMs: Math.round(median(corpusMarp)) } : null;
const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`,
  oneLessonMs: Math.round(median(one)),
  oneLessonDeckOnlyMs: oneDeck.ms,
  corpusMs: Math.round(median(corpusTimes)),
  corpusNoChangeMs: noChange.ms,
  corpusOneEditedMs: oneEdited.ms,
  corpusDeckOnlyMs: corpusDeck.ms,
  corpusShardMs: shards.map((shard) => Math.round(shard.ms)),
  devDeckRebuildMs: Math.round(median(dev.deck)),
  devPrintablesRebuildMs: Math.round(median(dev.printables)),
  corpusPeakMemoryMb: peakMb,
  shardPeakMemoryMb: Math.max(...shards.map((shard) => shard.peakMb)),
  largestPdfKb: Math.round(Math.max(...sizes) / 1024),
  medianPdfKb: Math.round(median(sizes) / 1024),
  marp,
};
await writeFile(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const ms = (value: number) => `${value} ms`;
const versus = (value: number, marpMs: number | undefined, factor: number) =>
  marpMs === undefined
    ? `≤ ${factor} × marp-cli (not installed)`
    : `≤ ${factor} × marp (${marpMs} ms): ratio ${(value / marpMs).toFixed(2)}, ${value <= factor * marpMs ? 'met' : 'not met'}`;
const atMost = (value: number, limit: number, unit: string) => `≤ ${limit} ${unit}: ${value <= limit ? 'met' : 'not met'}`;
const rows: [string, string, string][] = [
  ['one bundled lesson, cold, all outputs', ms(results.oneLessonMs), versus(results.oneLessonMs, marp?.oneLessonMs, 1)],
  ['one bundled lesson, --only deck', ms(results.oneLessonDeckOnlyMs), versus(results.oneLessonDeckOnlyMs, marp?.oneLessonMs, 0.5)],
  ['100-lesson corpus, cold, all outputs', ms(results.corpusMs), versus(results.corpusMs, marp?.corpusMs, 2)],
  ['corpus, --only deck', ms(results.corpusDeckOnlyMs), versus(results.corpusDeckOnlyMs, marp?.corpusMs, 0.5)],
  ['corpus, no change since last build', ms(results.corpusNoChangeMs), atMost(results.corpusNoChangeMs, 300, 'ms')],
  [
    'corpus, one lesson edited',
    ms(results.corpusOneEditedMs),
    `≤ 500 ms and ≤ 0.1 × cold (${Math.round(results.corpusMs / 10)} ms): ${results.corpusOneEditedMs <= Math.min(500, results.corpusMs / 10) ? 'met' : 'not met'}`,
  ],
  ...results.corpusShardMs.map((shardMs, index): [string, string, string] => [`corpus, shard ${index + 1} of 4`, ms(shardMs), '(no target)']),
  ['dev: edit → deck reloaded', ms(results.devDeckRebuildMs), atMost(results.devDeckRebuildMs, 150, 'ms')],
  ['dev: edit → PDFs rebuilt', ms(results.devPrintablesRebuildMs), '(no target)'],
  ['peak memory, corpus', `${results.corpusPeakMemoryMb} MB`, atMost(results.corpusPeakMemoryMb, 250, 'MB')],
  ['peak memory, one shard of 4', `${results.shardPeakMemoryMb} MB`, '(no target)'],
  ['largest PDF', `${results.largestPdfKb} KB`, atMost(results.largestPdfKb, 150, 'KB')],
];
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(10)}  target`);
for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(10)}  ${target}`);
console.log(`\nWritten to bench/results.json (${results.machine}).`);
