// One cascade for a build's settings: built-in defaults ← lectern.config ← command-line flags.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError } from '../shared/environment-error.ts';
import type { BuildOptions } from '../node/build-context.ts';
import { loadConfig } from './load-config.ts';
import { parseOnlyFlag } from './output-names.ts';
import { parseShardFlag } from './parse-shard-flag.ts';

export interface CommandFlags {
  out?: string;
  templates?: string;
  /** `--no-pptx` makes it false; otherwise the config decides (default: on). */
  pptx?: boolean;
  /** `--only deck,handout`: replaces `outputs:` of the config. */
  only?: string;
  /** `--shard 2/4`. */
  shard?: string;
  /** `--force`: make every output again. */
  force?: boolean;
}

export async function resolveBuildOptions(cwd: string, inputs: string[], flags: CommandFlags = {}): Promise<BuildOptions> {
  const config = await loadConfig(cwd);
  const templates = flags.templates ? path.resolve(cwd, flags.templates) : config.templates;
  if (templates && !(await stat(templates).catch(() => undefined))?.isDirectory()) {
    const named = path.relative(cwd, templates) || templates;
    throw new EnvironmentError(
      flags.templates
        ? `--templates ${flags.templates}: there is no folder "${named}". Give the folder that holds your deck/ and print/ templates.`
        : `${path.relative(cwd, config.file!) || config.file}: \`templates\` names the folder "${named}", which does not exist. Create it, or fix the folder's name.`,
    );
  }
  const only = flags.only !== undefined ? parseOnlyFlag(flags.only) : config.outputs;
  return {
    inputs: inputs.length > 0 ? inputs : ['lessons'],
    outDir: flags.out ? path.resolve(cwd, flags.out) : (config.output ?? path.join(cwd, 'output')),
    cwd,
    lessonDefaults: config.lessonDefaults,
    pptx: flags.pptx === false ? false : (config.pptx ?? true),
    ...(templates ? { templates } : {}),
    ...(only ? { only } : {}),
    ...(flags.shard !== undefined ? { shard: parseShardFlag(flags.shard) } : {}),
    ...(flags.force ? { force: true } : {}),
  };
}
