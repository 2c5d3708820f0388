/**
 * `unbounded-to-bounded`: `Promise.all(xs.map(async …))` over a list of unknown size starts every
 * call at once; it becomes the same bounded, order-keeping map `loop-to-bounded` writes.
 *
 * ```ts
 * const users = await Promise.all(ids.map(async (id) => getUser(id)));
 * // becomes
 * const users = await boundedMap(ids, 8, async (id) => getUser(id));
 * ```
 *
 * The analysis finds the fan-outs `no-unbounded-concurrency` reports (`findUnboundedFanOuts`) and
 * plans the rewrite (`planBoundedFanOut`); this module picks the limiter for the file's project,
 * applies the plans and hands the runner the local helper to create when a rewrite imports it.
 * Every plan is `review`: the calls now start a few at a time, and after a rejection no new one starts.
 *
 * Also a jscodeshift transform module (`--limiter=p-map --level=review`); jscodeshift writes no
 * extra file, so with the local limiter the helper must already exist.
 */
import path from 'node:path';
import { findUnboundedFanOuts, planBoundedFanOut } from '@asyncwise/analysis';
import { applyPlans, countWords, type FoundPlan } from '../apply-plans';
import { boundedFormOptionsFor, boundedTargetFor, withDependencyNote } from '../bounded-target';
import { boundedOptions, type BoundedOptionValues } from '../codemod-options/bounded';
import { parseOptionValues } from '../option-spec';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

export type UnboundedToBoundedOptions = TransformOptions & Partial<BoundedOptionValues>;

/** Each applied plan removes one `Promise.all` (or, with p-limit, leaves a fan-out the analysis sees bounded), so the count of `Promise` bounds the passes. */
function countPromiseWords(text: string): number {
  return countWords(text, 'Promise');
}

/** Rewrites `source` and lists every unbounded fan-out. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: UnboundedToBoundedOptions = {}): TransformResult {
  const target = boundedTargetFor(filePath, parseOptionValues(boundedOptions, { ...options }));
  const relativePath = path.isAbsolute(filePath) ? path.relative(process.cwd(), filePath) : filePath;
  const result = applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) => {
      const formOptions = boundedFormOptionsFor(file, filePath, target);
      const { fanOuts } = findUnboundedFanOuts(file, { filePath: relativePath, ...(options.testFiles ? { testFiles: options.testFiles } : {}) });
      return fanOuts.map((fanOut): FoundPlan => {
        const rewrite = planBoundedFanOut(file, fanOut, formOptions);
        return { start: fanOut.call.range[0], description: withDependencyNote(rewrite.description, target), plan: rewrite.plan };
      });
    },
    options,
    countPromiseWords,
  );
  const helperNeeded = target.limiter === 'local' && result.changes.some((c) => c.applied);
  return helperNeeded ? { ...result, files: [target.helper] } : result;
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run, (options) => parseOptionValues(boundedOptions, options));
