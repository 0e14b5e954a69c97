// `::::columns` with `:::column` blocks inside: content side by side on a slide, each column's width checked here.
import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { placeOf } from './inline-text.ts';
import type { Column, ColumnsPart } from './model.ts';
import { didYouMean, report } from './problems.ts';

const COLUMNS_EXAMPLE = '`::::columns`, then each column as `:::column` … `:::`, then `::::` to close';

/** The columns of a `::::columns` block, or undefined (reported) when it has none; `keep` records a column's Markdown (its images). */
export function parseColumns(directive: ContainerDirective, file: VFile, keep: (node: RootContent) => RootContent): ColumnsPart | undefined {
  reportAttributes(directive, [], file);
  const columns: Column[] = [];
  const widthPlaces: { width: number; place: ReturnType<typeof placeOf> }[] = [];
  for (const child of directive.children as RootContent[]) {
    if (child.type !== 'containerDirective' || child.name !== 'column') {
      const what = child.type === 'containerDirective' ? `\`:::${child.name}\`` : 'This text';
      const reason =
        child.type === 'containerDirective'
          ? `${what} cannot go directly inside \`::::columns\`: a column holds ordinary Markdown (text, lists, pictures, tables). Put the block below the \`::::\` that closes the columns.`
          : `${what} is inside \`::::columns\` but not inside a column, so it has no place on the slide. Put \`:::column\` on the line above it and \`:::\` on the line below it.`;
      report(file, 'error', reason, placeOf(child), 'columns-shape');
      continue;
    }
    reportAttributes(child, ['width'], file);
    const width = columnWidth(child, file);
    const nodes: RootContent[] = [];
    for (const node of child.children as RootContent[]) {
      if (node.type === 'containerDirective') {
        report(
          file,
          'error',
          `\`:::${node.name}\` cannot go inside a column: a column holds ordinary Markdown (text, lists, pictures, tables). Put the block below the \`::::\` that closes the columns.`,
          placeOf(node),
          'columns-shape',
        );
        continue;
      }
      nodes.push(keep(node));
    }
    if (width !== undefined) widthPlaces.push({ width, place: placeOf(child) });
    columns.push({ ...(width !== undefined ? { width } : {}), nodes });
  }
  if (columns.length === 0) {
    report(file, 'error', `\`::::columns\` has no column inside. Write ${COLUMNS_EXAMPLE}.`, placeOf(directive), 'columns-shape');
    return undefined;
  }
  const total = widthPlaces.reduce((sum, column) => sum + column.width, 0);
  const open = columns.length - widthPlaces.length;
  if (total > 100 || (open > 0 && total >= 100)) {
    const widths = widthPlaces.map((column) => `${column.width}%`).join(' + ');
    const fix =
      open > 0
        ? `the columns without a width share what is left, so make the widths add up to less than 100%, like \`:::column{width=40%}\` beside a column without one`
        : 'make them add up to 100% or less, like `width=60%` and `width=40%`';
    report(file, 'error', `The column widths add up to ${widths} = ${round(total)}%, more than fits the slide: ${fix}.`, placeOf(directive), 'column-width');
  }
  return { kind: 'columns', columns };
}

/** `width=40%` (or `40`): a share of the slide between 5% and 100%. */
function columnWidth(column: ContainerDirective, file: VFile): number | undefined {
  const raw = column.attributes?.width;
  if (raw === undefined || raw === null) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(raw);
  const value = match ? Number(match[1]) : NaN;
  if (value >= 5 && value <= 100) return value;
  report(
    file,
    'error',
    `The column width "${raw}" is not a share of the slide. Write a percentage between 5% and 100%, like \`:::column{width=40%}\`.`,
    placeOf(column),
    'column-width',
  );
  return undefined;
}

function reportAttributes(directive: ContainerDirective, known: string[], file: VFile): void {
  for (const name of Object.keys(directive.attributes ?? {})) {
    if (known.includes(name)) continue;
    const accepted =
      known.length > 0
        ? ` It takes only ${known.map((key) => `\`${key}\``).join(', ')}, like \`:::column{width=40%}\`.`
        : ' It takes no settings: give each `:::column` its own width, like `:::column{width=40%}`.';
    report(
      file,
      'error',
      `\`:::${directive.name}\` does not know the setting "${name}".${didYouMean(name, known)}${accepted}`,
      placeOf(directive),
      'columns-shape',
    );
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Markdown needs the outer fence to have more colons than the inner ones (`::::columns` around `:::column`). A teacher
 * who writes `:::columns` with three colons means the same thing, so its opening line and the `:::` that closes it get a
 * fourth colon before the lesson is parsed (no other line moves).
 */
export function fixColumnFences(source: string): string {
  if (!/^[ \t]*:::columns\b/m.test(source)) return source;
  const lines = source.split('\n');
  let fence: string | undefined;
  for (let start = 0; start < lines.length; start++) {
    // Not inside a code block, where `:::columns` is an example to show, not a block.
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(lines[start]);
    if (fenceMatch && (!fence || (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length))) fence = fence ? undefined : fenceMatch[1];
    if (fence || !/^[ \t]*:::columns\b/.test(lines[start])) continue;
    let depth = 1;
    for (let index = start + 1; index < lines.length && depth > 0; index++) {
      if (/^[ \t]*-{3,}\s*$/.test(lines[index]) && (lines[index - 1] ?? '').trim() === '') break;
      if (/^[ \t]*:{3,}[ \t]*[A-Za-z]/.test(lines[index])) depth++;
      else if (/^[ \t]*:{3,}[ \t]*\r?$/.test(lines[index]) && --depth === 0) {
        lines[start] = lines[start].replace(':::', '::::');
        lines[index] = lines[index].replace(':::', '::::');
      }
    }
  }
  return lines.join('\n');
}

export function reportStrayColumn(directive: ContainerDirective, file: VFile): void {
  report(file, 'error', `\`:::column\` must be inside a \`::::columns\` block: write ${COLUMNS_EXAMPLE}.`, placeOf(directive), 'columns-shape');
}
