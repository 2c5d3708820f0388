/**
 * `callback-to-promise-api`: a Node core callback API call inside an async function becomes the
 * awaited promise twin, and the callback's body runs after the `await`.
 *
 * ```js
 * async function load(p) {
 *   fs.readFile(p, 'utf8', (err, text) => {
 *     if (err) throw err;
 *     use(text);
 *   });
 * }
 * // becomes
 * async function load(p) {
 *   const text = await fs.promises.readFile(p, 'utf8');
 *   use(text);
 * }
 * ```
 *
 * The analysis (`findCallbackApiCalls`) finds the calls `prefer-promise-api` reports — resolved
 * through imports and `require`, never by name — and plans each rewrite (`planAwaitTwin`): an error
 * the callback only forwarded (`if (err) throw err;`) stays a rejection, one it handled becomes
 * `try/catch` around the `await` alone. This module only applies the plans. Every plan is `review`.
 * Calls made by a `new Promise` executor are promise-wrapper-to-promisify's, listed as refusals here.
 *
 * Also a jscodeshift transform module: `npx jscodeshift --no-babel -t …/callback-to-promise-api.cjs
 * --level=review src`. jscodeshift's parser is not used.
 */
import path from 'node:path';
import { type CallbackApiCall, findCallbackApiCalls } from '@asyncwise/analysis';
import { applyPlans, countWords, type FoundPlan } from '../apply-plans';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

/** How a rewrite is described in diffs and reports: `fs.readFile() → await its promise twin`. */
export function describeCall(call: CallbackApiCall): string {
  return `${call.name}(…, callback) → await its promise twin`;
}

/**
 * Each applied plan removes one inline callback (an `=>` or a `function`), and a nested call is
 * migrated in the pass after its outer one moved it into the async function: their count bounds
 * the passes.
 */
function countCallbacks(text: string): number {
  return countWords(text, '=>', 'function');
}

/** Rewrites `source` and lists every callback API call found. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: TransformOptions = {}): TransformResult {
  // Test files are recognised by the rule's default globs, relative to the working directory.
  const relativePath = path.isAbsolute(filePath) ? path.relative(process.cwd(), filePath) : filePath;
  return applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) =>
      findCallbackApiCalls(file, { relativePath, ...(options.testFiles ? { testFiles: options.testFiles } : {}) }).map(
        (call): FoundPlan => ({ start: call.node.range[0], description: describeCall(call), plan: call.awaitPlan }),
      ),
    options,
    countCallbacks,
  );
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run);
