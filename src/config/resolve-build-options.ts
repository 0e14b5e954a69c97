// One cascade for a build's settings: built-in defaults ← lectern.config ← command-line flags.
import path from 'node:path';
import type { BuildOptions } from '../build/build-lessons.ts';
import { loadConfig } from './load-config.ts';

export interface CommandFlags {
  out?: string;
  templates?: string;
}

export async function resolveBuildOptions(cwd: string, inputs: string[], flags: CommandFlags = {}): Promise<BuildOptions> {
  const config = await loadConfig(cwd);
  const templates = flags.templates ? path.resolve(cwd, flags.templates) : config.templates;
  return {
    inputs: inputs.length > 0 ? inputs : ['lessons'],
    outDir: flags.out ? path.resolve(cwd, flags.out) : (config.output ?? path.join(cwd, 'output')),
    cwd,
    lessonDefaults: config.lessonDefaults,
    ...(templates ? { templates } : {}),
  };
}
