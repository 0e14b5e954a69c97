// A laid-out map as SVG, for the deck and the PowerPoint file: greys and hatching tell the shadings apart in black
// and white, and every name is text with a white halo.
import { label, type LessonLabels } from '../../labels/lesson-labels.ts';
import type { MapBlock, MapDrawing } from './map-layout.ts';
import { SHADE_STYLES } from './map-layout.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const LAND = '#f2f2f2';
export const BORDER = '#6b6b6b';
/** Each shading style: a grey, and hatching drawn over it (none, one way, both ways). */
export const SHADE_LOOKS: { fill: string; hatch: 0 | 1 | 2 }[] = [
  { fill: '#9a9a9a', hatch: 0 },
  { fill: '#ffffff', hatch: 1 },
  { fill: '#d4d4d4', hatch: 0 },
  { fill: '#ffffff', hatch: 2 },
];

function patterns(prefix: string): string {
  return SHADE_LOOKS.map((look, index) => {
    if (look.hatch === 0) return '';
    const lines =
      look.hatch === 2
        ? '<path d="M0,14L14,0M0,0L14,14" stroke="#000" stroke-width="2"/>'
        : '<path d="M0,14L14,0M-2,2L2,-2M12,16L16,12" stroke="#000" stroke-width="2.5"/>';
    return `<pattern id="${prefix}-shade-${index}" width="14" height="14" patternUnits="userSpaceOnUse"><rect width="14" height="14" fill="${look.fill}"/>${lines}</pattern>`;
  }).join('');
}

const shadeFill = (prefix: string, index: number) => (SHADE_LOOKS[index].hatch === 0 ? SHADE_LOOKS[index].fill : `url(#${prefix}-shade-${index})`);

/**
 * The map as an `<svg>` element; `prefix` keeps its pattern ids apart from other maps' on the same page. Browsers draw
 * each name's white halo under it (`paint-order`); `haloCopies` draws the halos as copies of the names underneath
 * instead, for programs that do not know `paint-order` (LibreOffice, older PowerPoint).
 */
export function mapSvg(drawing: MapDrawing, alt: string, prefix: string, { haloCopies = false } = {}): string {
  const { width, height } = drawing;
  const countries = drawing.countries
    .map((country) => {
      const shaded = country.shade !== undefined;
      return `<path d="${country.path}" fill="${shaded ? shadeFill(prefix, country.shade!) : LAND}" stroke="${shaded ? '#000' : BORDER}" stroke-width="${shaded ? 1.6 : 0.8}" stroke-linejoin="round"/>`;
    })
    .join('');
  const arrows = drawing.arrows
    .map(
      (arrow) =>
        `<path d="${arrow.line}" stroke="#fff" stroke-width="10" fill="none"/><path d="${arrow.line}" stroke="#000" stroke-width="4.5" fill="none"/><path d="${arrow.head}" fill="#000" stroke="#fff" stroke-width="2"/>`,
    )
    .join('');
  const dots = drawing.dots
    .map((dot) => `<circle cx="${dot.x.toFixed(1)}" cy="${dot.y.toFixed(1)}" r="${dot.r}" fill="#000" stroke="#fff" stroke-width="3"/>`)
    .join('');
  const labels = drawing.labels
    .map(
      (label) =>
        `<text x="${label.x.toFixed(1)}" y="${label.y.toFixed(1)}" dy="0.35em" font-size="${label.size}"${label.bold ? ' font-weight="bold"' : ''}${label.anchor === 'middle' ? ' text-anchor="middle"' : ''}>${escape(label.text)}</text>`,
    )
    .join('');
  return (
    `<svg class="lectern-map-drawing" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escape(alt)}" xmlns="http://www.w3.org/2000/svg">` +
    `<defs>${patterns(prefix)}</defs><rect width="${width}" height="${height}" fill="#fff"/>` +
    `<g>${countries}</g><g>${arrows}</g>` +
    `<g stroke="#000" stroke-width="2">${drawing.leaders.map((leader) => `<path d="${leader}"/>`).join('')}</g><g>${dots}</g>` +
    (haloCopies
      ? `<g fill="#fff" stroke="#fff" stroke-width="7" stroke-linejoin="round" font-family="Arial, sans-serif">${labels}</g><g fill="#000" font-family="Arial, sans-serif">${labels}</g>`
      : `<g fill="#000" stroke="#fff" stroke-width="7" stroke-linejoin="round" paint-order="stroke" font-family="inherit">${labels}</g>`) +
    `<rect x="1.5" y="1.5" width="${width - 3}" height="${height - 3}" fill="none" stroke="#000" stroke-width="3"/></svg>`
  );
}

/** A small sample of a shading style, for the legend. */
export function shadeSwatch(index: number, prefix: string): string {
  const style = index % SHADE_STYLES;
  return `<svg class="lectern-map-swatch" viewBox="0 0 42 28" width="42" height="28" aria-hidden="true" xmlns="http://www.w3.org/2000/svg"><defs>${patterns(`${prefix}-key`)}</defs><rect x="1" y="1" width="40" height="26" fill="${shadeFill(`${prefix}-key`, style)}" stroke="#000" stroke-width="1.6"/></svg>`;
}

/** The legend's lines: what each shading means, and which countries have it. */
export function legendLines(map: MapBlock, labels: LessonLabels): { shade: number; text: string }[] {
  return map.shades.map((shade, index) => {
    const names = shade.countries.map((country) => country.name).join(label(labels, 'text.listSeparator'));
    return { shade: index % SHADE_STYLES, text: shade.label ? label(labels, 'text.labelled', { label: shade.label, text: names }) : names };
  });
}
