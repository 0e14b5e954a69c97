// Mistakes in a print template, told the way a teacher can fix them: the template's file and line, what is wrong and
// what it could have said instead (the values a template can use, the print directives there are).
import Handlebars from 'handlebars';
import { DIRECTIVE_NAMES } from './typeset/directive-names.ts';

/** Print directives a template may write: `::name` lines and `:::name` … `:::` blocks (`:::card` inside `::::cards`;
 * columns as `::columns`, `::column-break`, `::columns-end` lines). */
export const PRINT_DIRECTIVES: string[] = [...DIRECTIVE_NAMES, 'card', 'column-break', 'columns-end'];
const DIRECTIVE_COLONS: Record<string, string> = {
  'name-class-date': '::',
  lines: '::',
  'page-break': '::',
  cards: '::::',
  columns: '::',
  'column-break': '::',
  'columns-end': '::',
  map: '::',
  timeline: '::',
};
const DIRECTIVE_LINE = /^[ \t]*(:{2,})([A-Za-z][\w-]*)/;

/** Values a template names where they cannot be missing (outside `{{#each}}` and `{{#with}}`), that the view lacks. */
export function unknownValues(source: string, view: object): string[] {
  const problems: string[] = [];
  const check = (node: hbs.AST.Node, depth: number) => {
    if (node.type === 'PathExpression') {
      const path = node as hbs.AST.PathExpression;
      if (depth > 0 || path.data || path.parts.length === 0 || path.original.startsWith('this') || path.original.startsWith('.')) return;
      let value: unknown = view;
      for (const [index, part] of path.parts.entries()) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
        if (!(part in value)) {
          const owner = path.parts.slice(0, index).join('.');
          problems.push(
            `line ${path.loc.start.line}: \`{{${path.original}}}\` is not a value it can use. Known values${owner ? ` of ${owner}` : ''}: ${Object.keys(value).join(', ')}.`,
          );
          return;
        }
        value = (value as Record<string, unknown>)[part];
      }
    }
  };
  walk(parsed(source), 0, check);
  return problems;
}

const parsedTemplates = new Map<string, hbs.AST.Program>();
function parsed(source: string): hbs.AST.Program {
  let program = parsedTemplates.get(source);
  if (!program) parsedTemplates.set(source, (program = Handlebars.parse(source)));
  return program;
}

function walk(node: hbs.AST.Node, depth: number, visit: (node: hbs.AST.Node, depth: number) => void): void {
  if (!node || typeof node !== 'object') return;
  visit(node, depth);
  if (node.type === 'Program') (node as hbs.AST.Program).body.forEach((child) => walk(child, depth, visit));
  if (node.type === 'MustacheStatement' || node.type === 'SubExpression') {
    const call = node as hbs.AST.MustacheStatement;
    // A helper's own name (`inc`) is not a value.
    if (call.params.length > 0 || call.hash) call.params.forEach((param) => walk(param, depth, visit));
    else walk(call.path, depth, visit);
  }
  if (node.type === 'BlockStatement') {
    const block = node as hbs.AST.BlockStatement;
    block.params.forEach((param) => walk(param, depth, visit));
    const opensScope = ['each', 'with'].includes((block.path as hbs.AST.PathExpression).original);
    walk(block.program, depth + (opensScope ? 1 : 0), visit);
    if (block.inverse) walk(block.inverse, depth, visit);
  }
}

/** Print directives in a filled-in template that the typesetter does not know, with their line in the template. */
export function unknownDirectives(markdown: string, source: string): string | undefined {
  const found: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) fence = fence ? undefined : fenceMatch[1];
    const match = fence ? null : DIRECTIVE_LINE.exec(line);
    if (!match || PRINT_DIRECTIVES.includes(match[2])) continue;
    const written = `${match[1]}${match[2]}`;
    const templateLine = source.split('\n').findIndex((text) => text.includes(written)) + 1;
    const problem = `${templateLine > 0 ? `line ${templateLine}: ` : ''}\`${written}\``;
    if (!found.includes(problem)) found.push(problem);
  }
  if (found.length === 0) return undefined;
  const known = PRINT_DIRECTIVES.map((name) => `${DIRECTIVE_COLONS[name] ?? ':::'}${name}`).join(', ');
  return `${found.join(', ')} ${found.length === 1 ? 'is not a print directive' : 'are not print directives'}. Known ones: ${known}.`;
}
