// Run Lectern's TypeScript sources as the bundle runs: through tsx, with `pdfkit` resolved to its standalone build
// (see pdfkit-standalone.mjs). `node --import ./scripts/source-hooks.mjs src/cli/main.ts` (`npm run lectern`).
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register('./resolve-pdfkit-hook.mjs', import.meta.url);
