// A worker thread that typesets printables, so a preview server stays responsive while PDFs are made.
import { parentPort } from 'node:worker_threads';
import type { Lesson } from '../lesson/model.ts';
import type { PrintTemplates } from './print-templates.ts';
import { typesetPrintables } from './typeset-printables.ts';

export interface PrintRequest {
  id: number;
  lesson: Lesson;
  images: [string, Uint8Array][];
  templates: PrintTemplates;
}

parentPort?.on('message', (request: PrintRequest) => {
  typesetPrintables(request.lesson, new Map(request.images), request.templates).then(
    (printables) => parentPort?.postMessage({ id: request.id, printables }),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
