// Start the print worker thread with TypeScript support, as bin/lectern.js does for the command.
import { register } from 'tsx/esm/api';

register();
await import('../src/print/print-worker.ts');
