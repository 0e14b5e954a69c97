#!/usr/bin/env node
// The `lectern` command: the only place that prints or exits.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { buildLessons } from '../build/build-lessons.ts';
import { EnvironmentError } from '../build/environment-error.ts';
import { checkLessons } from '../check/check-lessons.ts';
import { CONFIG_FILES } from '../config/load-config.ts';
import { resolveBuildOptions, type CommandFlags } from '../config/resolve-build-options.ts';
import { startDevServer } from '../dev/dev-server.ts';
import { importArticle } from '../import/import-article.ts';
import { formatMessages } from '../lesson/problems.ts';
import { requestedPoolSize } from '../print/print-pool.ts';
import { lecternVersion, templateRoots } from '../project-files.ts';
import { newLessonText, slugify } from '../new/new-lesson.ts';
import { nextStep } from './next-step.ts';
import { progressReporter, type Verbosity } from './progress.ts';

const cwd = process.cwd();
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

const buildOptions = (inputs: string[], flags: CommandFlags) => resolveBuildOptions(cwd, inputs, flags);

const program = new Command()
  .name('lectern')
  .description('Build slide decks, handouts and worksheets from lessons written in Markdown.')
  .version(lecternVersion(), '-V, --version', "print Lectern's version")
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('build')
  .description('Build lessons into decks and PDFs. A folder means every .md lesson in it (default: lessons/).')
  .argument('[inputs...]', 'lesson files or folders')
  .option('-o, --out <dir>', 'output folder (default: output/, or `output` in lectern.config.yaml)')
  .option('-t, --templates <dir>', 'your templates folder: its files replace the bundled templates, file by file')
  .option('--single-file', 'also write <lesson>/<lesson>.html: the deck as one file, to email or upload')
  .addOption(new Option('-q, --quiet', 'print only errors and warnings').conflicts('verbose'))
  .option('-v, --verbose', 'print every step of every lesson')
  .action(async (inputs: string[], flags: CommandFlags & { singleFile?: boolean; quiet?: boolean; verbose?: boolean }) => {
    const started = performance.now();
    const verbosity: Verbosity = flags.quiet ? 'quiet' : flags.verbose ? 'verbose' : 'normal';
    const options = await buildOptions(inputs, flags);
    const results = await buildLessons({ ...options, singleFile: flags.singleFile === true, onProgress: progressReporter(process.stderr, verbosity) });
    let errors = 0;
    let warnings = 0;
    for (const result of results) {
      for (const line of formatMessages(result.file, { notes: verbosity !== 'quiet' })) err(line);
      errors += result.file.messages.filter((message) => message.fatal === true).length;
      warnings += result.file.messages.filter((message) => message.fatal === false).length;
      if (verbosity === 'quiet') continue;
      const where = path.relative(cwd, path.join(options.outDir, result.slug)) || '.';
      out(`${result.source}: ${result.written.length > 0 ? `built → ${where}/ (${result.written.length} files)` : 'not built'}`);
    }
    const built = results.filter((result) => result.written.length > 0).length;
    const files = results.reduce((sum, result) => sum + result.written.length, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (verbosity !== 'quiet' || errors > 0)
      out(`${built} of ${results.length} lessons built, ${files} files written, ${errors} errors, ${warnings} warnings in ${seconds} s.`);
    if (verbosity === 'verbose') out(`Peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`);
    if (errors > 0) process.exitCode = 1;
  });

program
  .command('check')
  .description('Check lessons without building them: every problem, plus words, reading time and reading level.')
  .argument('[inputs...]', 'lesson files or folders (default: lessons/)')
  .option('-t, --templates <dir>', 'your templates folder: its print templates are checked with each lesson')
  .action(async (inputs: string[], flags: { templates?: string }) => {
    const options = await buildOptions(inputs, flags.templates ? { templates: flags.templates } : {});
    const results = await checkLessons(options.inputs, cwd, options.lessonDefaults ?? {}, options.templates);
    let errors = 0;
    let warnings = 0;
    for (const result of results) {
      for (const message of [...result.file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
        const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note';
        const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
        out(`${result.source}${place}  ${severity}  ${message.reason}  (${message.ruleId ?? 'lectern'})`);
        if (message.fatal === true) errors++;
        if (message.fatal === false) warnings++;
      }
      if (result.stats) {
        const level = `reading level grade ${result.stats.grade}${result.grade ? ` (lesson: grade ${result.grade})` : ''}`;
        out(`${result.source}: ${result.stats.words} words, about ${result.stats.readingMinutes} min to read, ${level}`);
      }
    }
    out(`${results.length} lessons checked: ${errors} errors, ${warnings} warnings.`);
    if (errors > 0) process.exitCode = 1;
  });

program
  .command('new')
  .description('Start a new lesson in lessons/ from a lesson template.')
  .argument('<title>', 'the lesson title, in quotes')
  .option('--from <name>', 'the lesson template: basic or debate (or one of yours in templates/lessons/)', 'basic')
  .option('-t, --templates <dir>', 'your templates folder')
  .action(async (title: string, flags: { from: string; templates?: string }) => {
    const options = await buildOptions([], flags);
    const slug = slugify(title);
    if (slug === '') throw new EnvironmentError(`"${title}" has no letters or digits to make a file name from. Give a title such as "The Cold War".`);
    const target = path.join(cwd, 'lessons', `${slug}.md`);
    const roots = templateRoots(options.templates);
    const text = await newLessonText(title, flags.from, roots, new Date().toISOString().slice(0, 10));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST')
        throw new EnvironmentError(`${path.relative(cwd, target)} already exists; Lectern will not overwrite it. Choose another title or rename the old file.`);
      throw error;
    });
    out(`Created ${path.relative(cwd, target)} from the "${flags.from}" lesson template. Edit it, then run: ${nextStep('build', cwd, process.argv[1] ?? '')}`);
  });

program
  .command('import')
  .description('Turn a plain-text article into a lesson draft in lessons/.')
  .argument('<article>', 'a .txt file')
  .option('--title <title>', "the lesson title (default: the article's first line, if it is a heading)")
  .action(async (article: string, flags: { title?: string }) => {
    const text = await readFile(path.resolve(cwd, article), 'utf8').catch(() => {
      throw new EnvironmentError(`Cannot read "${article}". Give the path of a plain-text (.txt) article.`);
    });
    const name = path.basename(article).replace(/\.[^.]+$/, '');
    const fallbackTitle = name.replace(/[-_]+/g, ' ').replace(/^\w/, (letter) => letter.toUpperCase());
    const draft = importArticle(text, { ...(flags.title ? { title: flags.title } : {}), fallbackTitle, source: path.basename(article) });
    const target = path.join(cwd, 'lessons', `${slugify(draft.title) || slugify(name) || 'imported-article'}.md`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, draft.markdown, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST')
        throw new EnvironmentError(`${path.relative(cwd, target)} already exists; Lectern will not overwrite it. Use --title to choose another name.`);
      throw error;
    });
    out(`Found in ${article}:`);
    draft.found.forEach((line) => out(`  ${line}`));
    if (draft.unplaced.length > 0) {
      out('Finish by hand:');
      draft.unplaced.forEach((line) => out(`  ${line}`));
    }
    out(`Wrote ${path.relative(cwd, target)}. Preview it with: ${nextStep('dev', cwd, process.argv[1] ?? '')}`);
  });

program
  .command('dev')
  .description('Build, then serve the lessons on this computer and rebuild as you edit.')
  .argument('[inputs...]', 'lesson files or folders (default: lessons/)')
  .option('-p, --port <number>', 'port to serve on', '4321')
  .option('-o, --out <dir>', 'output folder')
  .option('-t, --templates <dir>', 'your templates folder')
  .action(async (inputs: string[], flags: CommandFlags & { port: string }) => {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EnvironmentError(`--port must be a number from 0 to 65535, not "${flags.port}".`);
    const server = await startDevServer({
      port,
      configFiles: CONFIG_FILES.map((name) => path.join(cwd, name)),
      loadBuildOptions: () => buildOptions(inputs, flags),
      log: err,
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new EnvironmentError(`Port ${port} is in use. Close the other program or choose another port with --port.`);
      throw error;
    });
    out(`Lectern is serving your lessons at ${server.url} (press Ctrl+C to stop).`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

try {
  if (Number.isNaN(requestedPoolSize()))
    throw new EnvironmentError(`LECTERN_PRINT_WORKERS must be a whole number from 1 to 16, not "${process.env.LECTERN_PRINT_WORKERS}".`);
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof EnvironmentError) {
    err(`lectern: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
