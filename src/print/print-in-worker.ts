// Typeset printables on a worker thread (one, started on first use), for long-running processes like `lectern dev`.
import { Worker } from 'node:worker_threads';
import type { Lesson } from '../lesson/model.ts';
import type { PrintRequest } from './print-worker.ts';
import type { PrintTemplates } from './print-templates.ts';
import type { Printables } from './typeset-printables.ts';

const BOOTSTRAP = new URL('../../bin/print-worker.js', import.meta.url);

export interface PrintWorker {
  typeset: (lesson: Lesson, images: Map<string, Uint8Array>, templates: PrintTemplates) => Promise<Printables>;
  close: () => Promise<void>;
}

export function startPrintWorker(): PrintWorker {
  const worker = new Worker(BOOTSTRAP);
  worker.unref();
  const pending = new Map<number, { resolve: (printables: Printables) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  worker.on('message', (reply: { id: number; printables?: Printables; error?: string }) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.printables) waiting?.resolve(reply.printables);
    else waiting?.reject(new Error(`Typesetting failed: ${reply.error}`));
  });
  worker.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  return {
    typeset: (lesson, images, templates) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, lesson, images: [...images], templates } satisfies PrintRequest);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
