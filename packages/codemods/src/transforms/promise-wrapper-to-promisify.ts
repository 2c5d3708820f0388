/**
 * `promise-wrapper-to-promisify`: a `new Promise` that only forwards an error-first callback
 * becomes the promise twin of a Node core API, or `util.promisify` of any other function.
 *
 * ```js
 * const read = (p) => new Promise((resolve, reject) => fs.readFile(p, (err, data) => (err ? reject(err) : resolve(data))));
 * const load = (id) => new Promise((resolve, reject) => db.get(id, (err, row) => (err ? reject(err) : resolve(row))));
 * // become
 * const read = (p) => fs.promises.readFile(p);
 * const load = (id) => promisify(db.get).call(db, id);
 * ```
 *
 * The analysis (`findPromiseWrappers`) finds every `new Promise` whose executor makes a call with an
 * inline callback that hands its error to `reject`, and plans each rewrite; for a catalogued Node API
 * it is the same plan `prefer-promise-api` suggests. This module only applies the plans. Every plan
 * is `review`: the twin settles as the wrapper did, but a synchronous throw of the API now happens
 * inside the twin, and it may settle in another tick.
 *
 * Also a jscodeshift transform module: `npx jscodeshift --no-babel -t …/promise-wrapper-to-promisify.cjs
 * --level=review src`. jscodeshift's parser is not used.
 */
import path from 'node:path';
import { findPromiseWrappers, type PromiseWrapper } from '@asyncwise/analysis';
import { applyPlans, countWords, type FoundPlan } from '../apply-plans';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

/** How a rewrite is described in diffs and reports. */
export function describeWrapper(wrapper: PromiseWrapper): string {
  return wrapper.api ? `new Promise around ${wrapper.name}() → its promise twin` : `new Promise around ${wrapper.name}() → util.promisify`;
}

/** Each applied plan removes one `new Promise`: their count bounds the passes (a wrapper inside a wrapper's arguments goes first). */
function countPromises(text: string): number {
  return countWords(text, 'Promise');
}

/** Rewrites `source` and lists every wrapper found. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: TransformOptions = {}): TransformResult {
  // Test files are recognised by the rule's default globs, relative to the working directory.
  const relativePath = path.isAbsolute(filePath) ? path.relative(process.cwd(), filePath) : filePath;
  return applyPlans(
    source,
    filePath,
    options.level ?? 'safe',
    (file) => findPromiseWrappers(file, { relativePath, ...(options.testFiles ? { testFiles: options.testFiles } : {}) }).map((wrapper): FoundPlan => ({ start: wrapper.node.range[0], description: describeWrapper(wrapper), plan: wrapper.plan })),
    options,
    countPromises,
  );
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run);
