/**
 * `then-to-await`: functions that return a `.then/.catch/.finally` chain become `async` functions
 * with `await`, `try/catch/finally`.
 *
 * ```js
 * function load(url) {
 *   return fetch(url).then((response) => response.json());
 * }
 * // becomes
 * async function load(url) {
 *   const response = await fetch(url);
 *   return response.json();
 * }
 * ```
 *
 * The analysis (`findThenChains`) finds the chains `prefer-await-to-then` reports and plans each
 * rewrite; this module only applies the plans. A chain is converted only where its receiver is shown
 * to be a promise (with types when the file is linted with them, else the syntax and the declaration
 * index); every other shape is listed as a refusal with its reason. Every plan is `review` (the awaits
 * take other ticks than the callbacks, and a synchronous throw becomes a rejection), so nothing
 * changes unless the caller asks for `level: 'review'`.
 *
 * Also a jscodeshift transform module: `npx jscodeshift --no-babel -t …/then-to-await.cjs
 * --level=review src`. jscodeshift's parser is not used.
 */
import { findThenChains, type ThenChain } from '@asyncwise/analysis';
import { applyPlans, type FoundPlan } from '../apply-plans';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

/** How a rewrite is described in diffs and reports: `then().catch() → async/await`. */
export function describeChain(chain: ThenChain): string {
  return `${chain.methods} → async/await`;
}

/**
 * Each applied plan removes at least one `.then`, `.catch` or `.finally` member name; so their
 * count bounds the passes (a chain inside a handler is rewritten in the pass before its outer chain).
 */
function countChainNames(text: string): number {
  let count = 0;
  for (const word of ['then', 'catch', 'finally']) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) count++;
  }
  return count;
}

/** Rewrites `source` and lists every returned chain found. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: TransformOptions = {}): TransformResult {
  return applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) =>
      findThenChains(file, { awaited: true }).map((chain): FoundPlan => ({ start: chain.reportNode.range[0], description: describeChain(chain), plan: chain.plan })),
    options,
    countChainNames,
  );
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run);
