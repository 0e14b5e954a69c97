// A formula on its own line becomes a PowerPoint equation the teacher can edit, written as PowerPoint writes one: a
// choice between the equation (Office Math in a text box, for PowerPoint and LibreOffice with its Math module) and a
// picture of it with its spoken form as description (for a reader without equations). pptxgenjs cannot write either
// choice: it draws the picture with a stand-in description, and the file's rewrite (reproducible-zip.ts) puts the
// equation beside it.
// A formula in a sentence becomes an equation inside the text, in a choice between the text box with its equations
// and the same text box with each formula in plain characters: the choice requires Office Math (`m`) as well as
// Office 2010's drawing (`a14`), as it holds both, and a reader that does not take it shows the plain characters
// (LibreOffice takes a choice that requires `a14` alone, then drops an equation inside a line, words and all).
import { OMML_NAMESPACE, mathMLToOmmlParagraph, type OmmlRunStyle } from '../math/mathml-to-omml.ts';

/** What the rewrite needs to turn picture `index` into an equation. */
export interface SlideEquation {
  /** The `m:oMathPara`. */
  omml: string;
  /** What the picture says to a screen reader ("v equals d over t"). */
  spoken: string;
  lang: string;
  /** The equation's text box, in EMU: the picture's. */
  box: { x: number; y: number; width: number; height: number };
}

const STAND_IN = 'lectern:equation:';
export const equationStandIn = (index: number) => `${STAND_IN}${index}`;

/** The equation for a formula: its MathML as Office Math, set in the lesson's language, size and colour. */
export function slideEquation(mathML: string, style: OmmlRunStyle, spoken: string, box: SlideEquation['box']): SlideEquation {
  return { omml: mathMLToOmmlParagraph(mathML, style), spoken, lang: style.lang, box };
}

const escapeAttribute = (text: string) => text.replace(/[&<>"\n]/g, (character) => `&#${character.charCodeAt(0)};`);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const A14 = 'http://schemas.microsoft.com/office/drawing/2010/main';

/** A formula in a sentence: its text run starts with this mark (private-use characters, never in a lesson's text). */
const INLINE_START = '\uE000';
const INLINE_END = '\uE001';
export const inlineFormulaMark = (index: number) => `${INLINE_START}${index}${INLINE_END}`;

/**
 * A slide's XML with each text box (or table) that holds a marked formula made a choice: with each formula's run an
 * equation, or with the marks taken out, the formula in plain characters.
 */
export function placeInlineEquations(xml: string, equations: readonly string[]): string {
  if (!xml.includes(INLINE_START)) return xml;
  return xml.replace(/<p:(sp|graphicFrame)>(?:(?!<\/p:\1>)[\s\S])*<\/p:\1>/g, (shape) => {
    if (!shape.includes(INLINE_START)) return shape;
    const plain = shape.replace(/\uE000\d+\uE001/g, '');
    const withEquations = shape.replace(/<a:r>(?:(?!<\/a:r>)[\s\S])*?<a:t>\uE000(\d+)\uE001[^<]*<\/a:t><\/a:r>/g, (run, index: string) => {
      const equation = equations[Number(index)];
      return equation ? `<a14:m>${equation}</a14:m>` : run.replace(/\uE000\d+\uE001/g, '');
    });
    return (
      `<mc:AlternateContent xmlns:mc="${MC}"><mc:Choice xmlns:a14="${A14}" xmlns:m="${OMML_NAMESPACE}" Requires="a14 m">${withEquations}</mc:Choice>` +
      `<mc:Fallback>${plain}</mc:Fallback></mc:AlternateContent>`
    );
  });
}

function equationShape(id: string, index: number, equation: SlideEquation): string {
  const { x, y, width, height } = equation.box;
  const lang = escapeAttribute(equation.lang);
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Equation ${index + 1}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${width}" cy="${height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>` +
    `<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"><a:noAutofit/></a:bodyPr><a:lstStyle/>` +
    `<a:p><a:pPr algn="ctr"/><a14:m>${equation.omml}</a14:m><a:endParaRPr lang="${lang}" dirty="0"/></a:p></p:txBody></p:sp>`
  );
}

/** A slide's XML with each stand-in picture made a choice between its equation and itself, described by its spoken form. */
export function placeEquations(xml: string, equations: readonly SlideEquation[]): string {
  if (!xml.includes(STAND_IN)) return xml;
  return xml.replace(/<p:pic>(?:(?!<\/p:pic>)[\s\S])*<\/p:pic>/g, (picture) => {
    const found = new RegExp(`<p:cNvPr id="(\\d+)"[^>]*? descr="${STAND_IN}(\\d+)"`).exec(picture);
    if (!found) return picture;
    const [, id, number] = found;
    const index = Number(number);
    const equation = equations[index];
    if (!equation) return picture;
    const described = picture.replace(`descr="${STAND_IN}${number}"`, `descr="${escapeAttribute(equation.spoken)}"`);
    return (
      `<mc:AlternateContent xmlns:mc="${MC}"><mc:Choice xmlns:a14="${A14}" Requires="a14">${equationShape(id, index, equation)}</mc:Choice>` +
      `<mc:Fallback>${described}</mc:Fallback></mc:AlternateContent>`
    );
  });
}
