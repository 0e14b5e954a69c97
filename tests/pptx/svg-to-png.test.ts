// The PNG copies of the PowerPoint file's drawn pictures (for readers without SVG): drawn the same every time, their
// labels set in Lectern's fonts as one word each, whatever the script.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRasterizer, svgToPng } from '../../src/pptx/svg-to-png.ts';

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 120" width="400" height="120">${body}</svg>`;
const label = (text: string, place: string) =>
  `<g font-family="Arial, sans-serif"><text x="200" ${place} font-size="40" text-anchor="middle">${text}</text></g>`;

beforeAll(() => loadRasterizer());

describe('the PNG copy of a drawn picture', () => {
  it('should draw the same bytes every time', () => {
    const picture = svg(label('Beirut بيروت', 'y="60"'));
    expect(svgToPng(picture, 800, 'en')).toEqual(svgToPng(picture, 800, 'en'));
  });

  it('should draw labels in any script, not leave them out', () => {
    const empty = svgToPng(svg(''), 800, 'ar');
    for (const [text, lang] of [
      ['لبنان', 'ar'],
      ['大韓民国', 'ja'],
      ['Україна', 'uk'],
      ['ישראל', 'he'],
    ])
      expect(svgToPng(svg(label(text, 'y="60"')), 800, lang).byteLength, text).toBeGreaterThan(empty.byteLength + 500);
  });

  it('should shape a label centred on its point (dy) as one word, as a browser does', () => {
    // Shifted by dy, a label's first letter used to be shaped apart: an Arabic word lost the join after it.
    for (const word of ['لبنان', 'بيروت'])
      expect(svgToPng(svg(label(word, 'y="60" dy="0.35em"')), 800, 'ar'), word).toEqual(svgToPng(svg(label(word, 'y="74"')), 800, 'ar'));
  });
});
