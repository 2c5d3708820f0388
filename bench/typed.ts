/**
 * Typed linting, as ratios measured in one run (part of `pnpm bench`; alone:
 * `node --import tsx bench/typed.ts [folder] [--project tsconfig.json] [--runs 2] [--count 300]`, after a build).
 *
 * Over one TypeScript project (by default the first `--count` `.ts`/`.tsx` files of the generated
 * corpus, under a tsconfig this script writes beside them in a temporary folder), each measurement
 * a fresh `node` process timing one ESLint pass with typescript-eslint's parser and
 * `parserOptions.project`, so every file is parsed into a TypeScript program:
 *   T0  typed parse-only: the program, no rules;
 *   T1  typescript-eslint's typed promise rules that asyncwise has twins of (read from the
 *       migration table, `packages/eslint-plugin/src/migration.ts`), default options;
 *   T2  asyncwise's twins of the same rules, default options, with the type checker;
 *   T3  asyncwise's `recommended-type-checked`, with the type checker.
 * The issue's target: T2 no slower than T1. Rounds are interleaved; ratios use each one's best round.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Linter } from 'eslint';
import { defaultCorpusDir, ensureCorpus } from './corpus';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');

export const typedMeasurementNames = ['typed-parse-only', 'typed-typescript-eslint', 'typed-asyncwise-twins', 'typed-asyncwise-recommended'] as const;
export type TypedMeasurementName = (typeof typedMeasurementNames)[number];

const labels: Record<TypedMeasurementName, string> = {
  'typed-parse-only': 'T0. typed parse-only (TypeScript program, no rules)',
  'typed-typescript-eslint': "T1. typescript-eslint's typed promise rules",
  'typed-asyncwise-twins': "T2. asyncwise's twins of T1, typed",
  'typed-asyncwise-recommended': 'T3. asyncwise recommended-type-checked',
};

export interface TypedRun {
  readonly ms: number;
  /** CPU time of the pass (user + system), less moved by other load on the machine than wall time. */
  readonly cpuMs: number;
  readonly files: number;
  readonly fatal: number;
  readonly reports: number;
  readonly reportsByRule: Readonly<Record<string, number>>;
  readonly maxRssMiB: number;
}

export interface TypedResult {
  readonly folder: string;
  readonly project: string;
  readonly files: number;
  /** typescript-eslint rule → its asyncwise twin, both compared in T1/T2. */
  readonly pairs: Readonly<Record<string, string>>;
  readonly best: Readonly<Record<TypedMeasurementName, TypedRun>>;
}

/** typescript-eslint's rules that asyncwise has a twin of, from the migration table (the one place that says so). */
async function twinPairs(): Promise<Record<string, string>> {
  const { migrationTable } = await import('../packages/eslint-plugin/src/migration');
  const pairs: Record<string, string> = {};
  for (const row of migrationTable) {
    if (row.plugin === 'typescript-eslint' && 'twin' in row.asyncwise) pairs[row.rule] = row.asyncwise.twin;
  }
  return pairs;
}

/** One measurement inside this process: prints one JSON line. */
async function measure(name: TypedMeasurementName, listFile: string): Promise<void> {
  const list = JSON.parse(readFileSync(listFile, 'utf8')) as { root: string; project: string; files: string[] };
  const inputs = list.files.map((path) => ({ path: join(list.root, path), text: readFileSync(join(list.root, path), 'utf8') }));
  const { Linter: LinterClass } = await import('eslint');
  const tseslint = (await import('typescript-eslint')).default;
  const pairs = await twinPairs();
  let rules: Linter.Config = {};
  if (name === 'typed-typescript-eslint') {
    rules = {
      plugins: { '@typescript-eslint': tseslint.plugin },
      rules: Object.fromEntries(Object.keys(pairs).map((rule) => [`@typescript-eslint/${rule}`, 'error'])),
    };
  } else if (name === 'typed-asyncwise-twins' || name === 'typed-asyncwise-recommended') {
    const plugin = (await import('eslint-plugin-asyncwise')).default;
    const config = plugin.configs['recommended-type-checked'];
    rules =
      name === 'typed-asyncwise-twins'
        ? { plugins: { asyncwise: plugin as never }, rules: Object.fromEntries([...new Set(Object.values(pairs))].map((rule) => [`asyncwise/${rule}`, 'error'])) }
        : { plugins: config.plugins as Linter.Config['plugins'], rules: config.rules };
  }
  const linter = new LinterClass({ configType: 'flat', cwd: list.root });
  const config: Linter.Config[] = [
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
    {
      files: ['**/*.{ts,tsx,mts,cts}'],
      languageOptions: {
        parser: tseslint.parser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { project: list.project, tsconfigRootDir: dirname(list.project), ecmaFeatures: { jsx: true } },
      },
      ...rules,
    },
  ];
  let fatal = 0;
  let reports = 0;
  const reportsByRule: Record<string, number> = {};
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const input of inputs) {
    for (const message of linter.verify(input.text, config, { filename: input.path })) {
      if (message.fatal) fatal++;
      else if (message.ruleId) {
        reports++;
        reportsByRule[message.ruleId] = (reportsByRule[message.ruleId] ?? 0) + 1;
      }
    }
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const run: TypedRun = { ms, cpuMs: (used.user + used.system) / 1000, files: inputs.length, fatal, reports, reportsByRule, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

/** The `.ts`/`.tsx` files under `folder` (no `node_modules`, no `.d.ts`), sorted, at most `count`, relative to it; also bench/project.ts's project. */
export function typeScriptFiles(folder: string, count: number): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= count) return;
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) found.push(relative(folder, path));
    }
  };
  visit(folder);
  return found;
}

export async function measureTyped(folder: string, options: { runs: number; count: number; project?: string }): Promise<TypedResult> {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  const work = mkdtempSync(join(repoRoot, '.tmp', 'bench-typed-'));
  try {
    const files = typeScriptFiles(folder, options.count);
    if (files.length === 0) throw new Error(`no TypeScript files under ${folder}`);
    // Without a project of its own, the files form one: strict, ES2024, no imports resolved beyond them.
    const project =
      options.project ??
      (() => {
        const path = join(work, 'tsconfig.json');
        const tsconfig = {
          compilerOptions: { target: 'ES2022', lib: ['ES2024', 'DOM'], module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: true, types: [] },
          files: files.map((f) => join(folder, f)),
        };
        writeFileSync(path, JSON.stringify(tsconfig));
        return path;
      })();
    const list = join(work, 'files.json');
    writeFileSync(list, JSON.stringify({ root: folder, project, files }));
    const samples = Object.fromEntries(typedMeasurementNames.map((n) => [n, [] as TypedRun[]])) as Record<TypedMeasurementName, TypedRun[]>;
    for (let round = 0; round < options.runs; round++) {
      // Each round starts one measurement later, so none always runs first (on a cold disk cache) or last.
      const order = typedMeasurementNames.map((_, i) => typedMeasurementNames[(i + round) % typedMeasurementNames.length] as TypedMeasurementName);
      for (const name of order) {
        // A whole project's program (renovate's with checkJs: every file of the repository) outgrows node's default heap.
        const child = spawnSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', join(benchDir, 'typed.ts'), '--measure', name, list], {
          cwd: repoRoot,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        if (child.status !== 0) throw new Error(`${name} exited ${child.status ?? child.signal}: ${child.stderr.trim().split('\n').slice(-5).join(' ')}`);
        samples[name].push(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as TypedRun);
      }
    }
    const best = Object.fromEntries(
      typedMeasurementNames.map((n) => [n, samples[n].reduce((a, b) => (b.ms < a.ms ? b : a))]),
    ) as Record<TypedMeasurementName, TypedRun>;
    return { folder, project, files: files.length, pairs: await twinPairs(), best };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function formatTyped(r: TypedResult): string {
  const b = r.best;
  const row = (name: TypedMeasurementName) => {
    const run = b[name];
    const fatal = run.fatal > 0 ? `  ${run.fatal} files failed to parse` : '';
    return `  ${labels[name].padEnd(52)} ${(run.ms / 1000).toFixed(2).padStart(7)} s  CPU ${(run.cpuMs / 1000).toFixed(2).padStart(6)} s  ${String(run.reports).padStart(6)} reports  peak ${run.maxRssMiB.toFixed(0)} MiB${fatal}`;
  };
  const ratio = (a: TypedMeasurementName, of: TypedMeasurementName) => (b[a].ms / b[of].ms).toFixed(2);
  const cpuRatio = (a: TypedMeasurementName, of: TypedMeasurementName) => (b[a].cpuMs / b[of].cpuMs).toFixed(2);
  const twins = b['typed-asyncwise-twins'].ms <= b['typed-typescript-eslint'].ms;
  const byRule = (run: TypedRun) =>
    Object.entries(run.reportsByRule)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([rule, n]) => `${rule} ${n}`)
      .join(', ') || 'none';
  return [
    `typed lint over ${r.files} TypeScript files of ${r.folder} (project ${r.project}; best of the rounds, one pass in a warm process):`,
    ...typedMeasurementNames.map(row),
    `  rules compared (typescript-eslint → asyncwise): ${Object.entries(r.pairs).map(([t, a]) => (t === a ? t : `${t} → ${a}`)).join(', ')}`,
    `  T2/T1 = ${ratio('typed-asyncwise-twins', 'typed-typescript-eslint')}× (target ≤ 1×, ${twins ? 'met' : 'NOT met'} here); ` +
      `T1/T0 = ${ratio('typed-typescript-eslint', 'typed-parse-only')}×, T2/T0 = ${ratio('typed-asyncwise-twins', 'typed-parse-only')}×, T3/T0 = ${ratio('typed-asyncwise-recommended', 'typed-parse-only')}×`,
    `  CPU time: T2/T1 = ${cpuRatio('typed-asyncwise-twins', 'typed-typescript-eslint')}×, T1/T0 = ${cpuRatio('typed-typescript-eslint', 'typed-parse-only')}×, T2/T0 = ${cpuRatio('typed-asyncwise-twins', 'typed-parse-only')}×`,
    `  reports T1: ${byRule(b['typed-typescript-eslint'])}`,
    `  reports T2: ${byRule(b['typed-asyncwise-twins'])}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') {
    const [, name, listFile] = args;
    if (!name || !listFile || !(typedMeasurementNames as readonly string[]).includes(name)) {
      console.error(`Usage: node --import tsx bench/typed.ts --measure <${typedMeasurementNames.join('|')}> <files.json>`);
      process.exit(2);
    }
    await measure(name as TypedMeasurementName, listFile);
  } else {
    const value = (flag: string) => {
      const at = args.indexOf(flag);
      return at >= 0 ? args[at + 1] : undefined;
    };
    const valued = new Set(['--runs', '--count', '--project'].flatMap((flag) => (args.includes(flag) ? [args.indexOf(flag) + 1] : [])));
    const folderArg = args.find((a, i) => !a.startsWith('--') && !valued.has(i));
    const folder = folderArg === undefined ? ensureCorpus({ outDir: defaultCorpusDir }).outDir : resolve(folderArg);
    const project = value('--project');
    const result = await measureTyped(folder, {
      runs: Number(value('--runs') ?? 2),
      count: Number(value('--count') ?? 300),
      ...(project ? { project: resolve(project) } : {}),
    });
    console.log(formatTyped(result));
    console.log(JSON.stringify(result));
  }
}
