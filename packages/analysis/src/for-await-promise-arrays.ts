/**
 * `for await (const x of arrayOfStartedPromises)`: every promise of the array is already running,
 * but the loop awaits them one at a time, in order. When a later one rejects before the loop
 * reaches it, nothing is listening yet: Node reports an unhandled rejection (and by default exits),
 * although the loop would have thrown it later. asyncio's `async for` is over an async iterator that
 * starts each step when asked; the JavaScript for "all of them at once" is `Promise.all`.
 *
 * The array must be shown to hold started promises: an array literal of two or more elements the
 * oracle shows to be promises, or `map` on a value shown to be an array with a callback that is
 * `async` or returns a promise; inline, or through a `const` bound to one. A stream's or iterator
 * helper's `map` is lazy (each promise starts when the loop asks for it), so an unknown receiver is
 * left alone.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { Plan } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { staticPropertyName } from './modules';
import { constantInitializer, findVariable, innermostScope, isBuiltinGlobal } from './scope';
import { skipTransparentWrappers, walk } from './walk';
import { PerFile } from './per-file';

/** Why a `for await` over an array is not reported. */
export const forAwaitArraySilenceReasons = [
  /** The array's elements are not all shown to be promises (values, unknown calls). */
  'elements-not-known-promises',
  /** `map` on a receiver not shown to be an array (a stream's or an iterator helper's `map` starts each promise lazily). */
  'receiver-not-known-array',
  /** Fewer than two promises: nothing can reject before the loop reaches it. */
  'single-promise',
] as const;

export type ForAwaitArraySilenceReason = (typeof forAwaitArraySilenceReasons)[number];

export interface ForAwaitPromiseArray {
  readonly node: TSESTree.ForOfStatement;
  /** `for (const x of await Promise.all(arr))` (review), or refused. */
  readonly allPlan: Plan;
}

export interface ForAwaitPromiseArraysResult {
  readonly loops: readonly ForAwaitPromiseArray[];
  readonly silenced: readonly { readonly node: TSESTree.Node; readonly reason: ForAwaitArraySilenceReason }[];
}

const cache = new PerFile<ForAwaitPromiseArraysResult>();

function returnsPromise(file: AnalysisFile, callback: TSESTree.Node): boolean {
  if (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression') return false;
  if (callback.async) return true;
  if (callback.body.type !== 'BlockStatement') return file.oracle.isPromiseLike(callback.body) === 'yes';
  return false;
}

/** Whether `node` is an array of started promises, or the reason it is not shown to be one. */
function judgeArray(file: AnalysisFile, node: TSESTree.Expression, depth = 0): true | ForAwaitArraySilenceReason {
  const core = skipTransparentWrappers(node);
  if (core.type === 'ArrayExpression') {
    const elements = core.elements;
    if (elements.some((e) => e === null || e.type === 'SpreadElement' || file.oracle.isPromiseLike(e) !== 'yes')) return 'elements-not-known-promises';
    return elements.length >= 2 ? true : 'single-promise';
  }
  if (core.type === 'CallExpression' && core.callee.type === 'MemberExpression' && staticPropertyName(core.callee) === 'map' && !core.callee.optional) {
    const [callback] = core.arguments;
    if (!callback || !returnsPromise(file, callback)) return 'elements-not-known-promises';
    return file.oracle.isArray(core.callee.object) === 'yes' ? true : 'receiver-not-known-array';
  }
  if (core.type === 'Identifier' && depth === 0) {
    const variable = findVariable(innermostScope(file.scopeManager, core), core.name);
    const init = variable ? constantInitializer(variable) : null;
    if (init) return judgeArray(file, init, depth + 1);
  }
  return 'elements-not-known-promises';
}

function planAll(file: AnalysisFile, loop: TSESTree.ForOfStatement): Plan {
  const { text } = file;
  // `for await (` → `for (`, and the iterable `xs` → `await Promise.all(xs)`.
  const awaitStart = text.indexOf('await', loop.range[0]);
  const awaitEnd = awaitStart + 'await'.length;
  const gap = /^\s*/.exec(text.slice(awaitEnd))?.[0].length ?? 0;
  const right = loop.right;
  const rightText = text.slice(right.range[0], right.range[1]);
  const needsParens = right.type === 'SequenceExpression';
  const edits = [
    { range: [awaitStart, awaitEnd + gap] as const, text: '' },
    { range: [right.range[0], right.range[1]] as const, text: `await Promise.all(${needsParens ? `(${rightText})` : rightText})` },
  ];
  return checkedPlan(file, 'review', edits, { owned: [loop], vocabulary: { added: ['await', 'Promise', 'all'], removed: ['await'] } });
}

/** The `for await` loops of `file` over arrays of already-started promises. Cached per file. */
export function findForAwaitPromiseArrays(file: AnalysisFile): ForAwaitPromiseArraysResult {
  const cached = cache.get(file);
  if (cached) return cached;
  const loops: ForAwaitPromiseArray[] = [];
  const silenced: { node: TSESTree.Node; reason: ForAwaitArraySilenceReason }[] = [];
  if (/\bfor\s+await\b/.test(file.text)) {
    walk(file.ast, file.visitorKeys, (node) => {
      if (node.type !== 'ForOfStatement' || !node.await) return true;
      const verdict = judgeArray(file, node.right);
      if (verdict !== true) {
        silenced.push({ node, reason: verdict });
        return true;
      }
      const promiseShadowed = !isBuiltinGlobal(file.scopeManager, node, 'Promise');
      loops.push({
        node,
        allPlan: promiseShadowed
          ? { level: 'refused', edits: [], refusals: [{ reason: 'promise-shadowed', message: 'A binding of yours named `Promise` hides the built-in one here.' }] }
          : planAll(file, node),
      });
      return true;
    });
  }
  const result: ForAwaitPromiseArraysResult = { loops, silenced };
  cache.set(file, result);
  return result;
}
