/**
 * `sequential-to-concurrent`: runs of independent awaits become one `Promise.all`.
 *
 * ```ts
 * const user = await getUser(id);
 * const posts = await getPosts(id);
 * // becomes
 * const [user, posts] = await Promise.all([getUser(id), getPosts(id)]);
 * ```
 *
 * The analysis (`findSequentialAwaitRuns`) decides which awaits are independent and plans the
 * rewrite; this module only applies the plans. Every plan is `review` (the calls now start together
 * and a later call runs even when an earlier one rejects), so nothing changes unless the caller asks
 * for `level: 'review'`.
 *
 * Bare `await f();` statements stay where they are unless `includeBareAwaits` is set: an await whose
 * result is unused is usually there for its effect, which the next statement relies on.
 *
 * Also a jscodeshift transform module: `npx jscodeshift --no-babel -t …/sequential-to-concurrent.cjs
 * --level=review --ignore='logger.*' src`. jscodeshift's parser is not used.
 */
import path from 'node:path';
import { findSequentialAwaitRuns, type SequentialAwaitRun } from '@asyncwise/analysis';
import { applyPlans, type FoundPlan } from '../apply-plans';
import { sequentialToConcurrentOptions, type SequentialToConcurrentOptionValues } from '../codemod-options/sequential-to-concurrent';
import { parseOptionValues } from '../option-spec';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

/** The shared options and this codemod's own (declared in `codemod-options/sequential-to-concurrent.ts`). */
export type SequentialToConcurrentOptions = TransformOptions & Partial<SequentialToConcurrentOptionValues>;

/** How a run is described in diffs and reports: `3 awaits → Promise.all: getUser(), getPosts(), getSettings()`. */
export function describeRun(run: SequentialAwaitRun, settled = false): string {
  return `${run.statements.length} awaits → Promise.${settled ? 'allSettled' : 'all'}: ${run.statements.map((s) => s.name).join(', ')}`;
}

/** Rewrites `source` and lists every run found. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: SequentialToConcurrentOptions = {}): TransformResult {
  const analysisOptions = {
    ignore: options.ignore ?? [],
    ordered: options.ordered ?? [],
    includeBareAwaits: options.includeBareAwaits ?? false,
    settled: options.settled ?? false,
    // Test files are recognised by the same default globs as the rule's, relative to the working directory.
    filePath: path.isAbsolute(filePath) ? path.relative(process.cwd(), filePath) : filePath,
    ...(options.minRun === undefined ? {} : { minRun: options.minRun }),
  };
  return applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) =>
      findSequentialAwaitRuns(file, analysisOptions).runs.map(
        (r): FoundPlan => ({ start: r.statements[0]?.node.range[0] ?? 0, description: describeRun(r, analysisOptions.settled), plan: r.plan }),
      ),
    options,
  );
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run, (options) => parseOptionValues(sequentialToConcurrentOptions, options));
