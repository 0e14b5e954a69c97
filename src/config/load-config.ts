// The project config (lectern.config.yaml or .json): defaults for every lesson, the templates and the output folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { z } from 'zod';
import { EnvironmentError } from '../shared/environment-error.ts';
import { EXPECTED_VALUES, pageSizeSchema } from '../lesson/front-matter.ts';
import { THEMES } from '../lesson/model.ts';
import type { LessonDefaults } from '../lesson/model.ts';
import { formatMessages } from '../shared/reporter.ts';
import { validateYaml } from '../lesson/validate-yaml.ts';
import { outputNameProblem } from './output-names.ts';
import { LABEL_NAMES } from '../labels/english.ts';
import { labelsSchema } from '../labels/labels-schema.ts';

export const CONFIG_FILES = ['lectern.config.yaml', 'lectern.config.yml', 'lectern.config.json'];

const configSchema = z.strictObject({
  theme: z.enum(THEMES).optional(),
  pageSize: pageSizeSchema.optional(),
  school: z.string().trim().min(1).optional(),
  fillable: z.boolean().optional(),
  templates: z.string().trim().min(1).optional(),
  output: z.string().trim().min(1).optional(),
  pptx: z.boolean().optional(),
  outputs: z
    .array(
      z.string().superRefine((name, context) => {
        const problem = outputNameProblem(name);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
    )
    .min(1)
    .optional(),
  labels: labelsSchema.optional(),
});

export interface ProjectConfig {
  /** The config file, when there is one. */
  file?: string;
  lessonDefaults: LessonDefaults;
  /** A folder of templates that override the bundled ones, file by file (absolute). */
  templates?: string;
  /** The output folder (absolute). */
  output?: string;
  /** Write each lesson's PowerPoint file (`pptx: false` turns it off). */
  pptx?: boolean;
  /** Make only these outputs (`deck`, `pptx`, printable names). */
  outputs?: string[];
}

/** Read the config in `folder`, if there is one; a mistake in it is an EnvironmentError naming its line. */
export async function loadConfig(folder: string): Promise<ProjectConfig> {
  for (const name of CONFIG_FILES) {
    const file = path.join(folder, name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const messages = new VFile({ path: name });
    const data = validateYaml(text.replace(/^\uFEFF/, ''), 1, messages, {
      schema: configSchema,
      expected: {
        ...EXPECTED_VALUES,
        templates: 'a folder, e.g. `templates: my-templates`',
        output: 'a folder, e.g. `output: site`',
        pptx: '`true` or `false`, e.g. `pptx: false`',
        outputs: 'a list of outputs, e.g. `outputs: [deck, handout]`',
      },
      keys: { top: Object.keys(configSchema.shape), nested: { labels: LABEL_NAMES } },
      what: 'config',
    });
    if (!data) throw new EnvironmentError(formatMessages(messages).join('\n'));
    const { templates, output, pptx, outputs, ...lessonDefaults } = data;
    return {
      file,
      lessonDefaults,
      ...(templates ? { templates: path.resolve(folder, templates) } : {}),
      ...(output ? { output: path.resolve(folder, output) } : {}),
      ...(pptx !== undefined ? { pptx } : {}),
      ...(outputs ? { outputs: [...new Set(outputs)] } : {}),
    };
  }
  return { lessonDefaults: {} };
}
