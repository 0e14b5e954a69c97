#!/usr/bin/env node
// The `lectern` command: the only place that prints or exits.
import { Command, CommanderError } from 'commander';
import { buildLessons } from '../build/build-lessons.ts';
import { EnvironmentError } from '../build/environment-error.ts';
import { formatMessages } from './report.ts';

const program = new Command()
  .name('lectern')
  .description('Build slide decks, handouts and worksheets from lessons written in Markdown.')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('build')
  .description('Build lessons: a folder means every .md lesson in it (default: lessons/).')
  .argument('[inputs...]', 'lesson files or folders', ['lessons'])
  .option('-o, --out <dir>', 'output folder', 'output')
  .action(async (inputs: string[], options: { out: string }) => {
    const results = await buildLessons({ inputs, outDir: options.out });
    let errors = 0;
    let warnings = 0;
    for (const result of results) {
      for (const line of formatMessages(result.file)) process.stderr.write(`${line}\n`);
      errors += result.file.messages.filter((message) => message.fatal).length;
      warnings += result.file.messages.filter((message) => message.fatal === false).length;
      const status = result.written.length > 0 ? `built → ${options.out}/${result.slug}/ (${result.written.length} files)` : 'not built';
      process.stdout.write(`${result.source}: ${status}\n`);
    }
    const built = results.filter((result) => result.written.length > 0).length;
    const files = results.reduce((sum, result) => sum + result.written.length, 0);
    process.stdout.write(`${built} of ${results.length} lessons built, ${files} files written, ${errors} errors, ${warnings} warnings.\n`);
    if (errors > 0) process.exitCode = 1;
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof EnvironmentError) {
    process.stderr.write(`lectern: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
