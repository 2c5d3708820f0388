/**
 * The `asyncwise` CLI at scale, as ratios measured in one run (part of `pnpm bench`; alone:
 * `node --import tsx bench/cli-scale.ts [folder] [--runs 3]`, after a build).
 *
 * Over the generated corpus (or `folder`), whole `asyncwise migrate sequential-to-concurrent
 * --level review --quiet` dry runs, each a fresh process, interleaved round by round:
 *   j1      --jobs 1 (one thread)
 *   j2      --jobs 2 (two worker threads)
 *   cache1  --jobs 1 --cache with an empty cache, at level safe (nothing to write, so every file is kept)
 *   cache2  the same again: every file unchanged since cache1
 * and the in-memory parse-only pass of bench/measure.ts over the same files (`parseFile`, reading
 * excluded), the reference for the per-core cost. Ratios use each one's best round; CPU time and
 * peak RSS come from the process's own `process.resourceUsage()` at exit (worker threads included).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultCorpusDir, ensureCorpus } from './corpus';
import type { Measurement } from './measurement';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');
const cliPath = join(repoRoot, 'packages/codemods/bin/asyncwise.js');
const resourceUsagePreload = pathToFileURL(join(benchDir, 'oxlint-resource-usage.mjs')).href;

/** The bars: --jobs 2 against --jobs 1, the CLI per core against parsing, a cached rerun against the first. */
export const CLI_BARS = { jobsSpeedup: 1.7, perCoreOverParse: 1.5, cachedRerun: 0.1 } as const;

export interface CliRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMiB: number;
}

export interface CliScaleResult {
  readonly folder: string;
  readonly files: number;
  readonly best: Readonly<Record<'j1' | 'j2' | 'cache1' | 'cache2', CliRun>>;
  readonly parseOnlyMs: number;
  /** files/s of j2 over files/s of j1. */
  readonly jobsSpeedup: number;
  /** j1's wall time over the parse-only pass (one core each; j1 also starts node, discovers and reads files). */
  readonly perCoreOverParse: number;
  /** cache2's wall time over cache1's. */
  readonly cachedRerun: number;
}

function runCli(folder: string, work: string, args: readonly string[], level: 'safe' | 'review' = 'review'): CliRun {
  const usageFile = join(work, 'usage.json');
  rmSync(usageFile, { force: true });
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--import', resourceUsagePreload, cliPath, 'migrate', 'sequential-to-concurrent', '.', '--level', level, '--quiet', '--no-progress', ...args],
    { cwd: folder, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, BENCH_RESOURCE_USAGE_FILE: usageFile } },
  );
  const wallMs = performance.now() - started;
  // Exit 1 is a file that failed to parse in the folder: measured all the same.
  if (child.status !== 0 && child.status !== 1) throw new Error(`asyncwise ${args.join(' ')} exited ${child.status}: ${child.stderr.trim()}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
  return { wallMs, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMiB: usage.maxRSS / 1024 };
}

function parseOnly(folder: string, files: readonly string[], work: string): number {
  const list = join(work, 'files.json');
  writeFileSync(list, JSON.stringify({ root: folder, files }));
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, 'measure.ts'), 'parse-only', list], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`parse-only failed: ${child.stderr.trim()}`);
  return (JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Measurement).ms;
}

export function measureCliScale(folder: string, runs: number): CliScaleResult {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  const work = mkdtempSync(join(repoRoot, '.tmp', 'bench-cli-'));
  try {
    // The files the CLI migrates, from its own report, so parse-only reads the same set.
    const reportPath = join(work, 'report.json');
    runCli(folder, work, ['--jobs', '1', '--report', reportPath]);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { files: { path: string; status: string }[] };
    const files = report.files.filter((f) => f.status !== 'skipped').map((f) => f.path);
    const samples: Record<keyof CliScaleResult['best'], CliRun[]> = { j1: [], j2: [], cache1: [], cache2: [] };
    const parseSamples: number[] = [];
    for (let round = 0; round < runs; round++) {
      samples.j1.push(runCli(folder, work, ['--jobs', '1']));
      samples.j2.push(runCli(folder, work, ['--jobs', '2']));
      const cache = join(work, `cache-${round}`);
      // At level safe, where this codemod (review only) writes nothing, so every file can be kept:
      // a file with a change to apply is analysed on every run, cache or not.
      samples.cache1.push(runCli(folder, work, ['--jobs', '1', '--cache', '--cache-location', cache], 'safe'));
      samples.cache2.push(runCli(folder, work, ['--jobs', '1', '--cache', '--cache-location', cache], 'safe'));
      parseSamples.push(parseOnly(folder, files, work));
    }
    const bestOf = (list: readonly CliRun[]) => list.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
    const best = { j1: bestOf(samples.j1), j2: bestOf(samples.j2), cache1: bestOf(samples.cache1), cache2: bestOf(samples.cache2) };
    const parseOnlyMs = Math.min(...parseSamples);
    return {
      folder,
      files: files.length,
      best,
      parseOnlyMs,
      jobsSpeedup: best.j1.wallMs / best.j2.wallMs,
      perCoreOverParse: best.j1.wallMs / parseOnlyMs,
      cachedRerun: best.cache2.wallMs / best.cache1.wallMs,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function formatCliScale(r: CliScaleResult): string {
  const perSecond = (run: CliRun) => `${Math.round((r.files / run.wallMs) * 1000)} files/s`;
  const row = (name: string, run: CliRun) =>
    `  ${name.padEnd(34)} ${(run.wallMs / 1000).toFixed(2).padStart(7)} s  ${perSecond(run).padStart(12)}  CPU ${(run.cpuMs / 1000).toFixed(2)} s  peak ${run.maxRssMiB.toFixed(0)} MiB`;
  const bar = (value: number, target: number, higher: boolean) => `${value.toFixed(2)}× (target ${higher ? '≥' : '≤'} ${target}×, ${(higher ? value >= target : value <= target) ? 'met' : 'NOT met'} here)`;
  return [
    `asyncwise CLI over ${r.files} files of ${r.folder} (best of the rounds, wall time):`,
    row('--jobs 1', r.best.j1),
    row('--jobs 2', r.best.j2),
    row('--cache, first run (level safe)', r.best.cache1),
    row('--cache, second run (level safe)', r.best.cache2),
    `  parse-only pass (in memory, one core)  ${(r.parseOnlyMs / 1000).toFixed(2)} s`,
    `  --jobs 2 / --jobs 1 throughput: ${bar(r.jobsSpeedup, CLI_BARS.jobsSpeedup, true)}`,
    `  --jobs 1 / parse-only:          ${bar(r.perCoreOverParse, CLI_BARS.perCoreOverParse, false)}`,
    `  second --cache run / first:     ${bar(r.cachedRerun, CLI_BARS.cachedRerun, false)}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const folderArg = args.find((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
  const folder = folderArg === undefined ? ensureCorpus({ outDir: defaultCorpusDir }).outDir : resolve(folderArg);
  const result = measureCliScale(folder, runs);
  console.log(formatCliScale(result));
  console.log(JSON.stringify(result));
}
