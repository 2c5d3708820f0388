/**
 * Callbacks deferred with Node's or the timers' APIs where `queueMicrotask` says it in the
 * platform's own words, as eslint-plugin-unicorn's `prefer-queue-microtask` reports them:
 * `process.nextTick(fn)` (Node only), and optionally `setImmediate(fn)` and `setTimeout(fn, 0)`.
 *
 * Exact from syntax and scope (the globals must be the built-in ones). Every rewrite is a `review`
 * plan: `process.nextTick` callbacks run before promise reactions, `queueMicrotask` ones among them;
 * `setImmediate` and `setTimeout(…, 0)` wait for a turn of the event loop (after I/O and timers),
 * a microtask runs before anything else — a callback that schedules itself again would starve I/O.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { Plan, TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { isBuiltinGlobal } from './scope';
import { isFunctionNode, walk } from './walk';

export interface DeferToMicrotaskOptions {
  /** Also report `setImmediate(fn)` whose result is not used. Default false. */
  readonly checkSetImmediate?: boolean;
  /** Also report `setTimeout(fn, 0)` whose result is not used. Default false. */
  readonly checkSetTimeout?: boolean;
}

export interface DeferToMicrotask {
  /** What unicorn reports: `nextTick` of `process.nextTick`, or the timer's name. */
  readonly node: TSESTree.Node;
  readonly name: 'process.nextTick()' | 'setImmediate()' | 'setTimeout()';
  /** `queueMicrotask(fn)` in its place, a `review` plan, or `null` where the call does not fit it. */
  readonly plan: Plan | null;
}

/** Values that are never callbacks: a literal, a template, an object or array literal. */
function isNotFunction(node: TSESTree.Node): boolean {
  return node.type === 'Literal' || node.type === 'TemplateLiteral' || node.type === 'ObjectExpression' || node.type === 'ArrayExpression';
}

/** `setImmediate` and `setTimeout` call a `function` callback with the timer as `this`; `queueMicrotask` with `undefined`. */
function readsOwnThis(file: AnalysisFile, callback: TSESTree.Node): boolean {
  if (callback.type !== 'FunctionExpression') return false;
  let found = false;
  walk(callback.body, file.visitorKeys, (node) => {
    if (found || (isFunctionNode(node) && node.type !== 'ArrowFunctionExpression')) return false;
    if (node.type === 'ThisExpression') found = true;
    return !found;
  });
  return found;
}

/** `process.nextTick` as a member (called or not), on the built-in `process`. */
export function findNextTick(file: AnalysisFile, node: TSESTree.MemberExpression): DeferToMicrotask | null {
  if (node.computed || node.optional || node.object.type !== 'Identifier' || node.object.name !== 'process') return null;
  if (node.property.type !== 'Identifier' || node.property.name !== 'nextTick') return null;
  if (!isBuiltinGlobal(file.scopeManager, node.object, 'process')) return null;
  const call = node.parent.type === 'CallExpression' && node.parent.callee === node ? node.parent : null;
  if (call?.optional) return null;
  const only = call?.arguments.length === 1 ? call.arguments[0] : undefined;
  const fits = call !== null && only !== undefined && only.type !== 'SpreadElement' && file.comments.every((c) => c.range[1] <= node.range[0] || c.range[0] >= node.range[1]);
  const plan = fits
    ? checkedPlan(file, 'review', [{ range: node.range, text: 'queueMicrotask' }], { owned: [node], vocabulary: { added: ['queueMicrotask'], removed: ['process', 'nextTick'] } })
    : null;
  return { node: node.property, name: 'process.nextTick()', plan };
}

/** `setImmediate(fn)` and `setTimeout(fn, 0)` as statements, on the built-in timers, when the options ask for them. */
export function findTimerDeferral(file: AnalysisFile, node: TSESTree.CallExpression, options: DeferToMicrotaskOptions = {}): DeferToMicrotask | null {
  const callee = node.callee;
  if (callee.type !== 'Identifier' || node.optional || node.parent.type !== 'ExpressionStatement') return null;
  const callback = node.arguments[0];
  if (!callback || callback.type === 'SpreadElement' || isNotFunction(callback)) return null;
  let name: DeferToMicrotask['name'];
  // How many arguments `queueMicrotask` can take over: the callback alone (no extra arguments for it).
  let fits: boolean;
  if (callee.name === 'setImmediate' && options.checkSetImmediate) {
    name = 'setImmediate()';
    fits = node.arguments.length === 1;
  } else if (callee.name === 'setTimeout' && options.checkSetTimeout) {
    const delay = node.arguments[1];
    if (delay?.type !== 'Literal' || delay.value !== 0) return null;
    name = 'setTimeout()';
    fits = node.arguments.length === 2;
  } else {
    return null;
  }
  if (!isBuiltinGlobal(file.scopeManager, callee, callee.name)) return null;
  const plan = fits && !readsOwnThis(file, callback) ? planQueueMicrotask(file, node, callee, callback) : null;
  return { node: callee, name, plan };
}

/** The timer's name becomes `queueMicrotask`; a `setTimeout`'s `, 0` goes (not when a comment sits there). */
function planQueueMicrotask(file: AnalysisFile, node: TSESTree.CallExpression, callee: TSESTree.Identifier, callback: TSESTree.Expression): Plan | null {
  const edits: TextEdit[] = [{ range: callee.range, text: 'queueMicrotask' }];
  if (node.arguments.length === 2) {
    const close = node.range[1] - 1;
    if (file.comments.some((c) => c.range[0] >= callback.range[1] && c.range[1] <= close)) return null;
    edits.push({ range: [callback.range[1], close], text: '' });
  }
  return checkedPlan(file, 'review', edits, { owned: [node], vocabulary: { added: ['queueMicrotask'], removed: [callee.name, '0'] } });
}
