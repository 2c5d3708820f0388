/**
 * The dry-run diff of one large file (`pnpm bench`'s large-file case): issue 22 measured 296 s to
 * print the diff of a 1 MB file with many changes (4.9 s with `-q`); the bar is under 5 s.
 *
 * A ~1 MB TypeScript file of many small async functions, each with two or three independent
 * `const x = await f(i);` lines, is rewritten once by `sequential-to-concurrent` at level `review`
 * (in memory, like `asyncwise migrate … --level review`), and then, in alternating rounds, its diff
 * is printed to a string exactly as the CLI prints it (`formatDiff`, no colours) and the same file
 * is parsed (`parseFile`). The parse is the baseline measured in the same process: the ratio
 * diff / parse says what printing the diff costs in units of reading the file once, which does not
 * depend on the machine the way milliseconds do.
 *
 * run.ts calls {@link timeLargeDiff}, which runs this file in a fresh `node` process:
 *   node --import tsx bench/large-diff.ts <bytes> <rounds>
 * and reads the one JSON line ({@link LargeDiffTiming}) it prints.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));

/** The bar of issue 22: the dry-run diff of a 1 MB file in under 5 s. */
export const LARGE_DIFF_BAR_MS = 5000;

export interface LargeDiffTiming {
  readonly bytes: number;
  readonly lines: number;
  readonly runsRewritten: number;
  /** One `run()` of the codemod on the file (what `-q` waits for, less reading and the idempotence check). */
  readonly transformMs: number;
  readonly diffBestMs: number;
  readonly diffSamplesMs: readonly number[];
  readonly diffLines: number;
  readonly parseBestMs: number;
  readonly parseSamplesMs: readonly number[];
  /** diffBestMs / parseBestMs. */
  readonly ratio: number;
}

/** The generated file: deterministic, `targetBytes` long or a function more. */
export function largeFile(targetBytes: number): string {
  const parts = ['declare function f(i: number): Promise<number>;\n\n'];
  let length = parts[0]?.length ?? 0;
  for (let i = 0; length < targetBytes; i++) {
    const awaits = 2 + (i % 2);
    const names = ['a', 'b', 'c'].slice(0, awaits);
    const body = names.map((name, k) => `  const ${name} = await f(${i * 3 + k});\n`).join('');
    const part = `export async function load${i}() {\n${body}  return ${names.join(' + ')};\n}\n\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** Runs the measurement in a fresh process, so that the heap and JIT state of others do not count. */
export function timeLargeDiff(bytes: number, rounds: number): LargeDiffTiming {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, 'large-diff.ts'), String(bytes), String(rounds)], {
    cwd: resolve(benchDir, '..'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lastLine = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !lastLine.startsWith('{')) {
    throw new Error(`the large-file diff measurement failed (exit ${child.status ?? child.signal}):\n${child.stderr.trim()}`);
  }
  return JSON.parse(lastLine) as LargeDiffTiming;
}

async function measure(bytes: number, rounds: number): Promise<LargeDiffTiming> {
  // The built packages, as in measure.ts: no `source` condition.
  const { parseFile } = await import('@asyncwise/analysis');
  const { colorsFor, formatDiff } = await import('@asyncwise/codemods');
  const { run } = await import('@asyncwise/codemods/transforms/sequential-to-concurrent');
  const before = largeFile(bytes);
  // Only named, never written: the diff's header shows it.
  const file = join(benchDir, 'large.ts');
  let started = performance.now();
  const result = run(before, file, { level: 'review' });
  const transformMs = performance.now() - started;
  const outcome = { file, status: 'changed' as const, changes: [], refusals: [], before, after: result.output, written: false };
  const colors = colorsFor({ isTTY: false });
  const diffSamples: number[] = [];
  const parseSamples: number[] = [];
  let diffLines = 0;
  for (let round = 0; round < rounds; round++) {
    started = performance.now();
    diffLines = formatDiff(outcome, benchDir, colors).split('\n').length;
    diffSamples.push(performance.now() - started);
    started = performance.now();
    parseFile(before, file);
    parseSamples.push(performance.now() - started);
  }
  const diffBestMs = Math.min(...diffSamples);
  const parseBestMs = Math.min(...parseSamples);
  return {
    bytes: before.length,
    lines: before.split('\n').length - 1,
    runsRewritten: result.changes.filter((c) => c.applied).length,
    transformMs: Math.round(transformMs),
    diffBestMs: Math.round(diffBestMs),
    diffSamplesMs: diffSamples.map(Math.round),
    diffLines,
    parseBestMs: Math.round(parseBestMs),
    parseSamplesMs: parseSamples.map(Math.round),
    ratio: Number((diffBestMs / parseBestMs).toFixed(2)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [bytes, rounds] = process.argv.slice(2).map(Number);
  if (!Number.isInteger(bytes) || !Number.isInteger(rounds) || (rounds ?? 0) < 1) {
    console.error('Usage: node --import tsx bench/large-diff.ts <bytes> <rounds>');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await measure(bytes as number, rounds as number))}\n`);
}
