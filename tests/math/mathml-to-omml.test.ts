// A formula's TeX, through MathJax's MathML, as the Office Math a PowerPoint equation holds: each TeX construct becomes
// the OMML structure PowerPoint's equation editor makes for it, and the result is well-formed XML.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { mathMLToOmmlParagraph } from '../../src/math/mathml-to-omml.ts';
import { texToMathML } from '../../src/math/tex-to-svg.ts';

const STYLE = { lang: 'en-GB', size: 28, color: '222222' };
/** The OMML of a displayed formula, without the runs' drawing properties, which every run repeats. */
const omml = (tex: string) => mathMLToOmmlParagraph(texToMathML(tex, true), STYLE).replace(/<a:rPr\b.*?<\/a:rPr>/g, '');
const run = (text: string) => `<m:r><m:t xml:space="preserve">${text}</m:t></m:r>`;
const upright = (text: string) => `<m:r><m:rPr><m:sty m:val="p"/></m:rPr><m:t xml:space="preserve">${text}</m:t></m:r>`;

describe('a formula as an Office Math equation', () => {
  it('should make a fraction a fraction, with its numerator and denominator', () => {
    expect(omml('v = \\frac{d}{t}')).toContain(`${run('v')}${run('=')}<m:f><m:num>${run('d')}</m:num><m:den>${run('t')}</m:den></m:f>`);
  });

  it('should make roots, powers and indices editable structures', () => {
    expect(omml('\\sqrt{x}')).toContain(`<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>${run('x')}</m:e></m:rad>`);
    expect(omml('\\sqrt[3]{x}')).toContain(`<m:rad><m:deg>${run('3')}</m:deg><m:e>${run('x')}</m:e></m:rad>`);
    expect(omml('v^2')).toContain(`<m:sSup><m:e>${run('v')}</m:e><m:sup>${run('2')}</m:sup></m:sSup>`);
    expect(omml('v_1')).toContain(`<m:sSub><m:e>${run('v')}</m:e><m:sub>${run('1')}</m:sub></m:sSub>`);
    expect(omml('x_i^2')).toContain(`<m:sSubSup><m:e>${run('x')}</m:e><m:sub>${run('i')}</m:sub><m:sup>${run('2')}</m:sup></m:sSubSup>`);
  });

  it('should make a sum or an integral with limits one operator that holds what follows it', () => {
    expect(omml('\\sum_{i=1}^{n} x_i')).toContain(
      `<m:nary><m:naryPr><m:chr m:val="∑"/><m:limLoc m:val="undOvr"/></m:naryPr><m:sub>${run('i')}${run('=')}${run('1')}</m:sub><m:sup>${run('n')}</m:sup><m:e><m:sSub>`,
    );
    expect(omml('\\int_0^1 f(x)\\,dx')).toContain(
      `<m:nary><m:naryPr><m:chr m:val="∫"/><m:limLoc m:val="subSup"/></m:naryPr><m:sub>${run('0')}</m:sub><m:sup>${run('1')}</m:sup><m:e>${run('f')}</m:e></m:nary>`,
    );
  });

  it('should keep brackets that grow, matrices, accents and words', () => {
    expect(omml('\\left( \\frac{a}{b} \\right)')).toContain('<m:d><m:dPr><m:begChr m:val="("/><m:endChr m:val=")"/></m:dPr><m:e><m:f>');
    expect(omml('\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}')).toContain(`<m:mr><m:e>${run('1')}</m:e><m:e>${run('2')}</m:e></m:mr>`);
    expect(omml('\\bar{v}')).toContain(`<m:acc><m:accPr><m:chr m:val="\u0305"/></m:accPr><m:e>${run('v')}</m:e></m:acc>`);
    expect(omml('\\vec{F}')).toContain('<m:chr m:val="\u20D7"/>');
    expect(omml('\\sin x')).toContain(`${upright('sin')}${run('x')}`);
    expect(omml('\\Delta s')).toContain(upright('Δ'));
    expect(omml('12\\,\\text{km}')).toContain('<m:r><m:rPr><m:nor/><m:sty m:val="p"/></m:rPr><m:t xml:space="preserve">km</m:t></m:r>');
    expect(omml('\\lim_{x \\to 0} x')).toContain(`<m:limLow><m:e>${upright('lim')}</m:e><m:lim>`);
    expect(omml('\\binom{n}{k}')).toContain('<m:f><m:fPr><m:type m:val="noBar"/></m:fPr>');
  });

  it('should set every run in the lesson’s language, size and colour, in the typeface PowerPoint sets equations in', () => {
    const full = mathMLToOmmlParagraph(texToMathML('x < 2', true), STYLE);
    expect(full).toContain('<a:rPr lang="en-GB" sz="2800" b="0" i="1"><a:solidFill><a:srgbClr val="222222"/></a:solidFill><a:latin typeface="Cambria Math"');
    // Characters XML reserves are escaped.
    expect(full).toContain('<m:t xml:space="preserve">&#60;</m:t>');
  });

  it('should give well-formed XML for every formula of the fixtures', () => {
    const formulas = [
      'v = \\frac{d}{t} = \\frac{12\\,\\text{km}}{0.25\\,\\text{h}} = 48\\,\\text{km/h}',
      '\\bar{v} = \\frac{\\Delta s}{\\Delta t}',
      'a = \\frac{v - u}{t}',
      'E = mc^2',
      'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}',
      '\\overbrace{a + b}^{n} \\underline{c}',
      'f(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}',
      '\\mathbb{R} \\ni \\mathcal{F} \\cdot \\mathbf{v}',
    ];
    for (const tex of formulas) {
      const errors: string[] = [];
      const xml = `<root xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${mathMLToOmmlParagraph(texToMathML(tex, true), STYLE)}</root>`;
      new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(xml, 'text/xml');
      expect(errors, tex).toEqual([]);
      expect(xml, tex).not.toMatch(/\\[a-z]/);
    }
  });
});
