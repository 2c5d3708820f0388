/**
 * Two style judgements of eslint-plugin-promise about the built-in promise API:
 * - `prefer-catch`: `p.then(null, onRejected)` is `p.catch(onRejected)` (the same call, by the
 *   spec's definition of `catch`: a fix), and `p.then(onFulfilled, onRejected)` reads better as a
 *   chain (eslint-plugin-promise writes `p.catch(onRejected).then(onFulfilled)`, which then also
 *   calls `onFulfilled` after a recovery: a suggestion);
 * - `spec-only`: members of the global `Promise` that no specification defines (bluebird's
 *   `Promise.map`, `Promise.prototype.done`), for code that must run on any engine.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { type Plan, refusedPlan } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { isBuiltinPromiseRoot, memberName, methodCallOf } from './promise-methods';
import { isBuiltinGlobal } from './scope';
import { findPunctuator } from './trivia';
import { skipTransparentWrappers } from './walk';

// prefer-catch -----------------------------------------------------------------------------------

export interface TwoArgumentThen {
  /** The `then` property, where eslint-plugin-promise reports. */
  readonly property: TSESTree.Node;
  /** `then(null, f)` → `catch(f)`: `safe`. `then(a, b)` → `catch(b).then(a)`: `review`. Refused for other shapes. */
  readonly plan: Plan;
  readonly kind: 'no-fulfilled-handler' | 'both-handlers';
}

/** Why a `then()` with two or more arguments is not reported. */
export const preferCatchSilenceReasons = [
  /** Nothing shows the receiver is a built-in promise: another library's `then(a, b)` may mean something else. */
  'not-known-promise',
] as const;
export type PreferCatchSilenceReason = (typeof preferCatchSilenceReasons)[number];

function isNothing(file: AnalysisFile, node: TSESTree.Node): boolean {
  if (node.type === 'Literal' && node.value === null) return true;
  return node.type === 'Identifier' && node.name === 'undefined' && isBuiltinGlobal(file.scopeManager, node, 'undefined');
}

/** Judges `p.then(a, b, …)`: a report with its plan, `{ silenced }` on a receiver not shown to be a promise, `null` otherwise. */
export function judgePreferCatch(file: AnalysisFile, call: TSESTree.CallExpression): TwoArgumentThen | { readonly silenced: PreferCatchSilenceReason } | null {
  const method = methodCallOf(call);
  if (!method || method.computed || method.method !== 'then' || call.arguments.length < 2) return null;
  if (!isBuiltinPromiseRoot(file, skipTransparentWrappers(method.receiver))) return { silenced: 'not-known-promise' };
  const callee = skipTransparentWrappers(call.callee) as TSESTree.MemberExpression;
  const property = callee.property;
  const [first, second] = call.arguments as [TSESTree.CallExpressionArgument, TSESTree.CallExpressionArgument];
  const kind = isNothing(file, first) ? 'no-fulfilled-handler' : 'both-handlers';
  if (call.arguments.length !== 2 || first.type === 'SpreadElement' || second.type === 'SpreadElement') {
    return {
      property,
      kind,
      plan: refusedPlan({ reason: 'unsupported-call-shape', message: 'Only `then(a, b)` with two plain arguments is rewritten.' }),
    };
  }
  const between = (start: number, end: number) => file.comments.some((comment) => comment.range[0] >= start && comment.range[1] <= end);
  if (kind === 'no-fulfilled-handler') {
    // `then(null, f)` is what `catch(f)` calls: the same behaviour. `null, ` goes; a comment after the comma stays.
    const comma = findPunctuator(file, ',', first.range[1], second.range[0]);
    const removeEnd = comma < 0 ? second.range[0] : comma + 1 + (/^[ \t]*/.exec(file.text.slice(comma + 1))?.[0].length ?? 0);
    if (between(first.range[1], comma < 0 ? second.range[0] : comma)) return { property, kind, plan: dropsComment };
    const plan = checkedPlan(
      file,
      'safe',
      [
        { range: [property.range[0], property.range[1]], text: 'catch' },
        { range: [first.range[0], removeEnd], text: '' },
      ],
      { owned: [call], vocabulary: { added: ['catch'], removed: ['then', first.type === 'Literal' ? 'null' : 'undefined'] } },
    );
    return { property, kind, plan };
  }
  // eslint-plugin-promise's rewrite, as a suggestion: after `catch(b)` recovers, `a` runs with its value.
  if (between(first.range[1], second.range[0])) return { property, kind, plan: dropsComment };
  const text = file.text;
  const plan = checkedPlan(
    file,
    'review',
    [
      {
        range: [property.range[0], call.range[1]],
        text: `catch(${text.slice(second.range[0], second.range[1])}).${text.slice(property.range[0], first.range[1])}${text.slice(second.range[1], call.range[1])}`,
      },
    ],
    { owned: [call], vocabulary: { added: ['catch'], removed: [] } },
  );
  return { property, kind, plan };
}

const dropsComment = refusedPlan({ reason: 'would-drop-comment', message: 'A comment sits between the two handlers, where the rewrite has no place for it.' });

// spec-only --------------------------------------------------------------------------------------

const standardStatics = new Set(['all', 'allSettled', 'any', 'race', 'reject', 'resolve', 'try', 'withResolvers']);
const standardInstanceMethods = new Set(['then', 'catch', 'finally']);

/**
 * The non-standard member named by `node` when it is `Promise.x` on the global `Promise` (or
 * `Promise.prototype.x`) and `x` is neither a standard static (instance method) nor allowed; else
 * `null`. A computed key other than a string (`Promise[Symbol.species]`) is never reported.
 */
export function nonStandardPromiseMember(file: AnalysisFile, node: TSESTree.MemberExpression, allowed: readonly string[] = []): string | null {
  const object = node.object;
  if (object.type !== 'Identifier' || object.name !== 'Promise') return null;
  const name = memberName(node);
  if (name === null) return null;
  if (name === 'prototype') {
    const parent = node.parent;
    if (parent.type !== 'MemberExpression' || parent.object !== node) return null;
    const method = memberName(parent);
    if (method === null || standardInstanceMethods.has(method) || allowed.includes(method)) return null;
    return isBuiltinGlobal(file.scopeManager, object, 'Promise') ? 'prototype' : null;
  }
  if (standardStatics.has(name) || allowed.includes(name)) return null;
  return isBuiltinGlobal(file.scopeManager, object, 'Promise') ? name : null;
}
