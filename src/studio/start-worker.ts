// Start a module Web Worker and wait until it listens: a worker whose modules wait at load (HarfBuzz fetches its
// WebAssembly) would otherwise miss the first message sent to it, and the studio would wait for ever.

const READY = 'lectern-worker-ready';

/** Called by a worker once it listens for messages. */
export function announceReady(): void {
  (self as unknown as Worker).postMessage(READY);
}

export function startWorker(url: URL, name: string): Promise<Worker> {
  const worker = new Worker(url, { type: 'module', name });
  return new Promise((resolve, reject) => {
    const ready = (event: MessageEvent) => {
      if (event.data !== READY) return;
      worker.removeEventListener('message', ready);
      worker.removeEventListener('error', failed);
      resolve(worker);
    };
    const failed = (event: ErrorEvent) => reject(new Error(`The studio's ${name} could not start: ${event.message || 'its code did not load'}.`));
    worker.addEventListener('message', ready);
    worker.addEventListener('error', failed);
  });
}
