// The script the dev server adds to every page it serves: reload on rebuild, show build errors over the page.
export const LIVE_RELOAD_PATH = '/__lectern/live.js';
export const EVENTS_PATH = '/__lectern/events';

export const liveReloadScript = `
(() => {
  const slug = location.pathname.split('/').filter(Boolean)[0] || '';
  const overlayId = 'lectern-problems';
  const showProblems = (messages) => {
    let overlay = document.getElementById(overlayId);
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = overlayId;
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:99999;max-height:60vh;overflow:auto;background:#fff;color:#000;border-top:6px solid #b00020;padding:16px 24px;font:16px/1.45 system-ui,sans-serif;text-align:left;box-shadow:0 -4px 16px rgba(0,0,0,.25)';
      document.body.appendChild(overlay);
    }
    overlay.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = 'This lesson did not build. The last good version is shown until you fix it:';
    overlay.appendChild(title);
    for (const message of messages) {
      const line = document.createElement('pre');
      line.style.cssText = 'white-space:pre-wrap;margin:8px 0 0;font:15px/1.4 ui-monospace,monospace';
      line.textContent = message;
      overlay.appendChild(line);
    }
  };
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('reload', (event) => {
    const data = JSON.parse(event.data);
    // The front page lists every lesson and its PDFs; a deck only cares about its own new slides.
    if (!slug || (data.slug === slug && !data.printables)) location.reload();
  });
  events.addEventListener('problems', (event) => {
    const data = JSON.parse(event.data);
    if (!slug) location.reload();
    else if (data.slug === slug) showProblems(data.messages);
  });
  // Said when the page connects: its lesson is broken now (the front page lists problems itself).
  events.addEventListener('current-problems', (event) => {
    const data = JSON.parse(event.data);
    if (slug && data.slug === slug) showProblems(data.messages);
  });
  window.__lecternEvents = events;
})();
`;
