// The Markdown dialect of a lesson: CommonMark + GFM tables + YAML front matter + `:::` directives.
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

export function parseMarkdown(source: string): Root {
  return parser.parse(source);
}
