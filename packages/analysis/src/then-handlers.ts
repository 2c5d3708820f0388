/**
 * eslint-plugin-promise's `always-return`: a `then()` handler written as a function with a body must
 * return a value (or throw) on every path, or the next handler gets `undefined`. The handler's
 * chain must start from a value shown to be a built-in promise: eslint-plugin-promise judges every
 * member named `then` (Cypress's `cy.get().then()`, a query builder's), where this stays silent.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { canReachEnd } from './exits';
import type { AnalysisFile } from './file';
import { isBuiltinPromiseRoot, methodCallOf } from './promise-methods';
import { skipTransparentWrappers } from './walk';

/** eslint-plugin-promise's options, names and defaults unchanged. */
export interface AlwaysReturnOptions {
  /** Do not check the last `then()` of a chain whose result is discarded (default false). */
  readonly ignoreLastCallback?: boolean;
  /** In the last `then()`, an assignment to a member of one of these names counts as using the value (default `['globalThis']`). */
  readonly ignoreAssignmentVariable?: readonly string[];
}

/** Why a `then()` handler that can end without `return` is not reported. */
export const alwaysReturnSilenceReasons = [
  /** Nothing shows the chain starts from a built-in promise. */
  'not-known-promise',
  /** `ignoreLastCallback`: the handler is the chain's last and its result is discarded. */
  'last-callback',
  /** The last handler assigns to a member of an `ignoreAssignmentVariable` name (`globalThis.x = value`). */
  'ignored-assignment',
] as const;
export type AlwaysReturnSilenceReason = (typeof alwaysReturnSilenceReasons)[number];

export type ThenHandler = TSESTree.FunctionExpression | (TSESTree.ArrowFunctionExpression & { body: TSESTree.BlockStatement });

export type AlwaysReturnJudgement = { readonly handler: ThenHandler } | { readonly silenced: AlwaysReturnSilenceReason } | null;

/** The first argument of `x.then(…)` when it is a function with a block body; else `null`. */
export function thenHandlerOf(call: TSESTree.CallExpression): ThenHandler | null {
  const method = methodCallOf(call);
  if (!method || method.method !== 'then' || method.computed) return null;
  const first = call.arguments[0];
  if (first?.type === 'FunctionExpression') return first;
  if (first?.type === 'ArrowFunctionExpression' && first.body.type === 'BlockStatement') return first as ThenHandler;
  return null;
}

/**
 * Whether the `then()` call is the last of a chain whose value is discarded: a statement, `void`,
 * the last of a sequence or not, awaited, or followed only by `catch()`/`finally()` — eslint-plugin-promise's
 * `isLastCallback`, unchanged.
 */
function isLastCallback(call: TSESTree.CallExpression): boolean {
  let target: TSESTree.Node = call;
  let parent = target.parent;
  while (parent) {
    if (parent.type === 'ExpressionStatement') return true;
    if (parent.type === 'UnaryExpression') return parent.operator === 'void';
    let next: TSESTree.Node | null = null;
    if (parent.type === 'SequenceExpression') {
      if (parent.expressions[parent.expressions.length - 1] !== target) return true;
      next = parent;
    } else if (parent.type === 'ChainExpression' || parent.type === 'AwaitExpression') {
      next = parent;
    } else if (parent.type === 'MemberExpression' && parent.parent.type === 'CallExpression') {
      const method = methodCallOf(parent.parent);
      if (method && !method.computed && (method.method === 'catch' || method.method === 'finally')) next = parent.parent;
    }
    if (!next) return false;
    target = next;
    parent = target.parent;
  }
  return false;
}

function rootName(node: TSESTree.Node): string | null {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return rootName(node.object);
  return null;
}

/**
 * Judges `x.then(handler)`: `{ handler }` when the handler can reach its end without `return` or
 * `throw` on a chain shown to start from a built-in promise; `{ silenced }` with the reason for one
 * left alone; `null` for a handler that always returns, or a call that is not such a `then()`.
 */
export function judgeAlwaysReturn(file: AnalysisFile, call: TSESTree.CallExpression, options: AlwaysReturnOptions = {}): AlwaysReturnJudgement {
  const handler = thenHandlerOf(call);
  if (!handler || !canReachEnd(file, handler.body)) return null;
  const last = isLastCallback(call);
  if (options.ignoreLastCallback && last) return { silenced: 'last-callback' };
  const ignored = options.ignoreAssignmentVariable ?? ['globalThis'];
  if (last && ignored.length > 0) {
    const assigns = handler.body.body.some(
      (statement) =>
        statement.type === 'ExpressionStatement' &&
        statement.expression.type === 'AssignmentExpression' &&
        ignored.includes(rootName(statement.expression.left) ?? ''),
    );
    if (assigns) return { silenced: 'ignored-assignment' };
  }
  const method = methodCallOf(call);
  if (!method || !isBuiltinPromiseRoot(file, skipTransparentWrappers(method.receiver))) return { silenced: 'not-known-promise' };
  return { handler };
}
