// A worker thread of the print pool (print-pool.ts): it typesets one PDF at a time.
import { parentPort } from 'node:worker_threads';
import { embeddedFont } from '../print/embedded-fonts.ts';
import type { PrintJob } from '../print/plan-printables.ts';
import { typesetPrintJob } from '../print/typeset-print-job.ts';
import { useNodeLecternFiles } from './node-lectern-files.ts';

export interface PrintRequest {
  job: PrintJob;
  images: Map<string, Uint8Array>;
}

export interface PrintReply {
  pdf?: Uint8Array;
  error?: string;
}

useNodeLecternFiles();

// Read the fonts while the first lesson is being prepared.
embeddedFont('pretendard-regular');
embeddedFont('pretendard-bold');

parentPort?.on('message', (request: PrintRequest) => {
  typesetPrintJob(request.job, request.images).then(
    (pdf) => {
      // The PDF's memory is handed over rather than copied, unless it shares a block with other buffers.
      const whole = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength;
      parentPort?.postMessage({ pdf } satisfies PrintReply, whole ? [pdf.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PrintReply),
  );
});
