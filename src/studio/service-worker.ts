// The studio's service worker: it keeps the studio's own files, so that after the first visit the studio opens and works
// with no connection. It answers only for the studio's own address and never sends anything elsewhere; the lessons live
// in the browser's storage (or, with `lectern studio`, in the folder), never here.
/// <reference lib="webworker" />

declare const STUDIO_VERSION: string;
declare const STUDIO_PRECACHE: string[];

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `lectern-studio-${STUDIO_VERSION}`;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(STUDIO_PRECACHE.map((name) => new URL(name, worker.registration.scope).href)))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('lectern-studio-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  const scope = new URL(worker.registration.scope);
  // The folder's API (`lectern studio`) always goes to the server: it is the lessons, not the studio.
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname) || url.pathname.startsWith(`${scope.pathname}api/`))
    return;
  event.respondWith(answer(request, url, scope));
});

/** The studio's page and files from the cache; anything else it fetches once (a font a lesson needs) is kept for next time. */
async function answer(request: Request, url: URL, scope: URL): Promise<Response> {
  const cache = await caches.open(CACHE);
  const page = request.mode === 'navigate' || url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`;
  const key = page ? scope.href : url.origin + url.pathname;
  const kept = await cache.match(key);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
  return response;
}
