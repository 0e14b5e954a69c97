// A Web Worker of the studio's print pool (web-print-pool.ts): it typesets one PDF at a time, as a print worker thread
// does for `lectern build`, with the same code.
import { expose } from 'comlink';
import type { PrintJob } from '../print/plan-printables.ts';
import { typesetPrintJob } from '../print/typeset-print-job.ts';
import { fontFile, useTypefaceCharacters, type Typeface } from '../shared/fonts.ts';
import { fetchLecternFile, useBrowserLecternFiles, withLecternFiles } from './browser-lectern-files.ts';
import { typefaceCharactersFrom, type FontCoverage } from './font-coverage.ts';
import { announceReady } from './start-worker.ts';

const api = {
  /** `base` is the studio's address; `coverage` which characters each font has (font-coverage.json). */
  init(base: string, coverage: FontCoverage): Promise<void> {
    useBrowserLecternFiles(base);
    useTypefaceCharacters(typefaceCharactersFrom(coverage));
    // The fonts every PDF uses are fetched while the lesson is being read.
    return Promise.all([fontFile('pretendard-regular'), fontFile('pretendard-bold')].map(fetchLecternFile)).then(() => undefined);
  },
  /** The PDF of one printable; a font the job needs is fetched the first time. */
  typeset(job: PrintJob, images: Map<string, Uint8Array>): Promise<Uint8Array> {
    return withLecternFiles(() => typesetPrintJob(job, images));
  },
};

export type PrintWorkerApi = typeof api;
export type { Typeface };
expose(api);
announceReady();
