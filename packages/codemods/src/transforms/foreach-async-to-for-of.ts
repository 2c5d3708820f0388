/**
 * `foreach-async-to-for-of`: `xs.forEach(async (x) => { … })`, which waits for none of its calls
 * and leaves their rejections unhandled, becomes a `for…of` loop that awaits each in turn.
 *
 * ```js
 * async function notify(users: User[]) {
 *   users.forEach(async (user) => {
 *     await send(user);
 *   });
 * }
 * // becomes
 * async function notify(users: User[]) {
 *   for (const user of users) {
 *     await send(user);
 *   }
 * }
 * ```
 *
 * The analysis (`findAsyncArrayCallbacks`) finds the calls `no-async-array-callback` reports and
 * plans the loop; this module applies the plans of the `forEach` findings and lists the others'
 * refusals with their reasons (a receiver not shown to be an array, a callback that takes the index,
 * an enclosing function that is not `async`, …). Every plan is `review`: the function now waits
 * for the work, one element at a time, and a rejection now reaches its caller; so nothing changes
 * unless the caller asks for `level: 'review'`.
 *
 * Also a jscodeshift transform module: `npx jscodeshift --no-babel -t …/foreach-async-to-for-of.cjs
 * --level=review src`. jscodeshift's parser is not used.
 */
import { findAsyncArrayCallbacks, isForEachCallback } from '@asyncwise/analysis';
import { applyPlans, type FoundPlan } from '../apply-plans';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

/**
 * Each applied plan removes one `forEach` and adds none, so their count (with `each`, whose calls
 * are only listed) bounds the passes: a `forEach` inside another's callback is converted first.
 */
function countForEachNames(text: string): number {
  let count = 0;
  for (let i = text.indexOf('forEach'); i >= 0; i = text.indexOf('forEach', i + 7)) count++;
  return count;
}

/** Rewrites `source` and lists every `forEach` with an async callback. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: TransformOptions = {}): TransformResult {
  return applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) =>
      findAsyncArrayCallbacks(file)
        .filter(isForEachCallback)
        .map((found): FoundPlan => ({ start: found.callback.range[0], description: `${found.method}(async …) → for…of with await`, plan: found.forOf })),
    options.sourceType,
    options.earlierChanges,
    countForEachNames,
  );
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run);
