// The print directives a template may write, by name. Kept apart from their typesetting (directives.ts), so that
// checking a template does not load PDFKit; `directiveHandlers` must have exactly these keys (the type check says so).
export const DIRECTIVE_NAMES = ['name-class-date', 'lines', 'page-break', 'box', 'table', 'cards', 'columns', 'slide', 'map', 'timeline'] as const;

export type DirectiveName = (typeof DIRECTIVE_NAMES)[number];
