// Build one lesson in a fresh process and print the process's peak memory (resident set, in bytes) as JSON.
import { register } from 'tsx/esm/api';

register();
const { buildLessons } = await import('../../src/build/build-lessons.ts');
const [lesson, outDir] = process.argv.slice(2);
const [result] = await buildLessons({ inputs: [lesson], outDir, cwd: process.cwd() });
const errors = result.file.messages.filter((message) => message.fatal).map(String);
process.stdout.write(JSON.stringify({ peakBytes: process.resourceUsage().maxRSS * 1024, written: result.written.length, errors }));
