// Where PDFKit's standalone build is: the one made for browsers, plain JavaScript that compresses with fflate. Every
// host prints with it (the command, its print workers, the tests and the studio), so a PDF made in a browser is the
// same, byte for byte, as one made by `lectern build`; PDFKit's Node build compresses with Node's zlib, whose bytes differ.
import { createRequire } from 'node:module';
import path from 'node:path';

export const PDFKIT_STANDALONE = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfkit')), 'pdfkit.browser.mjs');
