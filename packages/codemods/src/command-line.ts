import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { nearestProject, ProjectConfigError, projectConfigFor, projectProgram, type ProjectSetting, readProjectConfig } from '@asyncwise/analysis';
import packageJson from '../package.json' with { type: 'json' };
import { makeDirectory, removeStaleTempFiles, writeFileAtomically } from './atomic-write';
import { DirtyWorkTreeError, OptionError, PathError, ReportTargetError } from './errors';
import { minFilesPerWorker } from './jobs';
import { type CodemodOption, flagUsage, optionHelp, parseOptionValues } from './option-spec';
import { parseLevel, parseSourceType, safetyLevels } from './options';
import { colorsFor, formatDiff, formatSummary } from './output';
import { progressModeFor, startProgress } from './progress';
import { displayPath } from './paths';
import { type Codemod, codemods as builtInCodemods, findCodemod, findProjectCodemod, loadCodemods, type ProjectCodemod, projectCodemods } from './registry';
import type { OutcomeCache, ProjectCache } from './cache';
import type { FileOutcome } from './migrate';
import type { ProjectSettings } from './project-settings';
import type { NewTypeError } from './project/migrate-project';
import { buildReport, mergeReports, type Report, ReportMergeError, summarizeFiles } from './report';
import { parseShard, type Shard, shardOf } from './shard';
import { defaultMaxFileSize } from './source-text';

export const version: string = packageJson.version;

/** Where the CLI reads and writes; the real process by default, a fake in tests. */
export interface CliEnvironment {
  readonly cwd: string;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /**
   * The codemods to offer; the registry's by default. Programs that embed the CLI (and tests) can
   * add their own rows: everything the CLI knows of a codemod, its options included, comes from here.
   */
  readonly codemods?: readonly Codemod[];
  /** Environment variables (`CI`); the process's by default. */
  readonly variables?: Readonly<Record<string, string | undefined>>;
}

/** Bad usage: exit code 2, one line and a hint. */
class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** 130 and 143 as a shell reports a process ended by SIGINT or SIGTERM: 128 + the signal's number. */
export const exitCodes = { ok: 0, fileErrors: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

/** The options of `migrate` that every codemod shares, as `node:util` parseArgs takes them. */
const migrateOptionSpec = {
  write: { type: 'boolean' },
  level: { type: 'string' },
  report: { type: 'string' },
  'source-type': { type: 'string' },
  project: { type: 'string' },
  'allow-dirty': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  jobs: { type: 'string', short: 'j' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  shard: { type: 'string' },
  'max-file-size': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  // Project transforms' (add-abort-signal's) own; refused by the per-file codemods.
  from: { type: 'string', multiple: true },
  'all-exports': { type: 'boolean' },
  typecheck: { type: 'boolean' },
} as const;

const globalOptionSpec = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionSpec = Record<string, { type: 'boolean' | 'string'; multiple?: boolean; short?: string }>;

/** Every codemod option of the registry, once per flag (rows that share a flag share its declaration). */
function codemodOptionsOf(registry: readonly { readonly options: readonly CodemodOption[] }[]): CodemodOption[] {
  const byFlag = new Map<string, CodemodOption>();
  for (const codemod of registry) for (const option of codemod.options) if (!byFlag.has(option.flag)) byFlag.set(option.flag, option);
  return [...byFlag.values()];
}

/** The parser's options: the global and shared ones, and every codemod's, built from their declarations. */
function optionSpecFor(registry: readonly Codemod[]): OptionSpec {
  const spec: OptionSpec = { ...globalOptionSpec, ...migrateOptionSpec };
  for (const option of codemodOptionsOf([...registry, ...projectCodemods])) {
    spec[option.flag] = option.type === 'boolean' ? { type: 'boolean' } : { type: 'string', multiple: option.type === 'patterns' };
  }
  return spec;
}

/** Two aligned columns, indented by two spaces. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function helpText(registry: readonly Codemod[]): string {
  return [
    `asyncwise ${version}: migrate async code to concurrent, bounded, cancellable async/await`,
    '',
    'Usage:',
    '  asyncwise migrate <codemod…> [paths…] [options]   rewrite files (a dry run with a diff by default)',
    '  asyncwise list                                    the codemods',
    '  asyncwise explain <codemod>                       what a codemod does, its levels and docs',
    '  asyncwise report merge <report.json…>             merge the reports of --shard runs into one',
    '                                                    (printed, or written with --report <file>)',
    '  asyncwise --help | --version',
    '',
    'Migrate options:',
    ...table([
      ['--write', 'write the changes (default: print a diff, write nothing)'],
      ['--level <level>', `the highest safety level to apply: ${safetyLevels.join(' (default) or ')};`],
      ['', 'review changes are listed but not applied at level safe'],
      ['--report <file>', 'write a JSON report of every file, change, refusal, skip and error; refused'],
      ['', 'before the run if it is a file to migrate, not a regular file, or an existing'],
      ['', 'file other than an earlier report'],
      ['--source-type <type>', 'read every file as module, commonjs or script (default: as ESLint does,'],
      ['', '.cjs as commonjs and every other file as a module)'],
      ['--project <tsconfig>', 'answer type questions with the TypeScript program of this tsconfig.json'],
      ['', '(auto: the nearest tsconfig.json above each file); files it does not hold are'],
      ['', 'read without types, and the summary lists them'],
      ['--allow-dirty', 'write even when files to rewrite have uncommitted git changes'],
      ['--quiet, -q', 'print counts, skips and errors only: no diffs or listings'],
      ['--progress', 'show progress on stderr even with --quiet, in CI or when stderr is no terminal'],
      ['', '(then a plain line every 2 s); shown by default on a terminal only'],
      ['--no-progress', 'never show progress'],
      ['--shard <i/n>', 'migrate only the i-th of n shares of the files (by a hash of each path, so adding'],
      ['', 'a file moves no other); merge the n reports with asyncwise report merge'],
      ['--max-file-size <size>', 'skip larger files (too-large), e.g. 500KB, 4MB (default 2MB)'],
      ['--cache', 'do not analyse again files unchanged since a run with the same codemods, options'],
      ['', 'and asyncwise that found nothing to write in them (their outcome is kept in the cache)'],
      ['--cache-location <path>', 'the cache file, or a folder for it (default: .asyncwise-cache)'],
      ['--from <file#name>', 'add-abort-signal: an entry function of the chain (repeatable)'],
      ['--all-exports', 'add-abort-signal: every exported async function is an entry'],
      ['--typecheck', 'project transforms: write nothing when the project would gain a TypeScript error'],
      ['--jobs <n>, -j', `files analysed at once, in worker threads (default: the cores, here ${defaultJobs()});`],
      ['', `--jobs 1 stays in one thread; a thread is started per ${minFilesPerWorker} files at most`],
    ]),
    '',
    ...[...registry, ...projectCodemods].flatMap((codemod) =>
      codemod.options.length === 0 ? [] : [`Options of ${codemod.name}:`, ...table(codemod.options.map((o) => [flagUsage(o), optionHelp(o)])), ''],
    ),
    'Paths default to "."; directories are searched for .ts .tsx .mts .cts .js .jsx .mjs .cjs files,',
    'skipping node_modules, dist and .gitignore\'d files, and never following a symlink inside them.',
    'A file named explicitly is always processed; a file reached by two paths (a symlink) is migrated',
    'once. Files that are not UTF-8 are skipped',
    '(not-utf8), as are binary files (binary: a NUL byte in the first 8,000 bytes, as git tells),',
    'files over --max-file-size (too-large) and named symlinks to files outside the paths given',
    '(outside-paths): left unchanged, and listed.',
    '',
    'Codemods (several run in this order, each on the output of the one before):',
    ...table(registry.map((c) => [c.name, c.description])),
    '',
    'Project codemods (run alone, over the whole program of --project; --shard and --cache take the whole',
    'plan, each shard writing its own files; --jobs does not apply):',
    ...table(projectCodemods.map((c) => [c.name, c.description])),
    '',
    'Exit codes: 0 done (also when nothing changed or files were skipped), 1 a file failed or asyncwise',
    'caught a bug of its own (would-lose-code), 2 bad usage (also a refused --report path) or a dirty git tree,',
    '130 or 143 stopped by SIGINT or SIGTERM (the file in hand is finished, nothing more is written).',
  ].join('\n');
}

/** Runs the CLI and returns its exit code. Never throws: every failure becomes a message. */
export async function main(argv: readonly string[], env: CliEnvironment): Promise<number> {
  const fail = (message: string, code: number, hint = 'Run asyncwise --help for usage.') => {
    env.stderr.write(`asyncwise: ${message}\n${hint ? `${hint}\n` : ''}`);
    return code;
  };
  const registry = env.codemods ?? builtInCodemods;
  try {
    const { values, positionals } = parseCommandLine(argv, optionSpecFor(registry));
    if (values.version) {
      print(env, version);
      return exitCodes.ok;
    }
    const [command, ...rest] = positionals;
    if (values.help || command === 'help') {
      print(env, helpText(registry));
      return exitCodes.ok;
    }
    if (command !== 'migrate') {
      // `report merge` writes a report too, and can be quiet about it.
      const alsoHere = command === 'report' ? ['report', 'quiet'] : [];
      const migrateOnlyFlags = [...Object.keys(migrateOptionSpec), ...codemodOptionsOf(registry).map((o) => o.flag)].filter((f) => !alsoHere.includes(f));
      const given = migrateOnlyFlags.filter((flag) => values[flag] !== undefined);
      if (given.length > 0) throw new UsageError(`--${given[0]} only applies to "asyncwise migrate".`);
    }
    switch (command) {
      case undefined:
        throw new UsageError('No command given.');
      case 'list':
        if (rest.length > 0) throw new UsageError(`"list" takes no arguments (got "${rest[0]}").`);
        print(env, listText(registry));
        return exitCodes.ok;
      case 'explain':
        if (rest.length !== 1) throw new UsageError('"explain" takes one codemod name, e.g. asyncwise explain sequential-to-concurrent.');
        print(env, explainText(findProjectCodemod(rest[0] as string) ?? codemodOrThrow(rest[0] as string, registry)));
        return exitCodes.ok;
      case 'migrate':
        return await runMigrate(rest, values, env, registry);
      case 'report':
        if (rest[0] !== 'merge') throw new UsageError(`"report" takes the subcommand merge, e.g. asyncwise report merge shard-1.json shard-2.json (got ${rest[0] === undefined ? 'nothing' : `"${rest[0]}"`}).`);
        return await runReportMerge(rest.slice(1), values, env, registry);
      default:
        throw new UsageError(`Unknown command "${command}". Commands: migrate, list, explain, report merge.`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof OptionError ||
      error instanceof PathError ||
      error instanceof ReportTargetError ||
      error instanceof ReportMergeError
    ) {
      return fail(error.message, exitCodes.usage);
    }
    if (error instanceof DirtyWorkTreeError) {
      const files = error.files.map((f) => `  ${displayPath(f, env.cwd)}`).join('\n');
      return fail(`refusing to write: ${error.message}\n${files}`, exitCodes.usage, 'Nothing was written.');
    }
    const message = error instanceof Error ? error.message : String(error);
    return fail(`unexpected error: ${message}`, exitCodes.fileErrors, 'This is a bug in asyncwise; please report it with the command you ran.');
  }
}

type ParsedValues = ReturnType<typeof parseCommandLine>['values'];

function parseCommandLine(argv: readonly string[], options: OptionSpec) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`Unknown option ${/'([^']+)'/.exec(message)?.[1] ?? message}.`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = /'(--?[\w-]+)/.exec(message)?.[1];
      throw new UsageError(option ? `Option ${option} needs a value.` : message);
    }
    throw new UsageError(message);
  }
}

function listText(registry: readonly Codemod[]): string {
  return table([...registry, ...projectCodemods].map((c) => [c.name, c.description]))
    .map((line) => line.slice(2))
    .join('\n');
}

function explainText(codemod: Codemod | ProjectCodemod): string {
  const levels = codemod.levels
    .map((l) => (l === 'safe' ? 'safe (applied by default)' : 'review (applied only with --level review)'))
    .join(', ');
  return [
    `${codemod.name}: ${codemod.description}`,
    '',
    wrap(codemod.details, 96),
    '',
    `Levels: ${levels}`,
    'Options:',
    ...('kind' in codemod
      ? table([
          ['--project <tsconfig>', 'the program to plan over (required)'],
          ['--from <file#name>', 'an entry function (repeatable), or'],
          ['--all-exports', 'every exported async function'],
          ['--typecheck', 'write nothing when the project would gain a TypeScript error'],
          ...codemod.options.map((o): [string, string] => [flagUsage(o), optionHelp(o)]),
        ])
      : codemod.options.length === 0
        ? ['  (none beyond --level, --source-type and --project)']
        : table(codemod.options.map((o) => [flagUsage(o), optionHelp(o)]))),
    `Docs: ${codemod.docsPath}`,
    'kind' in codemod
      ? `Try: asyncwise migrate ${codemod.name} --project tsconfig.json --from src/index.ts#main --level review`
      : `Try: asyncwise migrate ${codemod.name} src${codemod.levels.includes('safe') ? '' : ' --level review'}`,
  ].join('\n');
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines.join('\n');
}

function codemodOrThrow(name: string, registry: readonly Codemod[]): Codemod {
  const codemod = findCodemod(name, registry);
  if (codemod) return codemod;
  throw new UsageError(`Unknown codemod "${name}".${suggestion(name, registry)} Run asyncwise list to see them all.`);
}

/**
 * ` Did you mean "x"?` for a near miss of a codemod name; otherwise the nearest known names, so that
 * the message always says what would have worked.
 */
function suggestion(name: string, registry: readonly Codemod[]): string {
  const ranked = registry
    .map((codemod) => ({ name: codemod.name, distance: editDistance(name, codemod.name) }))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  const best = ranked[0];
  if (!best) return '';
  if (best.distance <= Math.max(2, Math.floor(best.name.length / 4))) return ` Did you mean "${best.name}"?`;
  return ` The nearest known: ${ranked.slice(0, 3).map((c) => c.name).join(', ')}.`;
}

/** The usage error of `asyncwise migrate` without a codemod: names every codemod there is. */
function noCodemodError(registry: readonly Codemod[], given: string | undefined): UsageError {
  const what = given === undefined ? 'No codemod given' : `No codemod given ("${given}" is a path)`;
  return new UsageError(
    [`${what}: asyncwise migrate <codemod…> [paths…]. The codemods:`, ...table(registry.map((c) => [c.name, c.description]))].join('\n'),
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

async function runMigrate(args: readonly string[], values: ParsedValues, env: CliEnvironment, registry: readonly Codemod[]): Promise<number> {
  const projectCodemod = args.map((arg) => findProjectCodemod(arg)).find((c) => c !== undefined);
  if (projectCodemod) return runProjectMigrate(projectCodemod, args, values, env);
  const perFileFlags = new Set(codemodOptionsOf(registry).map((o) => o.flag));
  const projectFlags = ['from', 'all-exports', 'typecheck', ...codemodOptionsOf(projectCodemods).map((o) => o.flag).filter((f) => !perFileFlags.has(f))];
  for (const flag of projectFlags) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} applies to the project codemods (${projectCodemods.filter((c) => ['from', 'all-exports', 'typecheck'].includes(flag) || c.options.some((o) => o.flag === flag)).map((c) => c.name).join(', ')}) only.`);
  }
  const level = parseOption('--level', () => parseLevel(values.level));
  const sourceType = parseOption('--source-type', () => parseSourceType(values['source-type']));
  const project = projectOf(values.project, env.cwd);
  const jobs = parseJobs(values.jobs);
  const maxFileSize = parseSize(values['max-file-size']);
  if (values['cache-location'] !== undefined && values.cache !== true) throw new UsageError('--cache-location applies with --cache only; add --cache.');
  const shard = parseOption('--shard', () => parseShard(values.shard));

  const selected: Codemod[] = [];
  const paths: string[] = [];
  for (const arg of args) {
    const codemod = findCodemod(arg, registry);
    if (!codemod) paths.push(arg);
    else if (!selected.includes(codemod)) selected.push(codemod);
  }
  if (selected.length === 0) {
    const first = paths[0];
    if (first === undefined || /[/\\.]/.test(first) || existsSync(path.resolve(env.cwd, first))) throw noCodemodError(registry, first);
    throw new UsageError(`Unknown codemod "${first}".${suggestion(first, registry)} Run asyncwise list to see them all.`);
  }
  // The registry's order, whatever the command line's: it is documented, and a later codemod may
  // rely on what an earlier one wrote.
  selected.sort((a, b) => registry.indexOf(a) - registry.indexOf(b));

  // Each codemod's own options, read by their declarations and validated before any work starts.
  const raw: Record<string, unknown> = {};
  for (const option of codemodOptionsOf(registry)) {
    const value = values[option.flag];
    if (value === undefined) continue;
    if (!selected.some((c) => c.options.some((o) => o.flag === option.flag))) {
      const owners = registry.filter((c) => c.options.some((o) => o.flag === option.flag)).map((c) => c.name);
      throw new UsageError(`--${option.flag} is an option of ${owners.join(', ')}, which this run does not include.`);
    }
    raw[option.key] = value;
  }
  for (const codemod of selected) parseOptionValues(codemod.options, raw);

  // Loaded only now: the parser behind them takes most of a second, which `list` and `--help` need not pay.
  const [{ discoverFiles }, { migrate }, { prepareReportTarget }, loaded] = await Promise.all([
    import('./discover'),
    import('./migrate'),
    import('./report-target'),
    loadCodemods(selected, raw),
  ]);
  let files: string[];
  try {
    files = await discoverFiles(paths.length > 0 ? paths : ['.'], env.cwd);
  } catch (error) {
    // A missing path that looks like a name is most likely a mistyped codemod.
    if (error instanceof PathError && error.problem === 'missing' && !/[/\\.]/.test(error.path)) {
      throw new UsageError(`Unknown codemod or path "${error.path}".${suggestion(error.path, registry)} Run asyncwise list to see the codemods.`);
    }
    throw error;
  }

  const allFiles = files.length;
  if (shard) files = files.filter((file) => shardOf(displayPath(file, env.cwd), shard.count) === shard.index);

  // Before the run, so that a report that could not be written costs no time and a typo no file.
  const reportArg = typeof values.report === 'string' ? values.report : undefined;
  const reportPath = reportArg === undefined ? null : await prepareReportTarget(reportArg, env.cwd, files);
  const cache = values.cache === true ? await loadCache(values['cache-location'], env.cwd, { level, sourceType, project, files, selected, raw }) : undefined;
  // Temp files of a killed earlier run, beside the files this run writes: sources, the report, the cache.
  const written = [...files, ...(reportPath === null ? [] : [reportPath]), ...(cache ? [cache.location] : [])];
  const stale = await removeStaleTempFiles(written.map((f) => path.dirname(f)));
  for (const file of stale) env.stderr.write(`asyncwise: removed ${displayPath(file, env.cwd)}, a temp file left by an interrupted asyncwise run\n`);

  const quiet = values.quiet === true;
  const write = values.write === true;
  const colors = colorsFor(env.stdout);
  if (values.progress === true && values['no-progress'] === true) throw new UsageError('--progress and --no-progress contradict each other; give one.');
  const progressMode = progressModeFor({
    asked: values.progress === true ? true : values['no-progress'] === true ? false : undefined,
    quiet,
    stderrIsTTY: env.stderr.isTTY === true,
    ci: (env.variables ?? process.env)['CI'],
  });
  // SIGINT/SIGTERM: finish the file in hand (a write is never cut short), write nothing more, and
  // report what was done. A second signal stops at once; writes are atomic, so even then no file is
  // half-written, and the next run removes a temp file left behind.
  const interruption = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruption.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    interruption.abort(signal);
    env.stderr.write(`\nasyncwise: ${signal}: stopping after the file in hand; nothing more is written (again to stop at once)\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = startProgress(progressMode, env.stderr, files.length);
  const outcomes = await migrate({
    codemods: loaded,
    files,
    roots: (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(env.cwd, p)),
    level,
    ...(sourceType === undefined ? {} : { sourceType }),
    ...(project === undefined ? {} : { project }),
    jobs,
    maxFileSize,
    ...(cache ? { cache } : {}),
    signal: interruption.signal,
    write,
    allowDirty: values['allow-dirty'] === true,
    onFile: (outcome) => {
      if (outcome.status === 'changed' && !quiet) {
        progress.clear();
        env.stdout.write(`${formatDiff(outcome, env.cwd, colors)}\n`);
      }
      progress.file(outcome);
    },
  }).finally(() => {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });

  const report = buildReport(outcomes, {
    cwd: env.cwd,
    asyncwiseVersion: version,
    codemods: selected.map((c) => c.name),
    level,
    write,
    ...(shard ? { shard } : {}),
  });
  if (cache) {
    try {
      await cache.save();
    } catch (error) {
      env.stderr.write(`asyncwise: cannot write the cache to ${displayPath(cache.location, env.cwd)} (${(error as Error).message}); the next run analyses every file\n`);
    }
    if (!quiet) print(env, `Cache: ${cache.hits} of ${outcomes.length} files unchanged since an earlier run, taken from ${displayPath(cache.location, env.cwd)}.`);
  }
  if (shard) print(env, `Shard ${shard.index}/${shard.count}: ${files.length} of ${allFiles} files; merge the shards' reports with asyncwise report merge.`);
  print(env, formatSummary(report.summary, outcomes, { cwd: env.cwd, level, write, quiet, codemods: selected }, colors));
  if (reportArg !== undefined && reportPath !== null) {
    try {
      // Made before the run; again in case it was removed since.
      await makeDirectory(path.dirname(reportPath));
      await writeFileAtomically(reportPath, Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8'));
    } catch (error) {
      env.stderr.write(`asyncwise: cannot write the report to ${reportArg} (${(error as Error).message})\n`);
      return exitCodes.fileErrors;
    }
    if (!quiet) print(env, `Report written to ${displayPath(reportPath, env.cwd)}`);
  }
  const stoppedBy = interruption.signal.aborted ? (interruption.signal.reason as NodeJS.Signals) : null;
  if (stoppedBy !== null) {
    const notWritten = outcomes.filter((o) => o.status === 'changed' && !o.written).length;
    const notAnalysed = outcomes.filter((o) => o.skip?.reason === 'interrupted').length;
    env.stderr.write(
      `asyncwise: interrupted by ${stoppedBy}: ${report.summary.filesWritten} files written, ${notWritten} changed files not written, ${notAnalysed} files not analysed (listed as interrupted).\n`,
    );
    return stoppedBy === 'SIGINT' ? exitCodes.interrupted : exitCodes.terminated;
  }
  return report.summary.filesErrored > 0 || report.summary.asyncwiseBugs > 0 ? exitCodes.fileErrors : exitCodes.ok;
}

/**
 * A project codemod over the program of `--project`: planned in one piece, applied per file, written
 * all or nothing. The same diff, summary, report, levels and clean-git gate as a per-file run.
 *
 * `--shard i/n`: every shard plans the whole program (the plan is deterministic) and judges the
 * whole plan (re-parse, `--typecheck` with every shard's edits), then writes and reports only its
 * own files, split by path hash as the per-file codemods split them. `--cache`: a run that planned
 * nothing to apply keeps a fingerprint of the project; while it holds, the program is not built.
 * `--jobs` is refused: planning is one TypeScript program in one thread (see the codemods' docs).
 */
async function runProjectMigrate(codemod: ProjectCodemod, args: readonly string[], values: ParsedValues, env: CliEnvironment): Promise<number> {
  const others = args.filter((arg) => arg !== codemod.name);
  if (others.some((arg) => findCodemod(arg) !== undefined || findProjectCodemod(arg) !== undefined)) {
    throw new UsageError(`${codemod.name} is a project codemod and runs alone; run the others separately.`);
  }
  if (values.project === undefined || values.project === nearestProject) throw new UsageError(`${codemod.name} plans over one TypeScript program: give --project <tsconfig.json>.`);
  if (values.jobs !== undefined) {
    throw new UsageError(`--jobs does not apply to ${codemod.name}: it plans over one TypeScript program in one thread. To split a large run, use --shard i/n on n machines (see ${codemod.docsPath}).`);
  }
  const level = parseOption('--level', () => parseLevel(values.level));
  const shard = parseOption('--shard', () => parseShard(values.shard));
  if (values['cache-location'] !== undefined && values.cache !== true) throw new UsageError('--cache-location applies with --cache only; add --cache.');
  const configPath = projectOf(values.project, env.cwd) as string;
  const write = values.write === true;
  const quiet = values.quiet === true;
  const colors = colorsFor(env.stdout);
  const reportArg = typeof values.report === 'string' ? values.report : undefined;
  // Another project codemod's own option is a mistake here, not something to ignore.
  for (const option of codemodOptionsOf(projectCodemods)) {
    if (values[option.flag] !== undefined && !codemod.options.includes(option)) {
      throw new UsageError(`--${option.flag} applies to ${projectCodemods.filter((c) => c.options.some((o) => o.flag === option.flag)).map((c) => c.name).join(', ')} only.`);
    }
  }
  const options = parseOptionValues(codemod.options, values);
  const settings = { from: Array.isArray(values.from) ? values.from.filter((f): f is string => typeof f === 'string') : [], allExports: values['all-exports'] === true, options, cwd: env.cwd };
  const owns = shard === undefined ? undefined : (file: string) => shardOf(displayPath(file, env.cwd), shard.count) === shard.index;
  const [{ plan }, { migrateProject }, { prepareReportTarget }] = await Promise.all([codemod.load(), import('./project/migrate-project'), import('./report-target')]);

  const { cache, roots } = values.cache === true ? await loadProjectCache(values['cache-location'], env.cwd, { codemod: codemod.name, configPath, level, shard, settings }) : { cache: undefined, roots: [] };
  const cached = await cache?.lookup(roots);
  let outcomes: FileOutcome[];
  let functions: readonly string[];
  let typeErrors: readonly NewTypeError[] = [];
  let heldBack: string | null = null;
  let reportPath: string | null = null;
  let planned: { mine: number; all: number } | null = null;
  if (cached) {
    outcomes = [...cached.outcomes];
    functions = cached.functions;
    reportPath = reportArg === undefined ? null : await prepareReportTarget(reportArg, env.cwd, [...roots, ...outcomes.map((o) => o.file)]);
  } else {
    const projectPlan = plan(configPath, settings);
    reportPath = reportArg === undefined ? null : await prepareReportTarget(reportArg, env.cwd, [...projectPlan.texts.keys()]);
    const result = await migrateProject(projectPlan, { codemod: codemod.name, configPath, level, write, allowDirty: values['allow-dirty'] === true, typecheck: values.typecheck === true, ...(owns ? { owns } : {}) });
    ({ outcomes, typeErrors, heldBack } = result);
    functions = projectPlan.functions;
    planned = { mine: outcomes.length, all: new Set([...projectPlan.changes.map((c) => c.file), ...projectPlan.refusals.map((r) => r.file)]).size };
    if (cache) {
      // Only a run with nothing to apply is kept: one that changes files must be run again to write them.
      const nothingToApply = heldBack === null && outcomes.every((o) => o.status === 'unchanged');
      const programFiles = projectProgram(configPath).getSourceFiles().map((f) => ({ file: path.resolve(f.fileName), text: f.text }));
      if (!nothingToApply || !(await cache.record(roots, programFiles, { outcomes, functions }, manifestsAbove(configPath)))) cache.forget();
    }
  }
  if (!quiet) for (const outcome of outcomes) if (outcome.status === 'changed') env.stdout.write(`${formatDiff(outcome, env.cwd, colors)}\n`);
  const report: Report = {
    ...buildReport(outcomes, { cwd: env.cwd, asyncwiseVersion: version, codemods: [codemod.name], level, write, ...(shard ? { shard } : {}) }),
    chain: functions,
    typeErrors: typeErrors.map((e) => ({ ...e, file: e.file === null ? null : displayPath(e.file, env.cwd) })),
    ...(cache ? { planFromCache: cached !== undefined } : {}),
  };
  if (!quiet) print(env, `${codemod.functionsLabel}: ${functions.length} function${functions.length === 1 ? '' : 's'}${functions.length > 0 ? ` (${functions.join(', ')})` : ''}.`);
  if (cache) {
    try {
      await cache.save();
    } catch (error) {
      env.stderr.write(`asyncwise: cannot write the cache to ${displayPath(cache.location, env.cwd)} (${(error as Error).message}); the next run plans again\n`);
    }
    if (!quiet) {
      print(
        env,
        cached
          ? `Cache: the project (its tsconfig's files and every file of its program) is unchanged since a run that planned nothing to apply; the program was not built, the outcome is taken from ${displayPath(cache.location, env.cwd)}.`
          : `Cache: planned over the program; ${cache.recorded ? 'nothing to apply, so the project\'s fingerprint is kept' : 'it had changes to apply (or a file changed during the run), so no fingerprint is kept'} in ${displayPath(cache.location, env.cwd)}.`,
      );
    }
  }
  if (shard) {
    const count = planned === null ? `${outcomes.length} planned files` : `${planned.mine} of ${planned.all} planned files`;
    print(env, `Shard ${shard.index}/${shard.count}: ${count} (the whole program was planned and judged); merge the shards' reports with asyncwise report merge.`);
  }
  print(env, formatSummary(report.summary, outcomes, { cwd: env.cwd, level, write: write && heldBack === null, quiet, codemods: [codemod] }, colors));
  for (const error of typeErrors) {
    env.stderr.write(`asyncwise: new TypeScript error ${error.file === null ? '' : `${displayPath(error.file, env.cwd)}:${error.line}:${error.column} `}TS${error.code}: ${error.message} (plan: ${error.plans.join(', ')})\n`);
  }
  if (heldBack !== null) env.stderr.write(`asyncwise: ${heldBack}${shard ? ' (in any shard: the gates judge every shard\'s files)' : ''}.\n`);
  if (reportArg !== undefined && reportPath !== null) {
    await makeDirectory(path.dirname(reportPath));
    await writeFileAtomically(reportPath, Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8'));
    if (!quiet) print(env, `Report written to ${displayPath(reportPath, env.cwd)}`);
  }
  return heldBack !== null || report.summary.filesErrored > 0 ? exitCodes.fileErrors : exitCodes.ok;
}

/**
 * `asyncwise report merge r1.json … rN.json`: the reports of `--shard 1/n` … `n/n` as the one report
 * a single run would have written. Printed as JSON, or with `--report <file>` written there and
 * summarised as a run is. Exits as that run would have (1 when a file failed), 2 when the reports do
 * not belong together.
 */
async function runReportMerge(args: readonly string[], values: ParsedValues, env: CliEnvironment, registry: readonly Codemod[]): Promise<number> {
  if (args.length === 0) throw new UsageError('"report merge" takes the shard reports, e.g. asyncwise report merge shard-1.json shard-2.json.');
  const { readFile } = await import('node:fs/promises');
  const named: { name: string; report: Report }[] = [];
  for (const name of args) {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path.resolve(env.cwd, name), 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read the report ${name} (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (!isReport(value)) throw new UsageError(`${name} is not an asyncwise report (written by asyncwise migrate --report).`);
    named.push({ name, report: value });
  }
  const merged = mergeReports(named);
  const text = `${JSON.stringify(merged, null, 2)}\n`;
  const reportArg = typeof values.report === 'string' ? values.report : undefined;
  const failed = merged.summary.filesErrored > 0 || merged.summary.asyncwiseBugs > 0 ? exitCodes.fileErrors : exitCodes.ok;
  if (reportArg === undefined) {
    env.stdout.write(text);
    return failed;
  }
  const { prepareReportTarget } = await import('./report-target');
  const target = await prepareReportTarget(reportArg, env.cwd, []);
  await writeFileAtomically(target, Buffer.from(text, 'utf8'));
  // Summarised as the single run would be; positions and listings come from the report's files.
  // A report keeps no created file's text; the summary names them only.
  const outcomes = merged.files.map(({ created, ...f }) => ({
    ...f,
    file: path.resolve(env.cwd, f.path),
    ...(created ? { created: created.map((c) => ({ ...c, path: path.resolve(env.cwd, c.path), text: '' })) } : {}),
  }));
  const settings = { cwd: env.cwd, level: merged.level, write: merged.write, quiet: values.quiet === true, codemods: merged.codemods.flatMap((name) => findCodemod(name, registry) ?? []) };
  print(env, formatSummary(summarizeFiles(merged.files), outcomes, settings, colorsFor(env.stdout)));
  if (values.quiet !== true) print(env, `Merged ${named.length} reports into ${displayPath(target, env.cwd)}`);
  return failed;
}

function isReport(value: unknown): value is Report {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['asyncwiseVersion'] === 'string' && Array.isArray(record['files']) && Array.isArray(record['codemods']) && typeof record['summary'] === 'object';
}

/**
 * The `--cache` file: `--cache-location` (a file, or a folder, existing or named with a trailing
 * slash, to hold `.asyncwise-cache`), else `.asyncwise-cache` in the working directory. Its outcomes
 * count only for the same asyncwise, codemods, options, level and source type.
 */
async function loadCache(
  location: unknown,
  cwd: string,
  settings: {
    level: string;
    sourceType: string | undefined;
    project: string | undefined;
    files: readonly string[];
    selected: readonly Codemod[];
    raw: Readonly<Record<string, unknown>>;
  },
): Promise<OutcomeCache> {
  const file = cacheFileOf(location, cwd);
  const { OutcomeCache: Cache, settingsKey } = await import('./cache');
  const key = settingsKey({
    asyncwise: version,
    level: settings.level,
    sourceType: settings.sourceType ?? null,
    // A typed outcome depends on the project's other files too: a typed run never reuses an untyped
    // one, nor one made before a file of the project changed.
    project: settings.project === undefined ? null : projectFingerprint(settings.project, settings.files),
    codemods: settings.selected.map((c) => ({ name: c.name, options: parseOptionValues(c.options, settings.raw) })),
  });
  return Cache.load(file, key);
}

/** The `--cache-location` file (see {@link loadCache}). */
function cacheFileOf(location: unknown, cwd: string): string {
  const given = typeof location === 'string' ? location : '.asyncwise-cache';
  const absolute = path.resolve(cwd, given);
  const isFolder = /[/\\]$/.test(given) || (existsSync(absolute) && statSync(absolute).isDirectory());
  return isFolder ? path.join(absolute, '.asyncwise-cache') : absolute;
}

/**
 * A project codemod's `--cache`, and the tsconfig's root files its fingerprint starts from: it counts
 * only for the same asyncwise, codemod, entries and options, level, shard and tsconfig (its text and
 * the compiler options it resolves to, so an `extends` counts too); the files' bytes are compared by
 * the cache itself.
 */
async function loadProjectCache(
  location: unknown,
  cwd: string,
  run: { codemod: string; configPath: string; level: string; shard: Shard | undefined; settings: ProjectSettings },
): Promise<{ cache: ProjectCache; roots: string[] }> {
  const { ProjectCache: Cache, settingsKey } = await import('./cache');
  const { fileNames, options } = readProjectConfig(run.configPath);
  const key = settingsKey({
    asyncwise: version,
    codemod: run.codemod,
    // --from names files relative to the working directory.
    options: { ...run.settings, from: run.settings.from.map((f) => path.resolve(cwd, f)) },
    level: run.level,
    shard: run.shard ?? null,
    tsconfig: { path: run.configPath, text: readFileSync(run.configPath, 'utf8'), options },
  });
  return { cache: await Cache.load(cacheFileOf(location, cwd), key), roots: fileNames.map((f) => path.resolve(f)) };
}

/**
 * The package manifests and lockfiles in the tsconfig's folder and every folder above it: what
 * installing a package changes. A project codemod's cache fingerprint holds them, since a package
 * installed since can give an import a file the program did not hold before.
 */
function manifestsAbove(configPath: string): string[] {
  const names = ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb'];
  const found: string[] = [];
  for (let dir = path.dirname(configPath); ; dir = path.dirname(dir)) {
    for (const name of names) if (existsSync(path.join(dir, name))) found.push(path.join(dir, name));
    if (path.dirname(dir) === dir) return found;
  }
}

/**
 * `--project`: the tsconfig as an absolute path (a folder stands for its `tsconfig.json`, as
 * `tsc -p` reads it), or `auto`. The config is read now (no file parsed), so a wrong path or a
 * broken config is a usage error before any work, not an error in every file.
 */
function projectOf(value: unknown, cwd: string): ProjectSetting | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError('--project: expected a tsconfig.json path, or auto.');
  if (value === nearestProject) return value;
  const given = path.resolve(cwd, value);
  const config = existsSync(given) && statSync(given).isDirectory() ? path.join(given, 'tsconfig.json') : given;
  if (!existsSync(config)) throw new UsageError(`--project: ${displayPath(config, cwd)} does not exist; name a tsconfig.json (or auto for the nearest one above each file).`);
  try {
    readProjectConfig(config);
  } catch (error) {
    if (error instanceof ProjectConfigError) throw new UsageError(`--project: ${displayPath(error.configPath, cwd)}: ${error.reason}`);
    throw error;
  }
  return config;
}

/**
 * What a typed outcome depends on beyond its own file: each tsconfig the files use (`auto` finds one
 * per folder), its text, and the size and modification time of each of its root files. Declaration
 * files of packages are not in it: after an upgrade of a package's types, run without --cache once.
 */
function projectFingerprint(setting: ProjectSetting, files: readonly string[]): string {
  const configs = new Set<string>();
  const byFolder = new Map<string, string | null>();
  for (const file of files) {
    const folder = path.dirname(file);
    if (!byFolder.has(folder)) byFolder.set(folder, projectConfigFor(setting, file));
    const config = byFolder.get(folder);
    if (config) configs.add(config);
  }
  const hash = createHash('sha256').update(setting);
  for (const config of [...configs].sort()) {
    hash.update(`\0${config}\0${readFileSync(config, 'utf8')}`);
    for (const root of readProjectConfig(config).fileNames) {
      const stats = statSync(root, { throwIfNoEntry: false });
      hash.update(`\0${root}:${stats?.size ?? -1}:${stats?.mtimeMs ?? -1}`);
    }
  }
  return hash.digest('hex');
}

/** `--max-file-size`: bytes, or a number with KB or MB (1,024-based; `k`, `m`, `kib`, `mib` too). */
function parseSize(value: unknown): number {
  if (value === undefined) return defaultMaxFileSize;
  const match = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(b|bytes?|k|kb|kib|m|mb|mib)?\s*$/i.exec(value) : null;
  if (!match) throw new UsageError(`--max-file-size: invalid value ${JSON.stringify(value)}: expected a size such as 500KB, 4MB or 1048576 (bytes).`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Math.floor(Number(match[1]) * factor);
}

/** One job per core the process may use, at least one. */
function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

function parseJobs(value: unknown): number {
  if (value === undefined) return defaultJobs();
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs: invalid value ${JSON.stringify(value)}: expected a whole number of at least 1.`);
  return n;
}

function parseOption<T>(flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof OptionError) throw new UsageError(`${flag}: ${error.message}`);
    throw error;
  }
}

function print(env: CliEnvironment, text: string): void {
  env.stdout.write(`${text}\n`);
}
