// Typeset PDFs on a pool of worker threads: the printables of one lesson, and of several lessons, are made at once,
// and a preview server stays responsive meanwhile.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { PRINT_WORKER_SCRIPT } from './project-files.ts';
import { PrintMemoryError, type Typesetter } from '../pipeline/outputs.ts';
import type { PrintReply, PrintRequest } from './print-worker.ts';

/**
 * Each worker's heap is capped, so its garbage is collected early: typesetting a 2,000-slide lesson then stays far below
 * the memory a school laptop has, instead of growing until the end of the build.
 */
export const PRINT_HEAP_MB = 176;

export interface PrintPool {
  /** How many PDFs are typeset at once. */
  size: number;
  /** Start the workers now (they take a moment to load), as PDFs are coming; a build with none starts none. */
  warm: () => void;
  /** Typeset a lesson's printables; the promises settle in any order, each with its PDF. */
  typeset: Typesetter;
  close: () => Promise<void>;
}

/** How many print workers LECTERN_PRINT_WORKERS asks for: undefined when it is unset, NaN when it is not a number from 1 to 16. */
export function requestedPoolSize(environment: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = environment.LECTERN_PRINT_WORKERS;
  if (value === undefined || value === '') return undefined;
  const size = Number(value);
  return Number.isInteger(size) && size >= 1 && size <= 16 ? size : Number.NaN;
}

/**
 * For a build, one worker per processor core but one, at least one and at most four: the main thread keeps a core for
 * reading the lessons and making their decks and PowerPoint files, and each worker costs about 100 MB and a third of a
 * second of processor time to start. (On two cores, one lesson builds sooner with one worker than with two.) For a
 * preview, whose workers stay started and whose main thread waits while the PDFs of a saved lesson are made again, one
 * per core. More workers would only share the same cores. LECTERN_PRINT_WORKERS sets the number instead (memory is
 * measured with a fixed number).
 */
export function defaultPoolSize(use: 'build' | 'preview' = 'build'): number {
  const requested = requestedPoolSize();
  if (requested !== undefined && !Number.isNaN(requested)) return requested;
  return Math.max(1, Math.min(4, os.availableParallelism() - (use === 'build' ? 1 : 0)));
}

/**
 * Memory grows with the PDF being typeset (a tagged PDF's structure tree is held until the end), so very long PDFs,
 * like those of a 2,000-slide lesson, are typeset one at a time: the PDFs in progress together may come from at most
 * this much print Markdown. An ordinary lesson's PDFs come from 1,000 to 20,000 characters each.
 */
const PARALLEL_MARKDOWN_CHARS = 200_000;

const weight = (task: Task) => task.request.job.weight ?? task.request.job.markdown.length;

interface Task {
  request: PrintRequest;
  resolve: (pdf: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * A worker's young generation: with 8 MB a fifth of its time went to collecting garbage (a PDF's objects outlive a small
 * young generation); 16 MB makes a library's PDFs a fifth quicker for about 30 MB more, and 32 MB no quicker.
 */
const PRINT_YOUNG_MB = 16;

export function startPrintPool(size = defaultPoolSize()): PrintPool {
  const queue: Task[] = [];
  const busy = new Map<Worker, Task | undefined>();
  let closed = false;

  const start = () => {
    const worker = new Worker(PRINT_WORKER_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: PRINT_HEAP_MB, maxYoungGenerationSizeMb: PRINT_YOUNG_MB } });
    worker.unref();
    busy.set(worker, undefined);
    worker.on('message', (reply: PrintReply) => {
      const task = busy.get(worker);
      busy.set(worker, undefined);
      if (reply.pdf) task?.resolve(reply.pdf);
      else task?.reject(new Error(`Typesetting failed: ${reply.error}`));
      pump();
    });
    // A worker that failed or stopped is replaced for the next PDF; the PDF it was making fails.
    const lose = (reason: Error) => {
      if (!busy.has(worker)) return;
      const task = busy.get(worker);
      busy.delete(worker);
      task?.reject(reason);
      pump();
    };
    worker.on('error', (error: Error & { code?: string }) => lose(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new PrintMemoryError(error.message) : error));
    worker.on('exit', (code) => lose(new Error(`A print worker stopped (exit code ${code}).`)));
    return worker;
  };
  /** Hand queued PDFs to idle workers, starting workers up to the pool's size. */
  const pump = () => {
    while (queue.length > 0 && !closed) {
      const inFlight = [...busy.values()].reduce((sum, task) => sum + (task ? weight(task) : 0), 0);
      if (inFlight > 0 && inFlight + weight(queue[0]) > PARALLEL_MARKDOWN_CHARS) return;
      let idle = [...busy].find(([, task]) => !task)?.[0];
      if (!idle && busy.size < size) idle = start();
      if (!idle) return;
      const task = queue.shift()!;
      busy.set(idle, task);
      idle.postMessage(task.request);
    }
  };

  return {
    size,
    // Workers load the typesetter and fonts while the first lessons are read and their decks made.
    warm: () => {
      while (!closed && busy.size < size) start();
    },
    typeset: (jobs, images) => {
      const shared = shareImages(images);
      const tasks = jobs.map((job) => {
        const task = { request: { job, images: shared } } as Task;
        return { task, pdf: new Promise<Uint8Array>((resolve, reject) => Object.assign(task, { resolve, reject })) };
      });
      // The longest PDFs go first, so that the workers finish a lesson at about the same time.
      queue.push(...[...tasks].sort((a, b) => weight(b.task) - weight(a.task)).map(({ task }) => task));
      pump();
      return tasks.map(({ pdf }) => pdf);
    },
    close: async () => {
      closed = true;
      await Promise.all([...busy.keys()].map((worker) => worker.terminate()));
    },
  };
}

/** The images in memory every worker reads, rather than one copy per PDF. */
function shareImages(images: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const shared = new Map<string, Uint8Array>();
  for (const [name, data] of images) {
    const copy = new Uint8Array(new SharedArrayBuffer(data.byteLength));
    copy.set(data);
    shared.set(name, copy);
  }
  return shared;
}
