#!/usr/bin/env node
// The `lectern` command: the only place that prints or exits. Each command loads its own code when it runs, so that a
// build with nothing to do starts quickly.
import { countOf } from '../shared/count-of.ts';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { buildLessons, type BuildEvent } from '../node/build-lessons.ts';
import { EnvironmentError } from '../shared/environment-error.ts';
import { CONFIG_FILES } from '../config/load-config.ts';
import { resolveBuildOptions, type CommandFlags } from '../config/resolve-build-options.ts';
import { formatMessages, tallyMessages, tallyText } from '../shared/reporter.ts';
import { report } from '../lesson/problems.ts';
import { OUTPUT_NAMES } from '../pipeline/outputs.ts';
import { requestedPoolSize } from '../node/print-pool.ts';
import { lecternVersion, templateRoots } from '../node/project-files.ts';
import { useNodeLecternFiles } from '../node/node-lectern-files.ts';
import { leanMainHeap } from './lean-heap.ts';
import { nextStep } from './next-step.ts';
import { stopWithParent } from './stop-with-parent.ts';
import { progressReporter, type Verbosity } from './progress.ts';

useNodeLecternFiles();

const cwd = process.cwd();
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

const buildOptions = (inputs: string[], flags: CommandFlags) => resolveBuildOptions(cwd, inputs, flags);
/** The rules of mistakes that are not a lesson's own (a print template's, a labels file's: at no place in the lesson), said once for every lesson they stop. */
const SHARED_MISTAKES = new Set(['print-template', 'labels-file']);

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
  .option('--no-pptx', 'do not write <lesson>/<lesson>.pptx, the editable PowerPoint file')
  .option('--only <outputs>', `make only these outputs, separated by commas (${OUTPUT_NAMES.join(', ')}); the others are left as they are`)
  .option('--shard <i/n>', 'build only the i-th of n parts of the lessons (for n machines building one library side by side)')
  .option('-f, --force', 'make every output again, even those that are up to date')
  .addOption(new Option('-q, --quiet', 'print only errors and warnings').conflicts('verbose'))
  .option('-v, --verbose', 'print every step of every lesson')
  .action(async (inputs: string[], flags: CommandFlags & { singleFile?: boolean; quiet?: boolean; verbose?: boolean }) => {
    const started = performance.now();
    const verbosity: Verbosity = flags.quiet ? 'quiet' : flags.verbose ? 'verbose' : 'normal';
    const options = await buildOptions(inputs, flags);
    const showProgress = progressReporter(process.stderr, verbosity);
    const onProgress = (event: BuildEvent) => {
      // Several lessons' PDFs to make: the build waits for the print workers, and the main thread can keep less memory.
      if (event.type === 'plan' && event.printing > 1) leanMainHeap();
      showProgress(event);
    };
    const results = await buildLessons({ ...options, singleFile: flags.singleFile === true, onProgress });
    // A mistake in a template or a labels file stops every lesson that uses it: it is said once, with those lessons.
    const shared = new Map<string, string[]>();
    const isShared = (message: (typeof results)[number]['file']['messages'][number]) => SHARED_MISTAKES.has(message.ruleId ?? '') && !message.line;
    for (const result of results) {
      for (const message of result.file.messages.filter(isShared)) shared.set(message.reason, [...(shared.get(message.reason) ?? []), result.source]);
      for (const line of formatMessages(result.file, { notes: verbosity !== 'quiet', leaveOut: isShared })) err(line);
      if (verbosity === 'quiet') continue;
      const where = `${path.relative(cwd, path.join(options.outDir, result.slug)) || '.'}/`;
      const failed = result.file.messages.some((message) => message.fatal === true);
      out(
        `${result.source}: ${failed ? 'not built' : result.upToDate ? `up to date (${where})` : `built → ${where} (${countOf(result.written.length, 'file')})`}`,
      );
    }
    for (const [reason, sources] of shared) err(`error: ${reason} It stopped ${countOf(sources.length, 'lesson')}: ${sources.join(', ')}.`);
    const tally = tallyMessages(
      results.map((result) => result.file),
      isShared,
    );
    tally.errors += shared.size;
    const failed = results.filter((result) => result.file.messages.some((message) => message.fatal === true)).length;
    const upToDate = results.filter((result) => result.upToDate).length;
    const built = results.length - failed - upToDate;
    const files = results.reduce((sum, result) => sum + result.written.length, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const shard = options.shard ? ` (shard ${options.shard.index} of ${options.shard.count})` : '';
    if (verbosity !== 'quiet' || tally.errors > 0)
      out(
        `${built} of ${countOf(results.length, 'lesson')}${shard} built, ${upToDate > 0 ? `${upToDate} up to date, ` : ''}${countOf(files, 'file')} written, ${tallyText(tally)} in ${seconds} s.`,
      );
    if (verbosity === 'verbose') out(`Peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`);
    if (tally.errors > 0) process.exitCode = 1;
  });

program
  .command('check')
  .description('Check lessons without building them: every problem, plus words, reading time and reading level.')
  .argument('[inputs...]', 'lesson files or folders (default: lessons/)')
  .option('-t, --templates <dir>', 'your templates folder: its print templates are checked with each lesson')
  .action(async (inputs: string[], flags: { templates?: string }) => {
    const options = await buildOptions(inputs, flags.templates ? { templates: flags.templates } : {});
    const { checkLessons } = await import('../check/check-lessons.ts');
    const results = await checkLessons(options.inputs, cwd, options.lessonDefaults ?? {}, options.templates);
    for (const result of results) {
      for (const line of formatMessages(result.file)) out(line);
      if (result.stats) {
        // The reading level is measured for English only (Flesch–Kincaid is an English formula).
        const level =
          result.stats.grade !== undefined ? `, reading level grade ${result.stats.grade}${result.grade ? ` (lesson: grade ${result.grade})` : ''}` : '';
        const language = result.language ? `language ${result.language}, ` : '';
        out(`${result.source}: ${language}${countOf(result.stats.words, 'word')}, about ${result.stats.readingMinutes} min to read${level}`);
      }
    }
    const tally = tallyMessages(results.map((result) => result.file));
    out(`${countOf(results.length, 'lesson')} checked: ${tallyText(tally)}.`);
    if (tally.errors > 0) process.exitCode = 1;
  });

program
  .command('new')
  .description('Start a new lesson in lessons/ from a lesson template.')
  .argument('<title>', 'the lesson title, in quotes')
  .option('--from <name>', 'the lesson template: basic or debate (or one of yours in templates/lessons/)', 'basic')
  .option('-t, --templates <dir>', 'your templates folder')
  .action(async (title: string, flags: { from: string; templates?: string }) => {
    const options = await buildOptions([], flags);
    const { newLessonText, slugify } = await import('../new/new-lesson.ts');
    const slug = slugify(title);
    if (slug === '') throw new EnvironmentError(`"${title}" has no letters or digits to make a file name from. Give a title such as "The Cold War".`);
    const target = path.join(cwd, 'lessons', `${slug}.md`);
    const { readTemplateFiles } = await import('../node/read-templates.ts');
    const script = process.argv[1] ?? '';
    const howToBuild = `Build with: ${nextStep('build', cwd, script)}. Check with: ${nextStep('check', cwd, script)}`;
    const text = newLessonText(title, flags.from, await readTemplateFiles(templateRoots(options.templates)), new Date().toISOString().slice(0, 10), howToBuild);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST')
        throw new EnvironmentError(`${path.relative(cwd, target)} already exists; Lectern will not overwrite it. Choose another title or rename the old file.`);
      throw error;
    });
    out(`Created ${path.relative(cwd, target)} from the "${flags.from}" lesson template. Edit it, then run: ${nextStep('build', cwd, process.argv[1] ?? '')}`);
  });

program
  .command('templates')
  .description('List the deck, print and lesson templates; `lectern templates copy print/handout` copies one into your templates folder to change it.')
  .argument('[action]', '`copy` to copy templates (with no action: list them)')
  .argument('[names...]', 'what to copy: print/handout, deck/partials/terms, labels/fr, a whole folder (print), or all')
  .option('-t, --templates <dir>', 'your templates folder (default: `templates` in lectern.config.yaml, or my-templates)')
  .action(async (action: string | undefined, names: string[], flags: { templates?: string }) => {
    const { copyTemplates, templateList } = await import('../node/copy-templates.ts');
    if (action === undefined || action === 'list') {
      for (const line of await templateList()) out(line);
      out(`Copy one to change it: ${nextStep('templates', cwd, process.argv[1] ?? '')} copy print/handout`);
      return;
    }
    if (action !== 'copy')
      throw new EnvironmentError(
        `"${action}" is not something \`lectern templates\` does. Run \`lectern templates\` to list them, or \`lectern templates copy print/handout\` to copy one.`,
      );
    if (names.length === 0)
      throw new EnvironmentError('Say which templates to copy, like `lectern templates copy print/handout`, or `lectern templates copy all`.');
    const { loadConfig } = await import('../config/load-config.ts');
    const config = await loadConfig(cwd);
    const folder = flags.templates ? path.resolve(cwd, flags.templates) : (config.templates ?? path.join(cwd, 'my-templates'));
    const { BUNDLED_TEMPLATES } = await import('../node/project-files.ts');
    if (path.resolve(folder) === path.resolve(BUNDLED_TEMPLATES))
      throw new EnvironmentError(
        `${path.relative(cwd, folder)} holds Lectern's own templates. Copy into a folder of your own: \`lectern templates copy ${names.join(' ')} --templates my-templates\`.`,
      );
    const copied = await copyTemplates(names, folder);
    const shown = path.relative(cwd, folder) || folder;
    if (copied.written.length > 0) out(`Copied ${countOf(copied.written.length, 'template')} into ${shown}/: ${copied.written.join(', ')}.`);
    if (copied.kept.length > 0) out(`Left as they are (you already have them): ${copied.kept.join(', ')}.`);
    // Lectern reads the folder once the config names it: a new config says so; an existing one is the teacher's to change.
    if (!flags.templates && !config.templates) {
      if (!config.file) {
        await writeFile(path.join(cwd, 'lectern.config.yaml'), `templates: ${path.relative(cwd, folder)}\n`, { flag: 'wx' });
        out(`Created lectern.config.yaml with \`templates: ${shown}\`, so Lectern uses your copies instead of its own.`);
      } else out(`Add \`templates: ${shown}\` to ${path.relative(cwd, config.file)} so that Lectern uses your copies instead of its own.`);
    } else if (flags.templates && path.resolve(cwd, flags.templates) !== config.templates)
      out(`Build with \`--templates ${flags.templates}\` (or set \`templates: ${flags.templates}\` in lectern.config.yaml) to use them.`);
    out(`Edit them there, then run: ${nextStep('build', cwd, process.argv[1] ?? '')}`);
  });

program
  .command('labels')
  .description("Print Lectern's own words (headings, instructions, labels) in a language, as a labels file to change or translate.")
  .argument('[lang]', 'a language tag, e.g. fr, ja or sw', 'en')
  .action(async (lang: string) => {
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang)) throw new EnvironmentError(`"${lang}" is not a language tag. Give one such as fr, pt-BR, zh-Hant or sw.`);
    const { labelsFile } = await import('../labels/labels-file.ts');
    out(labelsFile(lang).trimEnd());
  });

program
  .command('import')
  .description(
    'Turn an article (plain text or a saved web page), or a Marp, reveal.js, Pandoc, Quarto, GitPitch, remark.js or Slidev deck, into a lesson draft in lessons/.',
  )
  .argument('<file>', 'a .txt article, a saved web page (.html), or a .md deck')
  .option('--title <title>', "the lesson title (default: the deck's title, or the article's first line if it is a heading)")
  .action(async (file: string, flags: { title?: string }) => {
    const source = path.resolve(cwd, file);
    const [{ importDraft }, { writeLessonFiles }, { slugify }] = await Promise.all([
      import('../import/import-draft.ts'),
      import('../node/write-lesson-files.ts'),
      import('../new/new-lesson.ts'),
    ]);
    const text = await readFile(source, 'utf8').catch(() => {
      throw new EnvironmentError(`Cannot read "${file}". Give the path of a plain-text (.txt) article or a Markdown (.md) deck.`);
    });
    const name = path.basename(file).replace(/\.[^.]+$/, '');
    const draft = importDraft(file, text, {
      ...(flags.title ? { title: flags.title } : {}),
      fileExists: (relative) => existsSync(path.resolve(path.dirname(source), relative)),
    });
    const kind = draft.kind === 'deck' ? 'deck' : 'article';
    const target = path.join(cwd, 'lessons', `${slugify(draft.title) || slugify(name) || `imported-${kind}`}.md`);
    const copies = draft.kind === 'deck' ? draft.copies : [];
    const imageNotes = await writeLessonFiles(target, draft.markdown, copies, path.dirname(source), cwd);
    for (const text of imageNotes) report(draft.file, 'warning', text, undefined, 'import-images');
    if (draft.kind === 'deck') out(`${file}: ${draft.found}.`);
    else {
      out(`Found in ${file}:`);
      draft.found.forEach((line) => out(`  ${line}`));
    }
    for (const line of formatMessages(draft.file)) out(line);
    const made = draft.kind === 'deck' ? ` (${countOf(draft.slides, 'slide')}, ${countOf(copies.length, 'image')} copied)` : '';
    out(`Wrote ${path.relative(cwd, target)}${made}: ${tallyText(tallyMessages([draft.file]))}.`);
    if (draft.kind === 'deck' && draft.file.messages.some((message) => message.ruleId === 'import-dropped'))
      out('What was dropped is kept in a comment at the top of the lesson when it is a setting.');
    out(`Preview it with: ${nextStep('dev', cwd, process.argv[1] ?? '')}`);
  });

program
  .command('dev')
  .description('Build, then serve the lessons on this computer and rebuild as you edit.')
  .argument('[inputs...]', 'lesson files or folders (default: lessons/)')
  .option('-p, --port <number>', 'port to serve on', '4321')
  .option('-o, --out <dir>', 'output folder')
  .option('-t, --templates <dir>', 'your templates folder')
  .option('--no-pptx', 'do not write the PowerPoint files')
  .action(async (inputs: string[], flags: CommandFlags & { port: string }) => {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EnvironmentError(`--port must be a number from 0 to 65535, not "${flags.port}".`);
    const { startDevServer } = await import('../dev/dev-server.ts');
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
    stopWithParent(stop);
  });

program
  .command('studio')
  .description('Open Lectern Studio in your browser for the lessons in a folder: write, preview, print and download, saved to the files.')
  .argument('[folder]', 'the folder of lessons', 'lessons')
  .option('-p, --port <number>', 'port to serve on (default: a free one)', '0')
  .option('--no-open', 'do not open the browser; only print the address')
  .action(async (folder: string, flags: { port: string; open: boolean }) => {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EnvironmentError(`--port must be a number from 0 to 65535, not "${flags.port}".`);
    const { startStudioServer } = await import('../studio-server/serve-studio.ts');
    const server = await startStudioServer({
      port,
      folder: path.resolve(cwd, folder),
      shownFolder: path.relative(cwd, path.resolve(cwd, folder)) || '.',
      buildOptions: await buildOptions([folder], {}),
      defaultTemplates: path.join(cwd, 'templates'),
      log: err,
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new EnvironmentError(`Port ${port} is in use. Close the other program or choose another port with --port.`);
      throw error;
    });
    out(`Lectern Studio is open for ${folder} at ${server.url} (press Ctrl+C to stop).`);
    if (flags.open) {
      const { default: openBrowser } = await import('open');
      await openBrowser(server.url).catch(() => err(`Could not open a browser: open ${server.url} yourself.`));
    }
    const stop = () => void server.close().then(() => process.exit(0));
    stopWithParent(stop);
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
