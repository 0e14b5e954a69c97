// A server Lectern runs (dev, studio) stops when the teacher stops it (Ctrl+C), when its terminal closes, and when the
// program that started it ends: `npx lectern dev` stopped by its process id, or an editor's task that is cancelled,
// must not leave a server holding its port.

/** How often the server looks whether the program that started it is still there. */
const PARENT_CHECK_MS = 1_000;

export function stopWithParent(stop: () => void): void {
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  // When the parent ends, the process is handed to another (its parent id changes): nothing else tells it.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, PARENT_CHECK_MS).unref();
}
