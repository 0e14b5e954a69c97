// The studio's print pool: PDFs typeset on Web Workers (print-worker.ts), the longest first, as `lectern build` typesets
// them on worker threads, so the page stays responsive while they are made.
import { wrap, type Remote } from 'comlink';
import type { Typesetter } from '../pipeline/outputs.ts';
import type { PrintJob } from '../print/plan-printables.ts';
import type { FontCoverage } from './font-coverage.ts';
import type { PrintWorkerApi } from './print-worker.ts';
import { startWorker } from './start-worker.ts';

interface Task {
  job: PrintJob;
  images: Map<string, Uint8Array>;
  resolve: (pdf: Uint8Array) => void;
  reject: (error: unknown) => void;
}

const weight = (job: PrintJob) => job.weight ?? job.markdown.length;

/** `size` workers at most, started when the first PDF is asked for. */
export function webPrintPool(base: string, coverage: FontCoverage, size: number): Typesetter {
  const queue: Task[] = [];
  const idle: Remote<PrintWorkerApi>[] = [];
  let started = 0;

  const start = async (): Promise<Remote<PrintWorkerApi>> => {
    started++;
    const worker = wrap<PrintWorkerApi>(await startWorker(new URL('print-worker.js', base), 'print worker'));
    await worker.init(base, coverage);
    return worker;
  };
  const pump = () => {
    while (queue.length > 0 && (idle.length > 0 || started < size)) {
      const task = queue.shift()!;
      const worker = idle.pop();
      void (worker ? Promise.resolve(worker) : start()).then(
        async (ready) => {
          try {
            task.resolve(await ready.typeset(task.job, task.images));
          } catch (error) {
            task.reject(error);
          }
          idle.push(ready);
          pump();
        },
        (error: unknown) => {
          // A worker that cannot start fails its PDF; the next PDF tries a new one.
          started--;
          task.reject(error);
        },
      );
    }
  };
  return (jobs, images) => {
    const promises = jobs.map((job) => new Promise<Uint8Array>((resolve, reject) => queue.push({ job, images, resolve, reject })));
    queue.sort((a, b) => weight(b.job) - weight(a.job));
    pump();
    return promises;
  };
}
