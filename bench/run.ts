/**
 * `pnpm bench`: what the plugin and the codemod cost, as ratios measured in one run.
 *
 *   a.  ESLint (`Linter`, flat config, typescript-eslint's parser, no type information), no rules:
 *       ESLint parse-only, the baseline and the reference of the oxlint ratios
 *   a'. the same with one empty rule
 *   b.  the same with asyncwise's `configs.recommended`
 *   c.  `parseFile` from `@asyncwise/analysis`: the codemod's own parse (typescript-estree + scopes)
 *   d.  the `sequential-to-concurrent` transform at level `review`, in memory
 *   d'. the `then-to-await` transform at level `review`, in memory
 *   d". the `foreach-async-to-for-of` transform at level `review`, in memory
 *   e.  oxlint with no rules at all: its parse/traverse floor, whole process
 *   f.  oxlint with asyncwise's `configs.recommended` as a JS plugin, whole process
 *   g.  ESLint with eslint-plugin-promise's `flat/recommended`; h. with asyncwise's `promise-compat`, its twins (h/g: ours against theirs)
 *   i.  ESLint with the peers' set: eslint-plugin-promise's `flat/recommended` + unicorn's async rules (issue 19), one config;
 *       b/i is asyncwise's whole `recommended` against it (issue 19's bar: no slower)
 *
 * Each measurement runs in a fresh `node` process (a–d: `bench/measure.ts`; e, f: `bench/oxlint.ts`),
 * so its peak RSS is its own; rounds are interleaved (a a' b c d e f, …) so drift hits every
 * measurement alike. Then the fixtures `fixtures/sequential-service` (sequential-to-concurrent) and
 * `fixtures/bounded-crawler` (the three bounded-concurrency codemods) are timed end to end before and
 * after the CLI migrates them, and `bench/scaling.ts` checks that cost grows linearly with a run's
 * length and a file's size. Results go to `bench/.results/latest.json`.
 *
 * Last, the dry-run diff of one generated ~1 MB file is timed against parsing that file (bench/large-diff.ts),
 * and typed linting of 300 of the TypeScript files as one project: typescript-eslint's typed promise rules
 * against asyncwise's twins of them and against the typed parse alone (bench/typed.ts).
 *
 * Usage: node --import tsx bench/run.ts [folder] [--runs 3] [--count 1200] [--seed 42] [--oxlint-threads N] [--skip-fixture] [--skip-scaling]
 *        [--skip-large-diff] [--skip-cli-scale] [--skip-typed] [--skip-project]
 *   folder            lint/parse/migrate (in memory) the .ts/.tsx/.js/.jsx/.mjs/.cjs files under it instead of the
 *                     generated corpus (node_modules, dist, .git and .d.ts files are skipped)
 *   --oxlint-threads  oxlint's --threads (default: oxlint's own, one per core)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCorpusDir, defaultCount, defaultSeed, ensureCorpus } from './corpus';
import { type CliScaleResult, formatCliScale, measureCliScale } from './cli-scale';
import { formatProject, measureProject, type ProjectResult, PROJECT_BAR_MS } from './project';
import { formatTyped, measureTyped, type TypedResult } from './typed';
import { LARGE_DIFF_BAR_MS, type LargeDiffTiming, timeLargeDiff } from './large-diff';
import { type InProcessMeasurementName, isOxlintMeasurement, type Measurement, type MeasurementName, measurementNames } from './measurement';
import type { ScalingResult } from './scaling';
import { compareReports, type OxlintSetup, prepareOxlint, presetPath, type ReportDifference, runOxlint } from './oxlint';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');
const resultsDir = join(benchDir, '.results');
const tmpRoot = join(repoRoot, '.tmp');
const cliPath = join(repoRoot, 'packages/codemods/bin/asyncwise.js');

const sourceExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const skippedDirectories = new Set(['node_modules', 'dist', '.git']);

/** The oxlint/ESLint speed goal on a real repository: f / a, oxlint + asyncwise recommended against ESLint parse-only. */
const OXLINT_BAR = 0.3;
const MAX_DIFFERENCES_SHOWN = 10;
/** The TypeScript files the typed measurements (bench/typed.ts) lint as one project. */
const TYPED_FILES = 300;
/** The TypeScript files the project codemod measurement (bench/project.ts) migrates as one project: issue 20 names 1,000. */
const PROJECT_FILES = 1000;

const letters: Record<MeasurementName, string> = {
  'eslint-baseline': 'a',
  'eslint-empty-rule': "a'",
  'eslint-recommended': 'b',
  'parse-only': 'c',
  codemod: 'd',
  'codemod-then': "d'",
  'codemod-foreach': 'd"',
  'codemod-callbacks': 'd3',
  'codemod-wrappers': 'd4',
  'codemod-loops': 'd5',
  'codemod-fanouts': 'd6',
  'codemod-races': 'd7',
  'codemod-sync': 'd8',
  'codemod-pipes': 'd9',
  'codemod-using': 'd10',
  'eslint-promise-recommended': 'g',
  'eslint-promise-compat': 'h',
  'eslint-peers-async': 'i',
  'oxlint-alone': 'e',
  'oxlint-js-floor': "e'",
  'oxlint-recommended': 'f',
};

function labelsFor(ruleCount: number, threads: number): Record<MeasurementName, string> {
  const rules = `${ruleCount} rule${ruleCount === 1 ? '' : 's'}`;
  const onThreads = `${threads} thread${threads === 1 ? '' : 's'}`;
  return {
    'eslint-baseline': 'a. ESLint parse-only, no rules (baseline)',
    'eslint-empty-rule': "a'. ESLint + one empty rule",
    'eslint-recommended': `b. ESLint + asyncwise recommended (${rules})`,
    'parse-only': 'c. parseFile (the codemods\' parse: oxc-parser + scopes)',
    codemod: 'd. codemod sequential-to-concurrent',
    'codemod-then': "d'. codemod then-to-await",
    'codemod-foreach': 'd". codemod foreach-async-to-for-of',
    'codemod-callbacks': 'd3. codemod callback-to-promise-api',
    'codemod-wrappers': 'd4. codemod promise-wrapper-to-promisify',
    'codemod-loops': 'd5. codemod loop-to-bounded',
    'codemod-fanouts': 'd6. codemod unbounded-to-bounded',
    'codemod-races': 'd7. codemod race-to-cancellable',
    'codemod-sync': 'd8. codemod sync-to-async-io',
    'codemod-pipes': 'd9. codemod pipe-to-pipeline',
    'codemod-using': 'd10. codemod finally-to-await-using',
    'eslint-promise-recommended': "g. ESLint + eslint-plugin-promise's recommended",
    'eslint-promise-compat': "h. ESLint + asyncwise promise-compat (its twins)",
    'eslint-peers-async': "i. ESLint + eslint-plugin-promise's recommended + unicorn's async rules",
    'oxlint-alone': `e. oxlint alone, no rules (${onThreads})`,
    'oxlint-js-floor': `e'. oxlint + a JS rule that only asks for scopes (${onThreads})`,
    'oxlint-recommended': `f. oxlint + asyncwise recommended (${rules}, ${onThreads})`,
  };
}

interface Options {
  readonly folder: string | null;
  readonly runs: number;
  readonly count: number;
  readonly seed: number;
  readonly skipFixture: boolean;
  readonly skipScaling: boolean;
  readonly skipLargeDiff: boolean;
  readonly skipCliScale: boolean;
  readonly skipTyped: boolean;
  readonly skipProject: boolean;
  /** oxlint's `--threads`, or null for its default. */
  readonly oxlintThreads: number | null;
}

function usage(message: string): never {
  console.error(`bench: ${message}`);
  console.error('Usage: node --import tsx bench/run.ts [folder] [--runs N] [--count N] [--seed N] [--oxlint-threads N] [--skip-fixture] [--skip-scaling] [--skip-large-diff] [--skip-cli-scale] [--skip-typed] [--skip-project]');
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Options {
  let folder: string | null = null;
  let runs = 3;
  let count = defaultCount;
  let seed = defaultSeed;
  let skipFixture = false;
  let skipScaling = false;
  let skipLargeDiff = false;
  let skipCliScale = false;
  let skipTyped = false;
  let skipProject = false;
  let oxlintThreads: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): number => {
      const raw = argv[++i];
      const n = Number(raw);
      if (raw === undefined || !Number.isInteger(n) || n < 0) usage(`${arg} needs a whole number, got ${raw ?? 'nothing'}`);
      return n;
    };
    if (arg === '--runs') runs = value();
    else if (arg === '--count') count = value();
    else if (arg === '--seed') seed = value();
    else if (arg === '--oxlint-threads') oxlintThreads = value();
    else if (arg === '--skip-fixture') skipFixture = true;
    else if (arg === '--skip-scaling') skipScaling = true;
    else if (arg === '--skip-large-diff') skipLargeDiff = true;
    else if (arg === '--skip-cli-scale') skipCliScale = true;
    else if (arg === '--skip-typed') skipTyped = true;
    else if (arg === '--skip-project') skipProject = true;
    else if (arg === '--help' || arg === '-h') usage('help');
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else if (folder === null) folder = resolve(arg);
    else usage(`only one folder, got ${folder} and ${arg}`);
  }
  if (runs < 1) usage('--runs must be at least 1');
  if (count < 1) usage('--count must be at least 1');
  if (oxlintThreads === 0) usage('--oxlint-threads must be at least 1');
  return { folder, runs, count, seed, skipFixture, skipScaling, skipLargeDiff, skipCliScale, skipTyped, skipProject, oxlintThreads };
}

/** Source files under `dir`, relative to it, sorted. */
function sourceFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skippedDirectories.has(entry.name)) out.push(...sourceFiles(path, base));
    } else if (
      entry.isFile() &&
      sourceExtensions.some((ext) => entry.name.endsWith(ext)) &&
      !/\.d\.[mc]?ts$/.test(entry.name)
    ) {
      out.push(relative(base, path));
    }
  }
  return out.sort();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function runMeasurement(name: InProcessMeasurementName, listFile: string): Measurement {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, 'measure.ts'), name, listFile], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lastLine = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !lastLine.startsWith('{')) {
    throw new Error(`measurement ${name} failed (exit ${child.status ?? child.signal}):\n${child.stderr.trim()}`);
  }
  return JSON.parse(lastLine) as Measurement;
}

interface Summary {
  readonly name: MeasurementName;
  readonly label: string;
  readonly medianMs: number;
  readonly bestMs: number;
  readonly samplesMs: readonly number[];
  readonly filesPerSecond: number;
  readonly peakRssMiB: number;
  readonly last: Measurement;
}

function summarize(name: MeasurementName, label: string, samples: readonly Measurement[]): Summary {
  const ms = samples.map((s) => s.ms);
  const medianMs = median(ms);
  const last = samples.at(-1) as Measurement;
  return {
    name,
    label,
    medianMs,
    bestMs: Math.min(...ms),
    samplesMs: ms.map((v) => Math.round(v)),
    filesPerSecond: last.files / (Math.min(...ms) / 1000),
    // Peak RSS varies with GC timing from one child to the next: the median child is reported.
    peakRssMiB: median(samples.map((s) => s.maxRssKiB)) / 1024,
    last,
  };
}

interface FixtureTiming {
  readonly beforeMs: number;
  readonly afterMs: number;
  readonly speedup: number;
  /** What the CLI applied, over every codemod it ran. */
  readonly changesApplied: number;
  /** The rest of the fixture's `bench.ts` output after the migration (e.g. peaks of open requests), and before it. */
  readonly after: Record<string, unknown>;
  readonly before: Record<string, unknown>;
}

/** A fixture the bench times end to end before and after the CLI migrates a copy of it. */
interface FixtureSpec {
  readonly name: string;
  readonly codemods: readonly string[];
  readonly flags: readonly string[];
}

const fixtures: readonly FixtureSpec[] = [
  { name: 'sequential-service', codemods: ['sequential-to-concurrent'], flags: [] },
  { name: 'bounded-crawler', codemods: ['foreach-async-to-for-of', 'loop-to-bounded', 'unbounded-to-bounded'], flags: ['--concurrency', '6'] },
];

function runNode(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function fixtureBench(copy: string): Record<string, unknown> & { ms: number } {
  const result = runNode(['--import', 'tsx', 'bench.ts'], copy);
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.status !== 0 || !line.startsWith('{')) {
    throw new Error(`the fixture's bench.ts failed (exit ${result.status}):\n${result.stderr.trim()}`);
  }
  return JSON.parse(line) as Record<string, unknown> & { ms: number };
}

/**
 * Times a fixture end to end: a copy under `.tmp/` (inside the repository, so `tsx` resolves from
 * the root), its `bench.ts`, the CLI migration with `--write --level review`, `bench.ts` again.
 */
function timeFixture(spec: FixtureSpec): FixtureTiming {
  mkdirSync(tmpRoot, { recursive: true });
  const copy = mkdtempSync(join(tmpRoot, `bench-${spec.name}-`));
  try {
    cpSync(join(repoRoot, 'fixtures', spec.name), copy, { recursive: true, filter: (src) => !src.includes('node_modules') });
    const { ms: beforeMs, ...before } = fixtureBench(copy);
    const report = join(copy, 'report.json');
    // The files are named one by one: the copy lies in the gitignored `.tmp/`, and the CLI skips
    // gitignored files when it searches a directory (a file named explicitly is always processed).
    const files = sourceFiles(join(copy, 'src')).map((f) => join(copy, 'src', f));
    const cli = runNode([cliPath, 'migrate', ...spec.codemods, ...files, '--write', '--level', 'review', ...spec.flags, '--report', report, '--quiet'], repoRoot);
    if (cli.status !== 0) throw new Error(`asyncwise migrate failed (exit ${cli.status}):\n${cli.stdout}\n${cli.stderr}`);
    const summary = (JSON.parse(readFileSync(report, 'utf8')) as { summary: { changesApplied: Record<string, number> } }).summary;
    const changesApplied = Object.values(summary.changesApplied).reduce((a, b) => a + b, 0);
    const { ms: afterMs, ...after } = fixtureBench(copy);
    return { beforeMs, afterMs, speedup: beforeMs / afterMs, changesApplied, before, after };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function formatScaling(s: ScalingResult): string {
  const rows = [
    ['one run of N awaits (CPU ms per 1,000 awaits)', 'analysis', 'codemod', 'ESLint parse-only', 'ESLint + recommended'],
    ...s.longRuns.map((r) => [
      `N = ${r.awaits.toLocaleString('en-US')}`,
      String(r.analysisMsPer1000),
      String(r.codemodMsPer1000),
      String(r.eslintParseMsPer1000),
      String(r.eslintRecommendedMsPer1000),
    ]),
    ['time(16,000) / time(4,000): 4 is linear', `${s.growth.analysis}×`, `${s.growth.codemod}×`, '', `${s.growth.eslintRecommended}×`],
  ];
  const large = s.largeFile;
  return (
    `${formatTable(rows)}\n` +
    `large file: ${(large.bytes / 1e6).toFixed(1)} MB, ${large.runs.toLocaleString('en-US')} runs: codemod ${large.codemodMs} ms CPU ` +
    `(${large.codemodWallMs} ms wall; bar < 10,000), ${large.ratio}× its parse (oxc-parser + scopes ${large.parseMs} ms; ` +
    `typescript-estree + scopes ${large.estreeParseMs} ms)`
  );
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows
    .map((row, i) => {
      const line = row.map((cell, col) => pad(cell, widths[col] ?? 0, col > 0)).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();

  let root: string;
  let source: string;
  if (options.folder === null) {
    const corpus = ensureCorpus({ outDir: defaultCorpusDir, count: options.count, seed: options.seed });
    root = corpus.outDir;
    source = `generated corpus (seed ${corpus.seed}${corpus.reused ? ', reused' : ''}): ${corpus.files} files, ${corpus.tsxFiles} .tsx, ${corpus.lines} lines, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MiB`;
  } else {
    root = options.folder;
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) usage(`not a directory: ${root}`);
    source = `folder ${root}`;
  }
  const files = sourceFiles(root).filter((f) => options.folder !== null || f !== 'manifest.json');
  if (files.length === 0) usage(`no .ts/.tsx/.js/.jsx/.mjs/.cjs files under ${root}`);

  mkdirSync(tmpRoot, { recursive: true });
  // The file list and the oxlint configs live here, inside the repository (bare jsPlugins names resolve from its node_modules).
  const workDir = mkdtempSync(join(tmpRoot, 'bench-'));
  const listFile = join(workDir, 'files.json');
  writeFileSync(listFile, JSON.stringify({ root, files }));
  console.log(`Source: ${source}`);

  const samples = new Map<MeasurementName, Measurement[]>(measurementNames.map((n) => [n, []]));
  let oxlintSetup: OxlintSetup;
  try {
    oxlintSetup = await prepareOxlint(workDir, options.oxlintThreads);
    console.log(
      `oxlint ${oxlintSetup.version} (${options.oxlintThreads === null ? 'default threads' : `--threads=${options.oxlintThreads}`}); ` +
        `asyncwise configs.recommended: ${Object.keys(oxlintSetup.recommendedRules).join(', ')}`,
    );
    console.log(`Measuring ${files.length} files, ${options.runs} round(s), each measurement in a fresh node process…`);
    for (let round = 1; round <= options.runs; round++) {
      for (const name of measurementNames) {
        const m = isOxlintMeasurement(name) ? runOxlint(name, oxlintSetup, root, files, workDir) : runMeasurement(name, listFile);
        samples.get(name)?.push(m);
        console.log(`  round ${round}/${options.runs}  ${pad(name, 18)} ${pad(Math.round(m.ms).toString(), 7, true)} ms`);
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const lastOf = (n: MeasurementName) => samples.get(n)?.at(-1) as Measurement;
  const ruleCount = Object.keys(oxlintSetup.recommendedRules).length;
  const threads = lastOf('oxlint-recommended').oxlint?.threads ?? 0;
  const labels = labelsFor(ruleCount, threads);
  const summaries = new Map(measurementNames.map((n) => [n, summarize(n, labels[n], samples.get(n) ?? [])] as const));
  const get = (n: MeasurementName) => summaries.get(n) as Summary;
  const baseline = get('eslint-baseline');
  // Ratios of the best rounds: other load on the machine only ever adds time, so the fastest round
  // of each measurement is the least disturbed one. The medians are shown beside them.
  const ofBaseline = (n: MeasurementName) => ({ value: get(n).bestMs / baseline.bestMs, of: 'a' });
  const ratios: Record<MeasurementName, { value: number; of: string }> = {
    'eslint-baseline': { value: 1, of: 'a' },
    'eslint-empty-rule': ofBaseline('eslint-empty-rule'),
    'eslint-recommended': ofBaseline('eslint-recommended'),
    'parse-only': ofBaseline('parse-only'),
    codemod: { value: get('codemod').bestMs / get('parse-only').bestMs, of: 'c' },
    'codemod-then': { value: get('codemod-then').bestMs / get('parse-only').bestMs, of: 'c' },
    'codemod-foreach': { value: get('codemod-foreach').bestMs / get('parse-only').bestMs, of: 'c' },
    'codemod-callbacks': { value: get('codemod-callbacks').bestMs / get('parse-only').bestMs, of: 'c' },
    'codemod-wrappers': { value: get('codemod-wrappers').bestMs / get('parse-only').bestMs, of: 'c' },
    'codemod-loops': { value: get('codemod-loops').bestMs / get('parse-only').bestMs, of: 'c' },
    'codemod-fanouts': { value: get('codemod-fanouts').bestMs / get('parse-only').bestMs, of: 'c' },
    'codemod-races': { value: get('codemod-races').bestMs / get('parse-only').bestMs, of: 'c' },
    'codemod-sync': { value: get('codemod-sync').bestMs / get('parse-only').bestMs, of: 'c' },
    'codemod-pipes': { value: get('codemod-pipes').bestMs / get('parse-only').bestMs, of: 'c' },
    'codemod-using': { value: get('codemod-using').bestMs / get('parse-only').bestMs, of: 'c' },
    'eslint-promise-recommended': ofBaseline('eslint-promise-recommended'),
    'eslint-promise-compat': { value: get('eslint-promise-compat').bestMs / get('eslint-promise-recommended').bestMs, of: 'g' },
    'eslint-peers-async': ofBaseline('eslint-peers-async'),
    'oxlint-alone': ofBaseline('oxlint-alone'),
    'oxlint-js-floor': ofBaseline('oxlint-js-floor'),
    'oxlint-recommended': ofBaseline('oxlint-recommended'),
  };

  const rows: string[][] = [['measurement', 'best ms', 'median ms', 'files/s', 'ratio', 'peak RSS MiB']];
  for (const name of measurementNames) {
    const s = get(name);
    const r = ratios[name];
    rows.push([
      s.label,
      Math.round(s.bestMs).toString(),
      Math.round(s.medianMs).toString(),
      Math.round(s.filesPerSecond).toString(),
      `${r.value.toFixed(2)}× ${r.of}`,
      s.peakRssMiB.toFixed(0),
    ]);
  }
  const oxlintOwn = (n: 'oxlint-alone' | 'oxlint-js-floor' | 'oxlint-recommended') => {
    const details = (samples.get(n) ?? []).map((m) => m.oxlint).filter((d) => d !== undefined);
    return {
      reportedBestMs: Math.min(...details.map((d) => d.reportedMs)),
      cpuMedianMs: median(details.map((d) => d.cpuMs)),
    };
  };
  const ownAlone = oxlintOwn('oxlint-alone');
  const ownFloor = oxlintOwn('oxlint-js-floor');
  const ownRecommended = oxlintOwn('oxlint-recommended');
  const bar = ratios['oxlint-recommended'].value;
  const peersRatio = get('eslint-recommended').bestMs / get('eslint-peers-async').bestMs;
  const x = (a: MeasurementName, b: MeasurementName) => `${(get(a).bestMs / get(b).bestMs).toFixed(2)}×`;

  console.log('');
  console.log(formatTable(rows));
  console.log('');
  console.log('ratio (of best rounds): b/a = what asyncwise\'s recommended rules add to an ESLint run; c/a = our parse against ESLint\'s baseline;');
  console.log(`       a'/a = what ESLint pays to run any rule at all; b/a' = ${x('eslint-recommended', 'eslint-empty-rule')}, the rules' own cost.`);
  console.log(`       d/c = codemod vs parse-only (analysis, rewrite, re-parse of the output: two parses of every changed file); ` +
    `d/a = ${x('codemod', 'eslint-baseline')} ESLint parse-only. files/s from the best round.`);
  console.log(`       d'/c = then-to-await vs parse-only (its bar: ≤ 1.5×); d'/a = ${x('codemod-then', 'eslint-baseline')} ESLint parse-only.`);
  console.log(`       d"/c = foreach-async-to-for-of vs parse-only (its bar: ≤ 1.5×); d"/a = ${x('codemod-foreach', 'eslint-baseline')} ESLint parse-only.`);
  console.log(`       d3/c = callback-to-promise-api, d4/c = promise-wrapper-to-promisify vs parse-only (their bar: ≤ 1.5×): ` +
    `${x('codemod-callbacks', 'parse-only')}, ${x('codemod-wrappers', 'parse-only')}.`);
  console.log(`       d5/c = loop-to-bounded, d6/c = unbounded-to-bounded vs parse-only (their bar: ≤ 1.5×): ` +
    `${x('codemod-loops', 'parse-only')}, ${x('codemod-fanouts', 'parse-only')}.`);
  console.log(`       d7/c = race-to-cancellable, d8/c = sync-to-async-io, d9/c = pipe-to-pipeline, d10/c = finally-to-await-using vs parse-only (their bar: ≤ 1.5×): ` +
    `${x('codemod-races', 'parse-only')}, ${x('codemod-sync', 'parse-only')}, ${x('codemod-pipes', 'parse-only')}, ${x('codemod-using', 'parse-only')}.`);
  console.log(`       h/g = asyncwise's promise-compat against eslint-plugin-promise's recommended, same run: ${x('eslint-promise-compat', 'eslint-promise-recommended')} ` +
    `(h/a = ${x('eslint-promise-compat', 'eslint-baseline')}, g/a = ${x('eslint-promise-recommended', 'eslint-baseline')}).`);
  console.log(`       b/i = asyncwise's whole recommended against eslint-plugin-promise's recommended + unicorn's async rules, same run: ` +
    `${x('eslint-recommended', 'eslint-peers-async')} (issue 19's bar: ≤ 1×, ${peersRatio <= 1 ? 'met' : 'NOT met'} here; i/a = ${x('eslint-peers-async', 'eslint-baseline')}` +
    `${Number(process.versions.node.split('.')[0]) < 22 ? "; unicorn ran on core-js's shims of Node 22 built-ins" : ''}).`);
  console.log('oxlint (e, f time the whole oxlint process: Node start-up, config and plugin load, reading files; a–d time one pass in a warm process):');
  console.log(`       f/a = ${bar.toFixed(3)}× ESLint parse-only (bar on a real repo: ≤ ${OXLINT_BAR.toFixed(2)}×, ${bar <= OXLINT_BAR ? 'met' : 'NOT met'} here); ` +
    `f/b = ${x('oxlint-recommended', 'eslint-recommended')} ESLint with the same rules; f/e = ${x('oxlint-recommended', 'oxlint-alone')} oxlint alone.`);
  console.log(`       e'/a = ${x('oxlint-js-floor', 'eslint-baseline')}: what any JS plugin reading scopes costs before its rules do anything ` +
    `(the least f/a can be); f/e' = ${x('oxlint-recommended', 'oxlint-js-floor')}, the rules' own cost under oxlint.`);
  console.log(`       oxlint's own "Finished in" (no Node start-up), best: e ${Math.round(ownAlone.reportedBestMs)} ms, f ${Math.round(ownRecommended.reportedBestMs)} ms; ` +
    `CPU time of the whole process, median: e ${Math.round(ownAlone.cpuMedianMs)} ms, e' ${Math.round(ownFloor.cpuMedianMs)} ms, f ${Math.round(ownRecommended.cpuMedianMs)} ms.`);

  const warnings: string[] = [...oxlintSetup.warnings];
  const eslintRec = lastOf('eslint-recommended');
  const oxlintRec = lastOf('oxlint-recommended');
  const byRule = (counts: Readonly<Record<string, number>>) =>
    Object.keys(oxlintSetup.recommendedRules).map((rule) => `${rule} ${counts[rule] ?? 0}`).join(', ');
  const difference: ReportDifference = compareReports(eslintRec.reportLocations, oxlintRec.reportLocations, MAX_DIFFERENCES_SHOWN);
  const codemod = lastOf('codemod');
  const rewritten = codemod.applied;
  const preferPromiseAll = 'asyncwise/prefer-promise-all' in oxlintSetup.recommendedRules ? (eslintRec.reportsByRule['asyncwise/prefer-promise-all'] ?? 0) : null;
  console.log('');
  console.log(`files: ${files.length}`);
  console.log(`reports by asyncwise recommended, ESLint (b): ${eslintRec.reports} (${byRule(eslintRec.reportsByRule)})`);
  console.log(`reports by asyncwise recommended, oxlint (f): ${oxlintRec.reports} (${byRule(oxlintRec.reportsByRule)})` +
    (difference.eslintOnlyCount + difference.oxlintOnlyCount === 0 ? ', the same reports as ESLint (file, line, rule)' : ''));
  console.log(`runs rewritten by the codemod: ${rewritten} (not applied: ${codemod.notApplied}, refusals: ${codemod.refusals})`);
  const thenCodemod = lastOf('codemod-then');
  console.log(`chains converted by then-to-await: ${thenCodemod.applied} (not applied: ${thenCodemod.notApplied}, refusals: ${thenCodemod.refusals})`);
  const forEachCodemod = lastOf('codemod-foreach');
  console.log(`forEach calls converted by foreach-async-to-for-of: ${forEachCodemod.applied} (not applied: ${forEachCodemod.notApplied}, refusals: ${forEachCodemod.refusals})`);
  for (const [name, noun] of [['codemod-callbacks', 'callback API calls awaited by callback-to-promise-api'], ['codemod-wrappers', 'wrappers replaced by promise-wrapper-to-promisify'], ['codemod-loops', 'loops bounded by loop-to-bounded'], ['codemod-fanouts', 'fan-outs bounded by unbounded-to-bounded'], ['codemod-races', 'races made cancellable by race-to-cancellable'], ['codemod-sync', 'blocking calls awaited by sync-to-async-io'], ['codemod-pipes', 'pipe chains turned into pipeline by pipe-to-pipeline'], ['codemod-using', 'releases turned into await using by finally-to-await-using']] as const) {
    const measured = lastOf(name);
    console.log(`${noun}: ${measured.applied} (not applied: ${measured.notApplied}, refusals: ${measured.refusals})`);
  }
  if (difference.eslintOnlyCount + difference.oxlintOnlyCount > 0) {
    const list = (items: readonly string[], count: number) =>
      `${count}${count > 0 ? `, e.g.\n      ${items.join('\n      ')}${count > items.length ? `\n      … ${count - items.length} more` : ''}` : ''}`;
    warnings.push(
      `WARNING: oxlint and ESLint disagree on asyncwise reports (ESLint ${eslintRec.reports}, oxlint ${oxlintRec.reports}, compared by file, line and rule):\n` +
        `    only ESLint reported ${list(difference.eslintOnly, difference.eslintOnlyCount)}\n` +
        `    only oxlint reported ${list(difference.oxlintOnly, difference.oxlintOnlyCount)}`,
    );
  }
  if (preferPromiseAll === null) {
    console.log('(asyncwise/prefer-promise-all is not in configs.recommended: its reports are not compared with the codemod\'s runs)');
  } else if (preferPromiseAll !== rewritten) {
    warnings.push(`WARNING: asyncwise/prefer-promise-all reported ${preferPromiseAll} runs but the codemod rewrote ${rewritten}; they should agree.`);
  }
  for (const name of measurementNames) {
    const m = get(name).last;
    if (m.errors > 0) warnings.push(`WARNING: ${name}: ${m.errors} file(s) failed, e.g. ${m.errorSamples.join('; ')}`);
  }

  const fixtureTimings: Record<string, FixtureTiming> = {};
  if (!options.skipFixture) {
    console.log('');
    for (const spec of fixtures) {
      try {
        const timing = timeFixture(spec);
        fixtureTimings[spec.name] = timing;
        const shown = (measured: Record<string, unknown>) => Object.entries(measured).filter(([key]) => key !== 'rounds').map(([key, value]) => `${key} ${String(value)}`).join(', ');
        const extra = Object.keys(timing.after).some((key) => key !== 'rounds') ? ` (before: ${shown(timing.before)}; after: ${shown(timing.after)})` : '';
        console.log(`fixture ${spec.name} end to end (bench.ts, ${spec.codemods.join(' + ')}): before ${timing.beforeMs} ms, after ${timing.afterMs} ms, ` +
          `speed-up ${timing.speedup.toFixed(2)}× (${timing.changesApplied} changes applied by the CLI)${extra}`);
      } catch (error) {
        warnings.push(`WARNING: fixture ${spec.name} timing failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  let scaling: unknown = null;
  if (!options.skipScaling) {
    const result = runNode(['--import', 'tsx', join(benchDir, 'scaling.ts')], repoRoot);
    if (result.status === 0) {
      const measured = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as ScalingResult;
      scaling = measured;
      console.log('');
      console.log(formatScaling(measured));
    } else {
      warnings.push(`WARNING: scaling measurement failed (exit ${result.status}): ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
      }
    }
  let largeDiff: LargeDiffTiming | null = null;
  if (!options.skipLargeDiff) {
    try {
      largeDiff = timeLargeDiff(1_000_000, options.runs);
      const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      console.log('');
      console.log(`large file, dry-run diff (${(largeDiff.bytes / 1e6).toFixed(2)} MB, ${largeDiff.lines} lines, ${largeDiff.runsRewritten} runs rewritten, ` +
        `${largeDiff.diffLines} diff lines): diff ${seconds(largeDiff.diffBestMs)} = ${largeDiff.ratio.toFixed(2)}× parsing the same file ` +
        `(${seconds(largeDiff.parseBestMs)}); bar: under ${seconds(LARGE_DIFF_BAR_MS)}, ${largeDiff.diffBestMs < LARGE_DIFF_BAR_MS ? 'met' : 'NOT met'} here. ` +
        `The rewrite itself took ${seconds(largeDiff.transformMs)}.`);
    } catch (error) {
      warnings.push(`WARNING: large-file diff timing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let cliScale: CliScaleResult | null = null;
  if (!options.skipCliScale) {
    try {
      cliScale = measureCliScale(root, options.runs);
      console.log('');
      console.log(formatCliScale(cliScale));
    } catch (error) {
      warnings.push(`WARNING: CLI scale measurement failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let typed: TypedResult | null = null;
  if (!options.skipTyped) {
    try {
      // The TypeScript files of the corpus (or folder) as one project: a typed pass costs several times an untyped one, so a subset.
      typed = await measureTyped(root, { runs: options.runs, count: TYPED_FILES });
      console.log('');
      console.log(formatTyped(typed));
    } catch (error) {
      warnings.push(`WARNING: typed measurement failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let project: ProjectResult | null = null;
  let callbackProject: ProjectResult | null = null;
  if (!options.skipProject) {
    try {
      // Issue 20's bar is for a 1,000-file project: the first 1,000 TypeScript files of the corpus (or folder).
      project = measureProject(root, { runs: Math.min(options.runs, 2), count: PROJECT_FILES, codemod: 'add-abort-signal' });
      console.log('');
      console.log(formatProject(project));
      callbackProject = measureProject(root, { runs: Math.min(options.runs, 2), count: PROJECT_FILES, codemod: 'callback-to-async' });
      console.log('');
      console.log(formatProject(callbackProject));
    } catch (error) {
      warnings.push(`WARNING: project codemod measurement failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (warnings.length > 0) console.log('');
  for (const w of warnings) console.log(w);

  mkdirSync(resultsDir, { recursive: true });
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    source,
    root,
    files: files.length,
    runs: options.runs,
    measurements: measurementNames.map((n) => {
      const s = get(n);
      const own = n === 'oxlint-alone' ? ownAlone : n === 'oxlint-js-floor' ? ownFloor : n === 'oxlint-recommended' ? ownRecommended : null;
      return {
        name: n,
        letter: letters[n],
        label: s.label,
        medianMs: Math.round(s.medianMs),
        bestMs: Math.round(s.bestMs),
        samplesMs: s.samplesMs,
        filesPerSecond: Math.round(s.filesPerSecond),
        ratio: Number(ratios[n].value.toFixed(3)),
        ratioOf: ratios[n].of,
        peakRssMiB: Number(s.peakRssMiB.toFixed(1)),
        errors: s.last.errors,
        ...(n === 'eslint-recommended' || n === 'oxlint-recommended' || n.startsWith('eslint-promise') || n === 'eslint-peers-async' ? { reports: s.last.reports, reportsByRule: s.last.reportsByRule } : {}),
        ...(own
          ? { oxlint: { reportedBestMs: Math.round(own.reportedBestMs), cpuMedianMs: Math.round(own.cpuMedianMs), threads: s.last.oxlint?.threads, rules: s.last.oxlint?.rules } }
          : {}),
      };
    }),
    counts: {
      files: files.length,
      reports: eslintRec.reports,
      reportsByRule: eslintRec.reportsByRule,
      oxlintReports: oxlintRec.reports,
      oxlintReportsByRule: oxlintRec.reportsByRule,
      reportDifference: difference,
      runsRewritten: rewritten,
      notApplied: codemod.notApplied,
      refusals: codemod.refusals,
      chainsConverted: thenCodemod.applied,
      chainRefusals: thenCodemod.refusals,
    },
    oxlint: {
      version: oxlintSetup.version,
      threads,
      threadsOption: options.oxlintThreads,
      preset: relative(repoRoot, presetPath),
      recommendedRules: Object.keys(oxlintSetup.recommendedRules),
      bar: { ratio: Number(bar.toFixed(3)), of: 'eslint-baseline', goal: OXLINT_BAR, met: bar <= OXLINT_BAR },
    },
    // Issue 19's bar: the whole `recommended` (b) no slower than the peers' set (i), best rounds of one run.
    peers: { ratio: Number(peersRatio.toFixed(3)), of: 'eslint-peers-async', measured: 'eslint-recommended', goal: 1, met: peersRatio <= 1 },
    fixtures: fixtureTimings,
    scaling,
    largeDiff: largeDiff && { ...largeDiff, barMs: LARGE_DIFF_BAR_MS, met: largeDiff.diffBestMs < LARGE_DIFF_BAR_MS },
    cliScale,
    typed,
    project: project && { ...project, barMs: PROJECT_BAR_MS, met: project.best.programMs + project.best.planMs + project.best.applyMs <= PROJECT_BAR_MS },
    callbackProject: callbackProject && { ...callbackProject, barMs: PROJECT_BAR_MS, met: callbackProject.best.programMs + callbackProject.best.planMs + callbackProject.best.applyMs <= PROJECT_BAR_MS },
    warnings,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  const out = join(resultsDir, 'latest.json');
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log('');
  console.log(`Results written to ${relative(process.cwd(), out)} (${result.totalSeconds} s).`);
}

await main();
