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
import { findAsyncArrayCallbacks, isForEachCallback, planBoundedForEach } from '@asyncwise/analysis';
import { applyPlans, countWords, type FoundPlan } from '../apply-plans';
import { boundedFormOptionsFor, boundedTargetFor, withDependencyNote } from '../bounded-target';
import { forEachAsyncOptions, type ForEachAsyncOptionValues } from '../codemod-options/foreach-async-to-for-of';
import { parseOptionValues } from '../option-spec';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

export type ForEachAsyncToForOfOptions = TransformOptions & Partial<ForEachAsyncOptionValues>;

/**
 * Each applied plan removes one `forEach` and adds none, so their count (with `each`, whose calls
 * are only listed) bounds the passes: a `forEach` inside another's callback is converted first.
 */
function countForEachNames(text: string): number {
  return countWords(text, 'forEach');
}

/** Rewrites `source` and lists every `forEach` with an async callback. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: ForEachAsyncToForOfOptions = {}): TransformResult {
  const values = parseOptionValues(forEachAsyncOptions, { ...options });
  const target = values.concurrent ? boundedTargetFor(filePath, values) : null;
  const result = applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) => {
      const found = findAsyncArrayCallbacks(file).filter(isForEachCallback);
      if (target === null) {
        return found.map((f): FoundPlan => ({ start: f.callback.range[0], description: `${f.method}(async …) → for…of with await`, plan: f.forOf }));
      }
      const formOptions = boundedFormOptionsFor(file, filePath, target);
      return found.map((f): FoundPlan => {
        const rewrite = planBoundedForEach(file, f, formOptions);
        return { start: f.callback.range[0], description: withDependencyNote(rewrite.description, target), plan: rewrite.plan };
      });
    },
    options,
    countForEachNames,
  );
  const helperNeeded = target?.limiter === 'local' && result.changes.some((c) => c.applied);
  return helperNeeded && target ? { ...result, files: [target.helper] } : result;
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run, (options) => parseOptionValues(forEachAsyncOptions, options));
