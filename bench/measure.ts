/**
 * One measurement of `pnpm bench`, run by `bench/run.ts` in a fresh `node` process so that its
 * peak memory is its own. Reads every file first, then times one pass over all of them and prints
 * one JSON line (a {@link Measurement}) on stdout.
 *
 * Usage: node --import tsx bench/measure.ts <eslint-baseline|eslint-empty-rule|eslint-recommended|parse-only|codemod|codemod-then|
 *        codemod-foreach|codemod-callbacks|codemod-wrappers|codemod-loops|codemod-fanouts|codemod-races|codemod-sync|codemod-pipes|codemod-using|eslint-promise-recommended|eslint-promise-compat|eslint-peers-async> <files.json>
 * where files.json is `{ "root": "<dir>", "files": ["<path relative to root>", …] }`.
 * (The oxlint measurements time a whole `oxlint` process instead: `bench/oxlint.ts`.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Linter } from 'eslint';
import { type InProcessMeasurementName, type Measurement, inProcessMeasurementNames } from './measurement';

interface Input {
  readonly path: string;
  readonly text: string;
}

interface Counts {
  errors: number;
  errorSamples: string[];
  reports: number;
  reportsByRule: Record<string, number>;
  reportLocations: string[];
  applied: number;
  notApplied: number;
  refusals: number;
}

/** What the bench reads of eslint-plugin-promise (it ships no types). */
interface PromisePlugin {
  configs: { 'flat/recommended': Linter.Config };
}

/**
 * The async rules of eslint-plugin-unicorn that issue 19 names (each exists in unicorn 80), the
 * unicorn half of the peers' set a team would replace with asyncwise: `prefer-await` and
 * `no-multiple-promise-resolver-calls` are the unicorn names of two eslint-plugin-promise checks.
 */
const unicornAsyncRules = [
  'no-await-expression-member',
  'no-await-in-promise-methods',
  'no-single-promise-in-promise-methods',
  'no-useless-promise-resolve-reject',
  'prefer-top-level-await',
  'no-thenable',
  'no-async-promise-finally',
  'no-unsafe-promise-all-settled-values',
  'prefer-promise-with-resolvers',
  'prefer-promise-try',
  'prefer-promise-static-methods',
  'prefer-array-from-async',
  'prefer-queue-microtask',
  'prefer-await',
  'no-multiple-promise-resolver-calls',
] as const;

type Pass = (inputs: readonly Input[], counts: Counts) => void;

const MAX_SAMPLES = 5;

function noteError(counts: Counts, path: string, message: string): void {
  counts.errors++;
  if (counts.errorSamples.length < MAX_SAMPLES) counts.errorSamples.push(`${path}: ${message.split('\n')[0]}`);
}

/**
 * ESLint's `Linter` with typescript-eslint's parser (no type information): no rules, one empty rule,
 * asyncwise's `configs.recommended` from the built plugin (so the measurement follows the config as
 * rules are added), eslint-plugin-promise's `flat/recommended`, asyncwise's `promise-compat` (its twins),
 * or the peers' set: eslint-plugin-promise's `flat/recommended` with unicorn's async rules, as one config.
 */
async function eslintPass(root: string, withRule: 'none' | 'empty' | 'recommended' | 'promise' | 'promise-compat' | 'peers'): Promise<Pass> {
  // Imported here, not at the top: each measurement loads only what it measures, for a clean peak RSS.
  const { Linter: LinterClass } = await import('eslint');
  const tseslint = (await import('typescript-eslint')).default;
  const plugin = withRule === 'recommended' || withRule === 'promise-compat' ? (await import('eslint-plugin-asyncwise')).default : null;
  const promise = withRule === 'promise' || withRule === 'peers' ? (createRequire(import.meta.url)('eslint-plugin-promise') as PromisePlugin) : null;
  if (withRule === 'peers') await import('./peer-shims');
  const unicorn = withRule === 'peers' ? (await import('eslint-plugin-unicorn')).default : null;
  const linter = new LinterClass({ configType: 'flat', cwd: root });
  const parserOptions = { ecmaFeatures: { jsx: true } };
  // An empty rule listening on `Program:exit` separates what ESLint pays for running any rule at all
  // (rule contexts, listener dispatch, report handling) from what the asyncwise rule itself costs.
  const emptyRule = { meta: { type: 'problem' as const, schema: [] }, create: () => ({ 'Program:exit'() {} }) };
  const asyncwiseConfig = plugin?.configs[withRule === 'promise-compat' ? 'promise-compat' : 'recommended'];
  const ruleConfig: Linter.Config = asyncwiseConfig
    ? { plugins: asyncwiseConfig.plugins as Linter.Config['plugins'], rules: asyncwiseConfig.rules }
    : promise && unicorn
      ? {
          plugins: { ...promise.configs['flat/recommended'].plugins, unicorn },
          rules: {
            ...promise.configs['flat/recommended'].rules,
            ...Object.fromEntries(unicornAsyncRules.map((rule) => [`unicorn/${rule}`, 'error' as const])),
          },
        }
      : promise
        ? promise.configs['flat/recommended']
          : withRule === 'empty'
          ? { plugins: { bench: { rules: { empty: emptyRule } } }, rules: { 'bench/empty': 'error' } }
          : {};
  const config: Linter.Config[] = [
    {
      // A file's own `eslint-disable`/`eslint` comments must not change what is measured.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    },
    {
      files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
      languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions },
      ...ruleConfig,
    },
    { files: ['**/*.{cjs,cts}'], languageOptions: { sourceType: 'commonjs' } },
  ];
  return (inputs, counts) => {
    for (const input of inputs) {
      const messages = linter.verify(input.text, config, { filename: join(root, input.path) });
      for (const message of messages) {
        if (message.fatal) noteError(counts, input.path, message.message);
        else if (message.ruleId?.startsWith('asyncwise/') || message.ruleId?.startsWith('promise/') || message.ruleId?.startsWith('unicorn/')) {
          counts.reports++;
          counts.reportsByRule[message.ruleId] = (counts.reportsByRule[message.ruleId] ?? 0) + 1;
          counts.reportLocations.push(`${input.path}:${message.line} ${message.ruleId}`);
        }
      }
    }
  };
}

/** The codemods' own parse: oxc-parser plus scope analysis, via `parseFile` (scopes are built on first use). */
async function parsePass(): Promise<Pass> {
  const { parseFile } = await import('@asyncwise/analysis');
  return (inputs, counts) => {
    for (const input of inputs) {
      try {
        void parseFile(input.text, input.path, { parser: 'oxc' }).scopeManager;
      } catch (error) {
        noteError(counts, input.path, error instanceof Error ? error.message : String(error));
      }
    }
  };
}

type MeasuredCodemod =
  | 'sequential-to-concurrent'
  | 'then-to-await'
  | 'foreach-async-to-for-of'
  | 'callback-to-promise-api'
  | 'promise-wrapper-to-promisify'
  | 'loop-to-bounded'
  | 'unbounded-to-bounded'
  | 'race-to-cancellable'
  | 'sync-to-async-io'
  | 'pipe-to-pipeline'
  | 'finally-to-await-using';

/** Each measured transform's module, by its own name (static imports, so the bundler and tsx both see them). */
const transformModules: Record<MeasuredCodemod, () => Promise<{ run: (source: string, path: string, options: { level: 'review' }) => { changes: readonly { applied: boolean }[]; refusals: readonly unknown[] } }>> = {
  'sequential-to-concurrent': () => import('@asyncwise/codemods/transforms/sequential-to-concurrent'),
  'then-to-await': () => import('@asyncwise/codemods/transforms/then-to-await'),
  'foreach-async-to-for-of': () => import('@asyncwise/codemods/transforms/foreach-async-to-for-of'),
  'callback-to-promise-api': () => import('@asyncwise/codemods/transforms/callback-to-promise-api'),
  'promise-wrapper-to-promisify': () => import('@asyncwise/codemods/transforms/promise-wrapper-to-promisify'),
  'loop-to-bounded': () => import('@asyncwise/codemods/transforms/loop-to-bounded'),
  'unbounded-to-bounded': () => import('@asyncwise/codemods/transforms/unbounded-to-bounded'),
  'race-to-cancellable': () => import('@asyncwise/codemods/transforms/race-to-cancellable'),
  'sync-to-async-io': () => import('@asyncwise/codemods/transforms/sync-to-async-io'),
  'pipe-to-pipeline': () => import('@asyncwise/codemods/transforms/pipe-to-pipeline'),
  'finally-to-await-using': () => import('@asyncwise/codemods/transforms/finally-to-await-using'),
};

/** A transform over every file, in memory, at level `review`. */
async function codemodPass(name: MeasuredCodemod): Promise<Pass> {
  const { run } = await transformModules[name]();
  return (inputs, counts) => {
    for (const input of inputs) {
      try {
        const result = run(input.text, input.path, { level: 'review' });
        for (const change of result.changes) {
          if (change.applied) counts.applied++;
          else counts.notApplied++;
        }
        counts.refusals += result.refusals.length;
      } catch (error) {
        noteError(counts, input.path, error instanceof Error ? error.message : String(error));
      }
    }
  };
}

async function passFor(name: InProcessMeasurementName, root: string): Promise<Pass> {
  switch (name) {
    case 'eslint-baseline':
      return eslintPass(root, 'none');
    case 'eslint-empty-rule':
      return eslintPass(root, 'empty');
    case 'eslint-recommended':
      return eslintPass(root, 'recommended');
    case 'parse-only':
      return parsePass();
    case 'codemod':
      return codemodPass('sequential-to-concurrent');
    case 'codemod-then':
      return codemodPass('then-to-await');
    case 'codemod-foreach':
      return codemodPass('foreach-async-to-for-of');
    case 'codemod-callbacks':
      return codemodPass('callback-to-promise-api');
    case 'codemod-wrappers':
      return codemodPass('promise-wrapper-to-promisify');
    case 'codemod-loops':
      return codemodPass('loop-to-bounded');
    case 'codemod-fanouts':
      return codemodPass('unbounded-to-bounded');
    case 'codemod-races':
      return codemodPass('race-to-cancellable');
    case 'codemod-sync':
      return codemodPass('sync-to-async-io');
    case 'codemod-pipes':
      return codemodPass('pipe-to-pipeline');
    case 'codemod-using':
      return codemodPass('finally-to-await-using');
    case 'eslint-promise-recommended':
      return eslintPass(root, 'promise');
    case 'eslint-promise-compat':
      return eslintPass(root, 'promise-compat');
    case 'eslint-peers-async':
      return eslintPass(root, 'peers');
    default: {
      const never: never = name;
      throw new Error(`Unknown measurement ${String(never)}`);
    }
  }
}

async function main(): Promise<void> {
  const [name, listFile] = process.argv.slice(2);
  if (!name || !listFile || !(inProcessMeasurementNames as readonly string[]).includes(name)) {
    console.error(`Usage: node --import tsx bench/measure.ts <${inProcessMeasurementNames.join('|')}> <files.json>`);
    process.exit(2);
  }
  const list = JSON.parse(readFileSync(listFile, 'utf8')) as { root: string; files: string[] };
  const inputs: Input[] = list.files.map((path) => ({ path, text: readFileSync(join(list.root, path), 'utf8') }));
  const pass = await passFor(name as InProcessMeasurementName, list.root);
  const counts: Counts = { errors: 0, errorSamples: [], reports: 0, reportsByRule: {}, reportLocations: [], applied: 0, notApplied: 0, refusals: 0 };
  const started = performance.now();
  pass(inputs, counts);
  const ms = performance.now() - started;
  const measurement: Measurement = {
    name: name as InProcessMeasurementName,
    ms,
    files: inputs.length,
    ...counts,
    maxRssKiB: process.resourceUsage().maxRSS,
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

await main();
