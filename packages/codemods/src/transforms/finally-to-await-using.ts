/**
 * `finally-to-await-using`: a `try/finally` whose `finally` only disposes the resources declared
 * just before it becomes `await using`.
 *
 * ```js
 * const handle = await open(path);
 * try {
 *   return await handle.readFile('utf8');
 * } finally {
 *   await handle.close();
 * }
 * // becomes
 * await using handle = await open(path);
 * return await handle.readFile('utf8');
 * ```
 *
 * The analysis (`findFinallyDisposals`) finds the `try` statements `prefer-await-using` reports and
 * plans each rewrite; this module applies the plans and lists the refused ones with their reasons
 * (a resource read after the `try`, a conditional release, an order `await using` would change, a
 * project that does not show it can compile `await using`, …). Whether the project can is read
 * from its files (`supportsAwaitUsing`: the nearest `tsconfig.json`'s `lib` and the declared
 * TypeScript version, or `engines.node` for JavaScript), or asserted with `--assume-await-using`.
 * Every plan is `review`: when both the body and the release throw, `await using` throws a
 * `SuppressedError` where the `finally` threw the release's error.
 *
 * Also a jscodeshift transform module: `npx jscodeshift --no-babel -t …/finally-to-await-using.cjs
 * --level=review src`. jscodeshift's parser is not used.
 */
import { findFinallyDisposals, supportsAwaitUsing } from '@asyncwise/analysis';
import { applyPlans, countWords, type FoundPlan } from '../apply-plans';
import { finallyToAwaitUsingOptions, type FinallyToAwaitUsingOptionValues } from '../codemod-options/finally-to-await-using';
import { parseOptionValues } from '../option-spec';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

/** The shared options and this codemod's own (declared in `codemod-options/finally-to-await-using.ts`). */
export type FinallyToAwaitUsingOptions = TransformOptions & Partial<FinallyToAwaitUsingOptionValues>;

/** Each applied plan removes one `finally` and adds none, so their count bounds the passes. */
function countFinallyWords(text: string): number {
  return countWords(text, 'finally');
}

/** Rewrites `source` and lists every `try/finally` that disposes a catalogued resource. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: FinallyToAwaitUsingOptions = {}): TransformResult {
  const awaitUsing = options.assumeAwaitUsing === true || supportsAwaitUsing(filePath);
  return applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) =>
      findFinallyDisposals(file, { awaitUsing }).map(
        (found): FoundPlan => ({
          start: found.node.range[0],
          description: `try/finally → await using ${found.resources.map((r) => r.name).join(', ')}`,
          plan: found.plan,
        }),
      ),
    options,
    countFinallyWords,
  );
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run, (options) => parseOptionValues(finallyToAwaitUsingOptions, options));
