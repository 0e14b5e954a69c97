// A module resolution hook: `pdfkit` is PDFKit's standalone build (see pdfkit-standalone.mjs).
import { pathToFileURL } from 'node:url';
import { PDFKIT_STANDALONE } from './pdfkit-standalone.mjs';

const url = pathToFileURL(PDFKIT_STANDALONE).href;

export async function resolve(specifier, context, next) {
  return specifier === 'pdfkit' ? { url, format: 'module', shortCircuit: true } : next(specifier, context);
}
