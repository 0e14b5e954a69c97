// Typeset printables on a worker thread (one, started on first use), for long-running processes like `lectern dev`.
import { Worker } from 'node:worker_threads';
import { PRINT_WORKER_SCRIPT } from '../project-files.ts';
import type { Lesson } from '../lesson/model.ts';
import type { PrintRequest } from './print-worker.ts';
import type { PrintTemplates } from './print-templates.ts';
import type { Printables } from './typeset-printables.ts';

export interface PrintWorker {
  typeset: (lesson: Lesson, images: Map<string, Uint8Array>, templates: PrintTemplates) => Promise<Printables>;
  close: () => Promise<void>;
}

/**
 * The worker's heap is capped, so its garbage is collected early: typesetting a 2,000-slide lesson then stays far below
 * the memory a school laptop has, instead of growing until the end of the build.
 */
export const PRINT_HEAP_MB = 176;

/** The worker ran out of its capped memory: the lesson is too large to typeset. */
export class PrintMemoryError extends Error {}

export function startPrintWorker(): PrintWorker {
  let worker: Worker | undefined;
  const pending = new Map<number, { resolve: (printables: Printables) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const start = () => {
    const started = new Worker(PRINT_WORKER_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: PRINT_HEAP_MB } });
    started.unref();
    started.on('message', (reply: { id: number; printables?: Printables; error?: string }) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.printables) waiting?.resolve(reply.printables);
      else waiting?.reject(new Error(`Typesetting failed: ${reply.error}`));
    });
    started.on('error', (error: Error & { code?: string }) => {
      // A worker that failed is replaced for the next lesson.
      worker = undefined;
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new PrintMemoryError(error.message) : error;
      for (const waiting of pending.values()) waiting.reject(reason);
      pending.clear();
    });
    return started;
  };
  return {
    typeset: (lesson, images, templates) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker ??= start();
        worker.postMessage({ id, lesson, images: [...images], templates } satisfies PrintRequest);
      }),
    close: async () => {
      await worker?.terminate();
    },
  };
}
