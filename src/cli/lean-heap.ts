// While a library's PDFs are typeset, the main thread mostly waits for the print workers: it can spend that time
// collecting garbage more often, and keep a smaller heap.
import v8 from 'node:v8';

/**
 * V8 lets the main thread's heap grow to up to four times what was alive after its last full collection before it
 * collects again; this makes it one and a half times (a print worker, whose heap is capped, already grows by at most
 * 1.3 times). On the 100-lesson corpus of the bench, three runs side by side: a peak of 266–273 MB instead of
 * 314–335 MB, and no slower (1.3 times cost a twentieth of the time). A build of one lesson, or of decks only, keeps
 * V8's default: its main thread is what the build waits for, and collecting more often made decks a tenth slower.
 */
export function leanMainHeap(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}
