/**
 * The project codemods at scale (part of `pnpm bench`; alone:
 * `node --import tsx bench/project.ts [folder] [--count 1000] [--runs 2]`, after a build).
 *
 * Over one TypeScript project (the first `--count` `.ts`/`.tsx` files of the generated corpus, or
 * of `folder`, under a tsconfig this script writes beside them in a temporary folder),
 * each project codemod as the CLI runs it (`add-abort-signal --all-exports`, `callback-to-async`),
 * each round a fresh `node` process timing its phases apart:
 *   program   the TypeScript program of the tsconfig (what every project codemod starts from)
 *   plan      phase 1: every edit over the whole program (`planSignalChain`, `planCallbackToAsync`)
 *   apply     phase 2: one batched edit per file, every output re-parsed (a dry run: nothing written)
 *   typecheck `--typecheck`: the project's errors before and after the rewrite
 * with the process's peak RSS. Issue 20's bar: the whole run within 60 s on this machine. The
 * generated corpus's imports resolve to nothing, so its chains are short: run it on a real project
 * for figures to quote.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultCorpusDir, ensureCorpus } from './corpus';
import { typeScriptFiles } from './typed';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');

/** Issue 20's bar for a 1,000-file project on this machine, planning and applying together. */
export const PROJECT_BAR_MS = 60_000;

export interface ProjectRun {
  readonly programMs: number;
  readonly planMs: number;
  readonly applyMs: number;
  readonly typecheckMs: number;
  readonly maxRssMiB: number;
  readonly functions: number;
  readonly changes: number;
  readonly refusals: number;
  readonly changedFiles: number;
  readonly newTypeErrors: number;
}

/** The project codemods measured, each planned as the CLI plans it. */
export const projectCodemodNames = ['add-abort-signal', 'callback-to-async'] as const;
export type ProjectCodemodName = (typeof projectCodemodNames)[number];

export interface ProjectResult {
  readonly codemod: ProjectCodemodName;
  readonly folder: string;
  readonly files: number;
  readonly best: ProjectRun;
}

/** One measured run in this process (the child's side): prints one JSON line. */
async function measureOnce(configPath: string, codemod: ProjectCodemodName): Promise<void> {
  const { projectProgram } = await import('@asyncwise/analysis');
  const { migrateProject, planAddAbortSignal, planCallbackToAsync } = await import('@asyncwise/codemods');
  let t = performance.now();
  projectProgram(configPath);
  const programMs = performance.now() - t;
  t = performance.now();
  const settings = { from: [], allExports: codemod === 'add-abort-signal', options: {}, cwd: dirname(configPath) };
  const plan = codemod === 'add-abort-signal' ? planAddAbortSignal(configPath, settings) : planCallbackToAsync(configPath, settings);
  const planMs = performance.now() - t;
  t = performance.now();
  const applied = await migrateProject(plan, { codemod, configPath, level: 'review', write: false, allowDirty: true, typecheck: false });
  const applyMs = performance.now() - t;
  t = performance.now();
  const checked = await migrateProject(plan, { codemod, configPath, level: 'review', write: false, allowDirty: true, typecheck: true });
  const typecheckMs = performance.now() - t - applyMs;
  const run: ProjectRun = {
    programMs,
    planMs,
    applyMs,
    typecheckMs: Math.max(0, typecheckMs),
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    functions: plan.functions.length,
    changes: plan.changes.length,
    refusals: plan.refusals.length,
    changedFiles: applied.outcomes.filter((o) => o.status === 'changed').length,
    newTypeErrors: checked.typeErrors.length,
  };
  console.log(JSON.stringify(run));
}

export function measureProject(folder: string, options: { runs: number; count: number; codemod?: ProjectCodemodName }): ProjectResult {
  const codemod = options.codemod ?? 'add-abort-signal';
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  const work = mkdtempSync(join(repoRoot, '.tmp', 'bench-project-'));
  try {
    const files = typeScriptFiles(folder, options.count).map((file) => join(folder, file));
    if (files.length === 0) throw new Error(`no TypeScript files under ${folder}`);
    const configPath = join(work, 'tsconfig.json');
    const tsconfig = {
      compilerOptions: { target: 'ES2022', lib: ['ES2024', 'DOM'], module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: true, types: [] },
      files,
    };
    writeFileSync(configPath, JSON.stringify(tsconfig));
    const runs: ProjectRun[] = [];
    for (let round = 0; round < options.runs; round++) {
      const child = spawnSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', join(benchDir, 'project.ts'), '--measure', configPath, codemod], {
        cwd: repoRoot,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (child.status !== 0) throw new Error(`${codemod} exited ${child.status ?? child.signal}: ${child.stderr.trim().split('\n').slice(-5).join(' ')}`);
      runs.push(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as ProjectRun);
    }
    const total = (r: ProjectRun) => r.programMs + r.planMs + r.applyMs;
    const best = runs.reduce((a, b) => (total(b) < total(a) ? b : a));
    return { codemod, folder, files: files.length, best };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function formatProject(r: ProjectResult): string {
  const b = r.best;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const whole = b.programMs + b.planMs + b.applyMs;
  return [
    `${r.codemod === 'add-abort-signal' ? 'add-abort-signal --all-exports' : r.codemod} over ${r.files} TypeScript files of ${relative(repoRoot, r.folder) || r.folder} as one project (best round, a fresh process each):`,
    `  program ${s(b.programMs)}, plan ${s(b.planMs)}, apply (dry run, outputs re-parsed) ${s(b.applyMs)}; --typecheck adds ${s(b.typecheckMs)}; peak ${b.maxRssMiB.toFixed(0)} MiB`,
    `  ${b.functions} functions ${r.codemod === 'add-abort-signal' ? 'on chains' : 'made async'}, ${b.changes} changes in ${b.changedFiles} files, ${b.refusals} refusals, ${b.newTypeErrors} new type errors`,
    `  program + plan + apply: ${s(whole)} (bar: within ${s(PROJECT_BAR_MS)}, ${whole <= PROJECT_BAR_MS ? 'met' : 'NOT met'} here)`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') {
    const configPath = args[1];
    const codemod = projectCodemodNames.find((name) => name === args[2]);
    if (!configPath || !codemod) {
      console.error(`Usage: node --import tsx bench/project.ts --measure <tsconfig.json> <${projectCodemodNames.join('|')}>`);
      process.exit(2);
    }
    await measureOnce(configPath, codemod);
  } else {
    const value = (flag: string) => {
      const at = args.indexOf(flag);
      return at >= 0 ? args[at + 1] : undefined;
    };
    const valued = new Set(['--runs', '--count'].flatMap((flag) => (args.includes(flag) ? [args.indexOf(flag) + 1] : [])));
    const folderArg = args.find((a, i) => !a.startsWith('--') && !valued.has(i));
    const folder = folderArg === undefined ? ensureCorpus({ outDir: defaultCorpusDir }).outDir : resolve(folderArg);
    for (const codemod of projectCodemodNames) {
      const result = measureProject(folder, { runs: Number(value('--runs') ?? 2), count: Number(value('--count') ?? 1000), codemod });
      console.log(formatProject(result));
      console.log(JSON.stringify(result));
    }
  }
}
