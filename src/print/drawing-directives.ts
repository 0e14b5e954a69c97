// The print directives that carry a drawing's data, a map (`::map{spec="…"}`) or a timeline (`::timeline{spec="…"}`):
// written by the print view for templates, read back by the typesetter on a print worker, which needs nothing else.
// Kept apart from the typesetter so that planning printables does not load PDFKit.
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { MapBlock, MapMode } from '../lesson/geography/map-layout.ts';
import type { TimelineEvent } from '../lesson/model.ts';

/** The print Markdown of a map: the map travels in the directive, so a print worker needs nothing else. */
export function mapDirective(map: MapBlock, mode: MapMode = 'labelled'): string {
  return `::map{spec="${encodeURIComponent(JSON.stringify(map))}"${mode === 'labelled' ? '' : ` mode="${mode}"`}}`;
}

export type Directive = ContainerDirective | LeafDirective;

/** The map a `::map` directive carries, and how to draw it. */
export function mapOf(node: Directive): { map: MapBlock; mode: MapMode } | undefined {
  const spec = node.attributes?.spec;
  if (!spec) return undefined;
  const mode = node.attributes?.mode;
  return { map: JSON.parse(decodeURIComponent(spec)) as MapBlock, mode: mode === 'numbered' || mode === 'key' ? mode : 'labelled' };
}

/** The print Markdown of a timeline drawing: the events travel in the directive. */
export function timelineDirective(events: TimelineEvent[]): string {
  return `::timeline{spec="${encodeURIComponent(JSON.stringify(events.map(({ date, event }) => ({ date, event }))))}"}`;
}

/** The events a `::timeline` directive carries. */
export function eventsOf(node: Directive): TimelineEvent[] {
  const spec = node.attributes?.spec;
  if (!spec) return [];
  return (JSON.parse(decodeURIComponent(spec)) as { date: string; event: string }[]).map((event) => ({ ...event, line: 0, column: 0 }));
}
