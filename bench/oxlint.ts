/**
 * The oxlint measurements of `pnpm bench`: a whole `oxlint` run in a fresh child process, over the
 * same files as the ESLint measurements, timed from spawn to exit.
 *
 *   oxlint-alone        oxlint with no rule at all (built-in categories off, no JS plugin): its floor
 *   oxlint-js-floor     oxlint with one JS rule of the bench's own that asks for every file's scope
 *                       manager and does nothing else: the least any JS plugin that reads scopes
 *                       pays (the AST handed to JS, the scope analysis run in JS, their GC)
 *   oxlint-recommended  oxlint with asyncwise's `configs.recommended` as a JS plugin, built-in rules off
 *
 * oxlint's bin is a Node script; the Rust linter (a native addon) and the JS plugins run in that one
 * process. It is started as `node --import bench/oxlint-resource-usage.mjs <bin> …`, so the process
 * writes its own `process.resourceUsage()` (exact peak RSS and CPU time) when it exits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Measurement, OxlintMeasurementName } from './measurement';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');
const oxlintPackageDir = join(repoRoot, 'node_modules/oxlint');
const oxlintBin = join(oxlintPackageDir, 'bin/oxlint');
const resourceUsagePreload = join(benchDir, 'oxlint-resource-usage.mjs');
/** The preset users extend; its `jsPlugins` are used, its rules only compared with `configs.recommended`. */
export const presetPath = join(repoRoot, 'packages/eslint-plugin/oxlint/recommended.json');

/** Linux allows ~2 MiB of arguments and environment; stay well below. */
const MAX_ARGUMENT_BYTES = 1024 * 1024;
const MAX_SAMPLES = 10;

type RuleEntry = string | number | readonly unknown[];

export interface OxlintSetup {
  readonly version: string;
  /** The config file of each measurement (written to the bench's temporary folder). */
  readonly configs: Readonly<Record<OxlintMeasurementName, string>>;
  /** `configs.recommended.rules` of the built plugin: what `oxlint-recommended` and `eslint-recommended` enable. */
  readonly recommendedRules: Readonly<Record<string, RuleEntry>>;
  /** `--threads` given to oxlint, or null for oxlint's default (one per core). */
  readonly threads: number | null;
  /** Things the summary must show: a missing or stale preset. */
  readonly warnings: readonly string[];
}

function enabledRules(rules: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(rules)
    .filter(([, entry]) => {
      const level: unknown = Array.isArray(entry) ? (entry as unknown[])[0] : entry;
      return level !== 'off' && level !== 0;
    })
    .map(([name]) => name)
    .sort();
}

/** A `jsPlugins` entry that is a relative path is made absolute: the configs live in another folder than the preset. */
function relocateJsPlugin(entry: unknown, fromDir: string): unknown {
  const fix = (specifier: string) => (specifier.startsWith('.') ? resolve(fromDir, specifier) : specifier);
  if (typeof entry === 'string') return fix(entry);
  if (entry && typeof entry === 'object' && typeof (entry as { specifier?: unknown }).specifier === 'string') {
    const object = entry as { specifier: string };
    return { ...object, specifier: fix(object.specifier) };
  }
  return entry;
}

/**
 * Writes the two oxlint configs into `workDir` (inside the repository, so that a bare `jsPlugins`
 * name such as `eslint-plugin-asyncwise` resolves from the root's `node_modules` to the built plugin,
 * as it does for the preset). The rules come from the built plugin's `configs.recommended`, read now.
 */
export async function prepareOxlint(workDir: string, threads: number | null): Promise<OxlintSetup> {
  if (!existsSync(oxlintBin)) throw new Error(`oxlint is not installed (no ${relative(repoRoot, oxlintBin)}): run pnpm install`);
  const version = (JSON.parse(readFileSync(join(oxlintPackageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const plugin = (await import('eslint-plugin-asyncwise')).default;
  const recommendedRules = (plugin.configs.recommended.rules ?? {}) as Record<string, RuleEntry>;
  if (enabledRules(recommendedRules).length === 0) throw new Error('configs.recommended of eslint-plugin-asyncwise enables no rule');
  const warnings: string[] = [];

  let preset: { jsPlugins?: unknown[]; rules?: Record<string, unknown> } = {};
  if (existsSync(presetPath)) {
    try {
      preset = JSON.parse(readFileSync(presetPath, 'utf8')) as typeof preset;
    } catch (error) {
      throw new Error(`cannot read the oxlint preset ${relative(repoRoot, presetPath)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    warnings.push(`WARNING: no oxlint preset at ${relative(repoRoot, presetPath)}; measured jsPlugins ["eslint-plugin-asyncwise"].`);
  }
  const jsPlugins = (preset.jsPlugins ?? ['eslint-plugin-asyncwise']).map((entry) => relocateJsPlugin(entry, dirname(presetPath)));
  const presetRules = enabledRules(preset.rules ?? {});
  const configRules = enabledRules(recommendedRules);
  if (existsSync(presetPath) && presetRules.join() !== configRules.join()) {
    warnings.push(
      `WARNING: the oxlint preset ${relative(repoRoot, presetPath)} enables [${presetRules.join(', ')}] but configs.recommended enables ` +
        `[${configRules.join(', ')}]: the preset is stale. Both ESLint and oxlint were measured with configs.recommended.`,
    );
  }

  // Every built-in rule off: no default plugins, no categories. Like the ESLint measurements'
  // `noInlineConfig`, a file's own `eslint-disable` comments must not change what is measured.
  const base = { plugins: [], categories: { correctness: 'off' }, options: { respectEslintDisableDirectives: false } };
  const configs: Record<OxlintMeasurementName, string> = {
    'oxlint-alone': join(workDir, 'oxlint-alone.json'),
    'oxlint-js-floor': join(workDir, 'oxlint-js-floor.json'),
    'oxlint-recommended': join(workDir, 'oxlint-recommended.json'),
  };
  writeFileSync(configs['oxlint-alone'], `${JSON.stringify(base, null, 2)}\n`);
  const floorPlugin = join(workDir, 'bench-js-floor-plugin.mjs');
  writeFileSync(floorPlugin, floorPluginSource);
  writeFileSync(configs['oxlint-js-floor'], `${JSON.stringify({ ...base, jsPlugins: [floorPlugin], rules: { [floorRule]: 'error' } }, null, 2)}\n`);
  writeFileSync(configs['oxlint-recommended'], `${JSON.stringify({ ...base, jsPlugins, rules: recommendedRules }, null, 2)}\n`);
  return { version, configs, recommendedRules, threads, warnings };
}

/** The JS-plugin floor's one rule: asks for the scope manager (oxlint builds it on first use), reports nothing. */
const floorRule = 'bench/scopes';
const floorPluginSource = `export default {
  meta: { name: 'bench' },
  rules: { scopes: { create: (context) => ({ Program(node) { context.sourceCode.getScope(node); } }) } },
};
`;

interface OxlintDiagnostic {
  readonly message: string;
  readonly code?: string;
  readonly severity?: string;
  readonly filename: string;
  readonly labels?: readonly { readonly span: { readonly line: number; readonly column: number } }[];
}

interface OxlintOutput {
  readonly diagnostics: readonly OxlintDiagnostic[];
  readonly number_of_files: number;
  readonly number_of_rules: number | null;
  readonly threads_count: number;
  readonly start_time: number;
}

/**
 * Runs oxlint once over `files` (relative to `root`, named one by one so that oxlint lints exactly
 * the files the ESLint measurements lint: no directory walk, no `.gitignore`, no nested config) and
 * checks the result. Throws on anything but a clean run: an unexpected exit status, a file count that
 * differs, a rule count that differs, or any diagnostic that is not an asyncwise report (a crashing
 * JS rule: "Error running JS plugin…"; a file oxlint's parser or semantic analysis rejects, on which
 * oxlint then runs no rule at all).
 */
export function runOxlint(name: OxlintMeasurementName, setup: OxlintSetup, root: string, files: readonly string[], workDir: string): Measurement {
  const usageFile = join(workDir, `${name}.resource-usage.json`);
  rmSync(usageFile, { force: true });
  const args = [
    '--import',
    pathToFileURL(resourceUsagePreload).href,
    oxlintBin,
    '-c',
    setup.configs[name],
    '-f',
    'json',
    '--disable-nested-config',
    ...(setup.threads === null ? [] : [`--threads=${setup.threads}`]),
    '--',
    ...files,
  ];
  const argumentBytes = args.reduce((sum, a) => sum + Buffer.byteLength(a) + 1, 0);
  if (argumentBytes > MAX_ARGUMENT_BYTES) {
    throw new Error(`${name}: ${files.length} files make a ${Math.round(argumentBytes / 1024)} KiB oxlint command line, too long; bench a smaller folder`);
  }

  const started = performance.now();
  const child = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, BENCH_RESOURCE_USAGE_FILE: usageFile },
  });
  const ms = performance.now() - started;

  const fail = (why: string): never => {
    throw new Error(
      `measurement ${name} failed: ${why}\n  command (cwd ${root}): node ${args.slice(0, 9).join(' ')} … (${files.length} files)` +
        (child.stderr.trim() ? `\n  stderr: ${child.stderr.trim().split('\n').slice(0, 20).join('\n          ')}` : ''),
    );
  };
  if (child.error) fail(child.error.message);
  if (child.status !== 0 && child.status !== 1) fail(`oxlint exited with ${child.status ?? child.signal}`);
  let output: OxlintOutput;
  try {
    output = JSON.parse(child.stdout) as OxlintOutput;
  } catch {
    return fail(`oxlint printed no JSON report:\n${child.stdout.slice(0, 2000)}`);
  }
  if (output.number_of_files !== files.length) {
    fail(`oxlint linted ${output.number_of_files} files, the bench gave it ${files.length}`);
  }
  const expectedRules = name === 'oxlint-alone' ? 0 : name === 'oxlint-js-floor' ? 1 : enabledRules(setup.recommendedRules).length;
  if ((output.number_of_rules ?? 0) !== expectedRules) {
    fail(`oxlint ran ${output.number_of_rules} rules, expected ${expectedRules}`);
  }

  const at = (d: OxlintDiagnostic) => `${relative(root, resolve(root, d.filename))}:${d.labels?.[0]?.span.line ?? 0}`;
  const foreign = output.diagnostics.filter((d) => name !== 'oxlint-recommended' || !d.code?.startsWith('asyncwise('));
  if (foreign.length > 0) {
    const crashes = foreign.filter((d) => d.message.startsWith('Error running JS plugin')).length;
    fail(
      `${foreign.length} diagnostic(s) that are not asyncwise reports` +
        (crashes > 0 ? ` (${crashes} "Error running JS plugin": an asyncwise rule crashed under oxlint)` : ' (oxlint rejects these files and runs no rule on them)') +
        `:\n    ${foreign
          .slice(0, MAX_SAMPLES)
          .map((d) => `${at(d)} ${d.code ?? '(no code)'}: ${d.message.split('\n').slice(0, 3).join(' | ')}`)
          .join('\n    ')}`,
    );
  }
  const expectedStatus = output.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  if (child.status !== expectedStatus) fail(`oxlint exited with ${child.status}, expected ${expectedStatus} for ${output.diagnostics.length} diagnostic(s)`);

  if (!existsSync(usageFile)) fail(`the oxlint process did not write its resource usage (${usageFile})`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;

  const reportsByRule: Record<string, number> = {};
  const reportLocations: string[] = [];
  for (const d of output.diagnostics) {
    const rule = (d.code as string).replace(/^asyncwise\((.*)\)$/, 'asyncwise/$1');
    reportsByRule[rule] = (reportsByRule[rule] ?? 0) + 1;
    reportLocations.push(`${at(d)} ${rule}`);
  }
  return {
    name,
    ms,
    files: output.number_of_files,
    errors: 0,
    errorSamples: [],
    reports: output.diagnostics.length,
    reportsByRule,
    reportLocations,
    applied: 0,
    notApplied: 0,
    refusals: 0,
    maxRssKiB: usage.maxRSS,
    oxlint: {
      reportedMs: output.start_time * 1000,
      threads: output.threads_count,
      rules: output.number_of_rules ?? 0,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      exitCode: child.status ?? -1,
    },
  };
}

export interface ReportDifference {
  /** Reports only one side made, `path:line rule`, at most `cap` each. */
  readonly eslintOnly: readonly string[];
  readonly oxlintOnly: readonly string[];
  readonly eslintOnlyCount: number;
  readonly oxlintOnlyCount: number;
}

/** The reports (as `path:line rule`, a multiset) that ESLint and oxlint do not share. */
export function compareReports(eslint: readonly string[], oxlint: readonly string[], cap = MAX_SAMPLES): ReportDifference {
  const remaining = new Map<string, number>();
  for (const r of oxlint) remaining.set(r, (remaining.get(r) ?? 0) + 1);
  const eslintOnly: string[] = [];
  for (const r of eslint) {
    const n = remaining.get(r) ?? 0;
    if (n > 0) remaining.set(r, n - 1);
    else eslintOnly.push(r);
  }
  const oxlintOnly = [...remaining].flatMap(([r, n]) => Array<string>(n).fill(r));
  const byPosition = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return {
    eslintOnly: eslintOnly.sort(byPosition).slice(0, cap),
    oxlintOnly: oxlintOnly.sort(byPosition).slice(0, cap),
    eslintOnlyCount: eslintOnly.length,
    oxlintOnlyCount: oxlintOnly.length,
  };
}
