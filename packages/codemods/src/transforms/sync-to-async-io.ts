/**
 * `sync-to-async-io`: blocking Node core calls inside async code become awaited promise twins.
 *
 * ```js
 * async function load(p) {
 *   return JSON.parse(fs.readFileSync(p, 'utf8'));
 * }
 * // becomes
 * async function load(p) {
 *   return JSON.parse(await fs.promises.readFile(p, 'utf8'));
 * }
 * ```
 *
 * The analysis (`findBlockingCalls`) finds the calls `no-sync-in-async` reports — resolved through
 * imports and `require`, never by name — and plans each rewrite, adding imports in the file's style;
 * this module only applies the plans. Module top level and CLI entry points (a shebang, a `bin` of
 * the nearest package.json) are left alone. Every plan is `review` (the new `await` lets other tasks
 * run before the function goes on), so nothing changes unless the caller asks for `level: 'review'`.
 * Calls whose twin gives another value (`execSync`, `existsSync`) or that have none (`spawnSync`)
 * are listed as refusals.
 *
 * Also a jscodeshift transform module: `npx jscodeshift --no-babel -t …/sync-to-async-io.cjs
 * --level=review src`. jscodeshift's parser is not used.
 */
import path from 'node:path';
import { type BlockingCall, findBlockingCalls } from '@asyncwise/analysis';
import { applyPlans, type FoundPlan } from '../apply-plans';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

/** How a rewrite is described in diffs and reports: `fs.readFileSync() → await its promise twin`. */
export function describeCall(call: BlockingCall): string {
  return `${call.name}() → await its promise twin`;
}

/**
 * Each applied plan removes one blocking call, and every catalogued name but `Atomics.wait` holds
 * `Sync`; so their count bounds the passes (a nested call is rewritten in the pass after the one
 * inside it, and a second call needing the same import reuses it in the next pass).
 */
function countBlockingNames(text: string): number {
  let count = 0;
  for (const word of ['Sync', 'Atomics']) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) count++;
  }
  return count;
}

/** Rewrites `source` and lists every blocking call found. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: TransformOptions = {}): TransformResult {
  // Test files are recognised by the rule's default globs, relative to the working directory.
  const relativePath = path.isAbsolute(filePath) ? path.relative(process.cwd(), filePath) : filePath;
  return applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) =>
      findBlockingCalls(file, { filePath, relativePath, ...(options.testFiles ? { testFiles: options.testFiles } : {}) }).calls.map(
        (call): FoundPlan => ({ start: call.node.range[0], description: describeCall(call), plan: call.plan }),
      ),
    options,
    countBlockingNames,
  );
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run);
