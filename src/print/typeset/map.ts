// `::map{spec="…"}`: a lesson's map drawn with PDFKit, outlines as vector paths and every name as real text (so it can
// be read out, searched and extracted), then its legend and caption. `mode="numbered"` is the worksheet's blank map.
import { isRightToLeft } from './bidi-lines.ts';
import { pdfLabels } from '../pdf-labels.ts';
import { label } from '../../labels/lesson-labels.ts';
import type { MapBlock, MapDrawing, MapMode } from '../../lesson/geography/map-layout.ts';
import { MAP_WIDTH, PLACE_SIZE, mapDescription, mapDrawing, regionInWords } from '../../lesson/geography/map-layout.ts';
import { BORDER, LAND, SHADE_LOOKS, legendLines } from '../../lesson/geography/map-svg.ts';
import { INK, artifact, ensureSpace, taggedContent, withStructure, type TypesetContext } from './context.ts';
import { widthOfText } from './font-runs.ts';
import { drawRuns, measureRuns } from './rich-text.ts';
import { mapOf, type Directive } from '../drawing-directives.ts';

/** The smallest name in a slide box (a thumbnail); elsewhere names are printed at the body text's size. */
const SMALLEST_NAME = 5;

/** The map laid out for the size it is printed at: names too small to read at that size are enlarged, and kept apart. */
function printedDrawing(map: MapBlock, mode: MapMode, context: TypesetContext): { drawing: MapDrawing; width: number; height: number } {
  const { width, height } = mapSize(mapDrawing(map, mode), context, mode);
  const unit = width / MAP_WIDTH;
  const wanted = context.bottom === undefined ? context.size : Math.max(SMALLEST_NAME, Math.min(PLACE_SIZE * unit, context.size * 0.8));
  const textScale = Math.round((wanted / (PLACE_SIZE * unit)) * 10) / 10;
  // On a page, no name is set smaller than the body text to fit; in a slide box, not below the thumbnail's floor.
  const smallest = (context.bottom === undefined ? wanted : SMALLEST_NAME) / unit;
  return { drawing: mapDrawing(map, mode, textScale, smallest), width, height };
}

/**
 * The printed map's size: the column's width, unless that makes it taller than a box (a slide box) or nearly half a
 * page; a worksheet's numbered map leaves room for ten rows of names below it on the same page.
 */
function mapSize(drawing: MapDrawing, context: TypesetContext, mode: MapMode): { width: number; height: number } {
  const page = context.doc.page;
  const share = mode === 'numbered' ? 0.3 : 0.45;
  // In a box (a slide of the slides handout) the map shrinks with the text, like a thumbnail.
  const tallest = context.bottom !== undefined ? 9 * context.size : (page.height - page.margins.top - page.margins.bottom) * share;
  const width = Math.min(context.width, (tallest * drawing.width) / drawing.height);
  return { width, height: (width * drawing.height) / drawing.width };
}

const captionSize = (context: TypesetContext) => context.size - 0.5;

function legendOf(map: MapBlock, mode: MapMode, doc: TypesetContext['doc']) {
  return mode === 'numbered' ? [] : legendLines(map, pdfLabels(doc));
}

/** Over the map, under it and under its legend and caption. */
const MAP_SPACE = { before: 2, after: 6, end: 8 };
const SWATCH_COLUMN = 24;

/** A map as it prints: the drawing and its size, then the legend's lines and the caption, with the height of each. */
function mapLayout(node: Directive, context: TypesetContext) {
  const found = mapOf(node);
  if (!found) return undefined;
  const printed = printedDrawing(found.map, found.mode, context);
  const size = captionSize(context);
  const legend = legendOf(found.map, found.mode, context.doc).map((line) => ({
    ...line,
    height:
      Math.max(measureRuns(context, [{ text: line.text, bold: false, muted: false }], context.width - SWATCH_COLUMN, size), Math.min(11, context.size + 2)) + 2,
  }));
  const caption = found.mode === 'numbered' ? 0 : measureRuns(context, [{ text: found.map.caption, bold: false, muted: true }], context.width, size);
  const total = MAP_SPACE.before + printed.height + MAP_SPACE.after + legend.reduce((sum, line) => sum + line.height, 0) + caption + MAP_SPACE.end;
  return { ...found, ...printed, legend, captionSize: size, total };
}

/** How tall a map directive is once typeset. */
export function mapHeight(node: Directive, context: TypesetContext): number {
  return mapLayout(node, context)?.total ?? 0;
}

/** Fill or hatch one shaded country, in the drawing's units (the caller has scaled the page to them). */
function shadeCountry(doc: TypesetContext['doc'], path: string, shade: number, drawing: MapDrawing, unit: number): void {
  const look = SHADE_LOOKS[shade];
  doc.path(path).fill(look.fill);
  if (look.hatch > 0) {
    doc.save();
    doc.path(path).clip();
    for (let offset = -drawing.height; offset < drawing.width; offset += 14) {
      doc.moveTo(offset, drawing.height).lineTo(offset + drawing.height, 0);
      if (look.hatch === 2) doc.moveTo(offset, 0).lineTo(offset + drawing.height, drawing.height);
    }
    doc
      .lineWidth(0.7 / unit)
      .strokeColor(INK)
      .stroke();
    doc.restore();
  }
}

/** A legend's sample of a shading, 16 by 11 points at full size. */
function drawSwatch(doc: TypesetContext['doc'], x: number, y: number, shade: number, scale: number): void {
  const look = SHADE_LOOKS[shade];
  doc.save();
  doc.translate(x, y).scale(scale);
  doc.rect(0, 0, 16, 11).fill(look.fill);
  if (look.hatch > 0) {
    doc.save();
    doc.rect(0, 0, 16, 11).clip();
    for (let offset = -11; offset < 16; offset += 4) {
      doc.moveTo(offset, 11).lineTo(offset + 11, 0);
      if (look.hatch === 2) doc.moveTo(offset, 0).lineTo(offset + 11, 11);
    }
    doc.lineWidth(0.5).strokeColor(INK).stroke();
    doc.restore();
  }
  doc.rect(0, 0, 16, 11).lineWidth(0.8).strokeColor(INK).stroke();
  doc.restore();
}

export function typesetMap(node: Directive, context: TypesetContext): void {
  const layout = mapLayout(node, context);
  if (!layout) return;
  const { map, mode, drawing, width, height } = layout;
  const { doc } = context;
  ensureSpace(context, layout.total);
  const left = context.x + (context.width - width) / 2;
  const top = doc.y + MAP_SPACE.before;
  const unit = width / drawing.width;

  const labels = pdfLabels(context.doc);
  const description = mode === 'numbered' ? label(labels, 'map.outline', { region: regionInWords(map.region, labels) }) : mapDescription(map, labels);
  withStructure(
    context,
    'Figure',
    (figure) => {
      artifact(doc, () => {
        doc.save();
        doc.rect(left, top, width, height).clip();
        doc.rect(left, top, width, height).fill('white');
        doc.translate(left, top).scale(unit);
        for (const country of drawing.countries)
          if (country.shade === undefined)
            doc
              .path(country.path)
              .lineWidth(0.4 / unit)
              .fillAndStroke(LAND, BORDER);
        // Shaded countries come last, so their borders are drawn whole.
        for (const country of drawing.countries)
          if (country.shade !== undefined) {
            shadeCountry(doc, country.path, country.shade, drawing, unit);
            doc
              .path(country.path)
              .lineWidth(0.8 / unit)
              .strokeColor(INK)
              .stroke();
          }
        for (const arrow of drawing.arrows) {
          doc
            .path(arrow.line)
            .lineWidth(5 / unit)
            .strokeColor('white')
            .stroke();
          doc
            .path(arrow.line)
            .lineWidth(2 / unit)
            .strokeColor(INK)
            .stroke();
          doc.path(arrow.head).fill(INK);
        }
        for (const leader of drawing.leaders)
          doc
            .path(leader)
            .lineWidth(0.6 / unit)
            .strokeColor(INK)
            .stroke();
        for (const dot of drawing.dots) {
          const radius = Math.max(1.5, Math.min(3.2, dot.r * unit));
          doc.circle(dot.x, dot.y, (radius + 0.8) / unit).fill('white');
          doc.circle(dot.x, dot.y, radius / unit).fill(INK);
        }
        doc.restore();
      });
      for (const label of drawing.labels) {
        const size = label.size * unit;
        const style = { bold: label.bold };
        doc.fontSize(size);
        const textWidth = widthOfText(doc, label.text, style);
        const x = Math.min(Math.max(left + label.x * unit - (label.anchor === 'middle' ? textWidth / 2 : 0), left + 1), left + width - textWidth - 1);
        const y = top + label.y * unit - size * 0.62;
        artifact(doc, () => {
          doc.roundedRect(x - 1.5, y - 0.5, textWidth + 3, size * 1.3, 1.5).fill('white');
        });
        const saved = doc.y;
        doc.y = y;
        taggedContent(figure, 'Span', () =>
          drawRuns({ ...figure, bottom: undefined }, [{ text: label.text, bold: label.bold, muted: false }], { x, width: textWidth + 4, size }),
        );
        doc.y = saved;
      }
      artifact(doc, () => doc.rect(left, top, width, height).lineWidth(0.8).strokeColor(INK).stroke());
    },
    { alt: description },
  );
  doc.x = context.x;
  doc.y = top + height + MAP_SPACE.after;

  const size = layout.captionSize;
  for (const line of layout.legend) {
    const y = doc.y;
    const scale = Math.min(1, (context.size + 2) / 11);
    // A right-to-left legend (Arabic, Hebrew) has its swatches on the right, before its words.
    const rightToLeft = isRightToLeft(line.text);
    artifact(doc, () => drawSwatch(doc, rightToLeft ? context.x + context.width - 16 * scale : context.x, y, line.shade, scale));
    taggedContent(context, 'P', () =>
      drawRuns(context, [{ text: line.text, bold: false, muted: false }], {
        x: rightToLeft ? context.x : context.x + SWATCH_COLUMN,
        width: context.width - SWATCH_COLUMN,
        size,
      }),
    );
    doc.y = y + line.height;
  }
  if (mode !== 'numbered') taggedContent(context, 'Caption', () => drawRuns(context, [{ text: map.caption, bold: false, muted: true }], { size }));
  doc.x = context.x;
  doc.y += MAP_SPACE.end;
}
