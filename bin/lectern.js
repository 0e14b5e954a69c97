#!/usr/bin/env node
// Run the TypeScript CLI directly through tsx, so there is no separate compile step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
