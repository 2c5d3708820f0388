/**
 * `pipe-to-pipeline`: a `.pipe()` chain of Node streams that is the last thing its async function
 * does becomes `await pipeline(…)` from `node:stream/promises`.
 *
 * ```js
 * async function compress(src, dst) {
 *   fs.createReadStream(src).pipe(zlib.createGzip()).pipe(fs.createWriteStream(dst)).on('finish', () => {
 *     console.log('done');
 *   });
 * }
 * // becomes
 * async function compress(src, dst) {
 *   await pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(dst));
 *   console.log('done');
 * }
 * ```
 *
 * The analysis (`findPipeChains`) finds the chains `prefer-stream-pipeline` reports — streams shown
 * to be Node's through imports and `require`, never by the name `pipe` — and plans each rewrite
 * (`planPipeline`): the `finish` listener's body moves after the `await`, `error` listeners that
 * handled the error become one `catch`, and those that only rethrow become the rejection. This
 * module only applies the plans. Every plan is `review`: when and where an error surfaces changes.
 *
 * Also a jscodeshift transform module: `npx jscodeshift --no-babel -t …/pipe-to-pipeline.cjs
 * --level=review src`. jscodeshift's parser is not used.
 */
import { findPipeChains, type ReportedPipeChain } from '@asyncwise/analysis';
import { applyPlans, countWords, type FoundPlan } from '../apply-plans';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

/** How a rewrite is described in diffs and reports: `3 streams → await pipeline(…)`. */
export function describeChain(chain: ReportedPipeChain): string {
  return `.pipe() chain of ${chain.stages.length} streams → await pipeline(…)`;
}

/** Each applied plan removes one `.pipe` at least: their count bounds the passes. */
function countPipes(text: string): number {
  return countWords(text, 'pipe');
}

/** Rewrites `source` and lists every chain found. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: TransformOptions = {}): TransformResult {
  return applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) => findPipeChains(file).reported.map((chain): FoundPlan => ({ start: chain.node.range[0], description: describeChain(chain), plan: chain.plan })),
    options,
    countPipes,
  );
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run);
