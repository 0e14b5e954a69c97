// Lessons are parsed without GFM's bare links where a text cannot hold one (parse-markdown.ts). That must never change
// what a lesson says: every Markdown file we have, generated lessons, and texts that spell a bare link in odd ways are
// parsed to the very tree remark-gfm gives.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parsePrintPiece, remarkLessonMath } from '../../src/lesson/parse-markdown.ts';
import { generateLessons } from '../support/generate-lessons.ts';
import { SEED, announceSeed } from '../support/seed.ts';

const ROOT = path.join(import.meta.dirname, '../..');
// The lesson dialect with every GFM extension, bare links included.
const withGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkLessonMath).freeze();

/** The links a tree holds. */
function links(tree: Root): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; url?: string; children?: unknown[]; value?: string }) => {
    if (node.type === 'link') found.push(`${node.url}`);
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(tree);
  return found;
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const withoutPositions = (tree: Root) => JSON.parse(JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value))) as Root;

describe('bare links (www.…, https://…, name@example.com)', () => {
  it('should become the same links as GFM makes them, however they are spelt', () => {
    const texts = [
      'See www.example.com for more.',
      'See WWW.EXAMPLE.COM or https://example.org/page?id=1, or http://example.net.',
      'Write to teacher@example.com, or mailto:office@example.com.',
      'Escaped: www\\.example.com and teacher\\@example.com.',
      'Spelt with references: teacher&#64;example.com and &#119;ww.example.com and https&#58;//example.org.',
      'No link here: the cat sat on the mat.',
    ];
    for (const text of texts) {
      expect(links(parsePrintPiece(text)), text).toEqual(links(withGfm.parse(text)));
      expect(links(parseMarkdown(text)), text).toEqual(links(withGfm.parse(text)));
    }
    expect(links(parsePrintPiece('Mail teacher&#64;example.com.'))).toEqual(['mailto:teacher@example.com']);
  });

  it('should leave every lesson and fixture we have parsed exactly as GFM parses it', () => {
    const files = [...markdownFiles(path.join(ROOT, 'lessons')), ...markdownFiles(path.join(ROOT, 'tests', 'fixtures'))];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(withoutPositions(parsePrintPiece(text)), file).toEqual(withoutPositions(withGfm.parse(text)));
    }
  });

  it('should leave generated lessons parsed exactly as GFM parses them', () => {
    announceSeed('Generated lessons');
    for (const text of generateLessons(SEED, 20)) expect(withoutPositions(parsePrintPiece(text))).toEqual(withoutPositions(withGfm.parse(text)));
  });
});
