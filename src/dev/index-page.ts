// The dev server's front page: every lesson with links to its deck and printables, and its problems.
export interface LessonEntry {
  slug: string;
  source: string;
  title?: string;
  files: string[];
  /** Errors and warnings, shown in a red box. */
  problems: string[];
  /** Notes only inform: shown apart, not as problems. */
  notes: string[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function renderIndexPage(lessons: LessonEntry[]): string {
  const items = lessons
    .map((lesson) => {
      const links = lesson.files.map(
        (file) =>
          `<a href="/${encodeURIComponent(lesson.slug)}/${file === 'index.html' ? '' : encodeURIComponent(file)}">${file === 'index.html' ? 'Slides' : escapeHtml(file)}</a>`,
      );
      const problems = lesson.problems.length > 0 ? `<pre class="problems">${escapeHtml(lesson.problems.join('\n'))}</pre>` : '';
      const notes = lesson.notes.map((note) => `<p class="note">Note: ${escapeHtml(note)}</p>`).join('');
      return `<li><h2>${escapeHtml(lesson.title ?? lesson.slug)}</h2><p class="source">${escapeHtml(lesson.source)}</p><p class="links">${links.join(' · ') || 'Not built yet.'}</p>${problems}${notes}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Lectern — lessons</title>
<style>
body { font: 17px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
ul { list-style: none; padding: 0; } li { border-bottom: 1px solid #ccc; padding: 0.6rem 0; }
h2 { margin: 0; font-size: 1.25rem; } .source { margin: 0; color: #444; font-size: 0.9rem; }
a { color: #0b4fa8; } .problems { white-space: pre-wrap; background: #fff4f4; border-left: 4px solid #b00020; padding: 0.5rem 0.8rem; }
.note { margin: 0.3rem 0 0; color: #444; font-size: 0.9rem; }
</style>
</head>
<body>
<h1>Lessons</h1>
<p>Edit a lesson and save it: this page and any open deck update by themselves.</p>
<ul>
${items}
</ul>
</body>
</html>
`;
}
