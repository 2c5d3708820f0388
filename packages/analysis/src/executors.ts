/**
 * Promise executors: the function passed to `new Promise(…)` on the built-in `Promise`. Its return
 * value is thrown away and only `resolve`/`reject` settle the promise, so an `async` executor loses
 * its errors (ESLint core's `no-async-promise-executor`) and a returned value is lost
 * (`no-promise-executor-return`). Both judgements are exact from syntax: the only question is
 * whether `Promise` is the global one, which scope answers.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { arrowOffset, ownBodyFacts, planRemoveAsync } from './async-functions';
import type { Plan, TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { isBuiltinGlobal } from './scope';
import { nextCodeOffset } from './trivia';

export type ExecutorFunction = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/**
 * The executor of `new Promise(executor)` when `Promise` is the built-in one (not a local, an import or
 * a script's own `var Promise`) and the executor is written there as a function; else `null`.
 */
export function promiseExecutorOf(file: AnalysisFile, node: TSESTree.NewExpression): ExecutorFunction | null {
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'Promise') return null;
  const executor = node.arguments[0];
  if (!executor || (executor.type !== 'ArrowFunctionExpression' && executor.type !== 'FunctionExpression')) return null;
  return isBuiltinGlobal(file.scopeManager, node.callee, 'Promise') ? executor : null;
}

export interface AsyncPromiseExecutor {
  readonly executor: ExecutorFunction;
  /** The `async` keyword, where ESLint core reports. */
  readonly asyncRange: readonly [number, number];
  /**
   * Removing `async`: a `review` plan (a suggestion) when the executor never awaits. Its code then
   * runs as before, synchronously in the constructor, and a throw rejects the promise instead of
   * being lost with the executor's own promise. Refused with `function-awaits` otherwise.
   */
  readonly removeAsync: Plan;
}

/** `new Promise(async (resolve, reject) => …)` on the built-in `Promise`, or `null`. */
export function findAsyncPromiseExecutor(file: AnalysisFile, node: TSESTree.NewExpression): AsyncPromiseExecutor | null {
  const executor = promiseExecutorOf(file, node);
  if (!executor?.async) return null;
  return { executor, asyncRange: [executor.range[0], executor.range[0] + 5], removeAsync: planRemoveAsync(file, executor) };
}

export interface ExecutorReturnOptions {
  /** `return void x` (and an arrow body `void x`) is allowed (ESLint core's `allowVoid`, default false). */
  readonly allowVoid?: boolean;
}

export type ExecutorReturnSuggestionKind = 'prependVoid' | 'wrapBraces';

export interface ExecutorReturn {
  /** A `return` with a value, or an arrow executor's expression body. */
  readonly node: TSESTree.ReturnStatement | TSESTree.Expression;
  /**
   * ESLint core's suggestions, each a `review` plan: `void` before the value (only with `allowVoid`,
   * which accepts it), braces around an arrow's body. Both keep behaviour — the executor's return
   * value is discarded either way — but the report usually means the author expected the value to
   * resolve the promise, so applying one without reading would hide that bug: never a fix.
   */
  readonly suggestions: readonly { readonly kind: ExecutorReturnSuggestionKind; readonly plan: Plan }[];
}

/** Operands that `void` would not take whole: it binds tighter than every binary operator. */
const bindsLooserThanVoid = new Set<string>([
  'SequenceExpression',
  'AssignmentExpression',
  'ArrowFunctionExpression',
  'YieldExpression',
  'ConditionalExpression',
  'LogicalExpression',
  'BinaryExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
]);

/**
 * `void` in front of `value`, whose text starts at the first code after `keywordEnd` (`return` or
 * `=>`): parenthesised when it binds looser than `void` and has no parentheses of its own.
 */
function planPrependVoid(file: AnalysisFile, owner: TSESTree.Node, keywordEnd: number, value: TSESTree.Expression, spaceIfAdjacent: boolean): Plan {
  return checkedPlan(file, 'review', prependVoidEdits(file, keywordEnd, value, spaceIfAdjacent), { owned: [owner], vocabulary: { added: ['void'], removed: [] } });
}

/** The edits of {@link planPrependVoid}, for a plan that makes other edits too. */
export function prependVoidEdits(file: AnalysisFile, keywordEnd: number, value: TSESTree.Expression, spaceIfAdjacent: boolean): TextEdit[] {
  const first = nextCodeOffset(file, keywordEnd);
  const parenthesised = first < value.range[0];
  const wrap = bindsLooserThanVoid.has(value.type) && !parenthesised;
  const space = spaceIfAdjacent && first === keywordEnd ? ' ' : '';
  const edits: TextEdit[] = [{ range: [first, first], text: `${space}void ${wrap ? '(' : ''}` }];
  if (wrap) edits.push({ range: [value.range[1], value.range[1]], text: ')' });
  return edits;
}

/**
 * Braces around an arrow's expression body, making it a statement. Not where the statement would
 * mean something else: an unnamed function or class (not a valid declaration), a string (it would
 * become a directive, `'use strict'` among them), or `let` (read as a declaration), nor where a
 * declared return type would then be unmet.
 */
function planWrapBraces(file: AnalysisFile, executor: TSESTree.ArrowFunctionExpression, body: TSESTree.Expression): Plan | null {
  if ((body.type === 'FunctionExpression' || body.type === 'ClassExpression') && !body.id) return null;
  const first = nextCodeOffset(file, arrowOffset(file, executor) + 2);
  const parenthesised = first < body.range[0];
  if (!parenthesised && body.type === 'Literal' && typeof body.value === 'string') return null;
  if (!parenthesised && /^let\b/.test(file.text.slice(first, first + 4))) return null;
  if (executor.returnType) return null;
  return checkedPlan(
    file,
    'review',
    [
      { range: [first, first], text: '{' },
      { range: [executor.range[1], executor.range[1]], text: '}' },
    ],
    { owned: [executor], vocabulary: { added: [], removed: [] } },
  );
}

function isVoid(node: TSESTree.Expression): boolean {
  return node.type === 'UnaryExpression' && node.operator === 'void';
}

/** Every value an executor returns, as ESLint core's `no-promise-executor-return` reports them. */
export function findExecutorReturns(file: AnalysisFile, executor: ExecutorFunction, options: ExecutorReturnOptions = {}): ExecutorReturn[] {
  const allowVoid = options.allowVoid ?? false;
  const out: ExecutorReturn[] = [];
  if (executor.type === 'ArrowFunctionExpression' && executor.body.type !== 'BlockStatement') {
    const body = executor.body;
    if (!(allowVoid && isVoid(body))) {
      const suggestions: { kind: ExecutorReturnSuggestionKind; plan: Plan }[] = [];
      if (allowVoid) suggestions.push({ kind: 'prependVoid', plan: planPrependVoid(file, executor, arrowOffset(file, executor) + 2, body, false) });
      const braces = planWrapBraces(file, executor, body);
      if (braces) suggestions.push({ kind: 'wrapBraces', plan: braces });
      out.push({ node: body, suggestions });
    }
    return out;
  }
  walkReturns(file, executor, (statement, argument) => {
    if (allowVoid && isVoid(argument)) return;
    out.push({
      node: statement,
      // Without allowVoid, `return void x` would be reported again: ESLint core offers nothing then.
      suggestions: allowVoid ? [{ kind: 'prependVoid', plan: planPrependVoid(file, statement, statement.range[0] + 'return'.length, argument, true) }] : [],
    });
  });
  return out;
}

function walkReturns(file: AnalysisFile, executor: ExecutorFunction, visit: (statement: TSESTree.ReturnStatement, argument: TSESTree.Expression) => void): void {
  // `ownBodyFacts` collects the arguments; the statements are their parents.
  for (const argument of ownBodyFacts(file, executor).returned) {
    const statement = argument.parent;
    if (statement?.type === 'ReturnStatement') visit(statement, argument);
  }
}
