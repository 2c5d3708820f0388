/**
 * `loop-to-bounded`: a loop whose iterations are independent but each waits for the one before
 * becomes a bounded, order-keeping map.
 *
 * ```ts
 * const pages = [];
 * for (const url of urls) {
 *   const page = await fetchPage(url);
 *   pages.push(page);
 * }
 * // becomes
 * const pages = await boundedMap(urls, 8, async (url) => {
 *   const page = await fetchPage(url);
 *   return page;
 * });
 * ```
 *
 * The analysis judges the loops (`findAwaitLoops`: exactly those `no-await-in-loop` reports) and
 * plans the rewrite (`planBoundedLoop`); this module picks the limiter for the file's project
 * (`bounded-target.ts`), applies the plans, lists every loop the rule leaves alone as a refusal
 * with its reason, and hands the runner the local helper to create when a rewrite imports it.
 * Every plan is `review`: up to `concurrency` iterations now run at once.
 *
 * Also a jscodeshift transform module (`--limiter=p-map --level=review`); jscodeshift writes no
 * extra file, so with the local limiter the helper must already exist.
 */
import path from 'node:path';
import { findAwaitLoops, planBoundedLoop, refusedSilencedLoop } from '@asyncwise/analysis';
import { applyPlans, countWords, type FoundPlan } from '../apply-plans';
import { boundedFormOptionsFor, boundedTargetFor, withDependencyNote } from '../bounded-target';
import { boundedOptions, type BoundedOptionValues } from '../codemod-options/bounded';
import { parseOptionValues } from '../option-spec';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

export type LoopToBoundedOptions = TransformOptions & Partial<BoundedOptionValues>;

/** Each applied plan removes one loop's `for`, so the count of the word bounds the passes (an inner loop is rewritten before its outer one). */
function countLoopWords(text: string): number {
  return countWords(text, 'for');
}

/** Rewrites `source` and lists every loop with an await. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: LoopToBoundedOptions = {}): TransformResult {
  const target = boundedTargetFor(filePath, parseOptionValues(boundedOptions, { ...options }));
  // Test files are recognised by the rule's default globs, relative to the working directory.
  const relativePath = path.isAbsolute(filePath) ? path.relative(process.cwd(), filePath) : filePath;
  const result = applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) => {
      const formOptions = boundedFormOptionsFor(file, filePath, target);
      const { loops, silenced } = findAwaitLoops(file, { filePath: relativePath, ...(options.testFiles ? { testFiles: options.testFiles } : {}) });
      const found: FoundPlan[] = loops.map((loop) => {
        const rewrite = planBoundedLoop(file, loop, formOptions);
        return { start: loop.loop.range[0], description: withDependencyNote(rewrite.description, target), plan: rewrite.plan };
      });
      for (const { loop, reason } of silenced) found.push({ start: loop.range[0], description: 'loop stays sequential', plan: refusedSilencedLoop(reason) });
      return found;
    },
    options,
    countLoopWords,
  );
  const helperNeeded = target.limiter === 'local' && result.changes.some((c) => c.applied);
  return helperNeeded ? { ...result, files: [target.helper] } : result;
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run, (options) => parseOptionValues(boundedOptions, options));
