// The parts of MathJax Lectern uses, loaded together and only for a lesson with math (tex-to-svg.ts, `loadMath`).
export { mathjax } from 'mathjax-full/js/mathjax.js';
export { TeX } from 'mathjax-full/js/input/tex.js';
export { SVG } from 'mathjax-full/js/output/svg.js';
export { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
export { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
export { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';
export { STATE } from 'mathjax-full/js/core/MathItem.js';
export { SerializedMmlVisitor } from 'mathjax-full/js/core/MmlTree/SerializedMmlVisitor.js';
