/**
 * eslint-plugin-promise's `no-nesting`: a `then()`/`catch()` chained inside another chain's handler
 * could usually be flattened into the outer chain (`a().then((x) => b(x).then(c))` →
 * `a().then(b).then(c)`), unless its handlers read values of the enclosing handler, which only the
 * nesting keeps in scope. Both chains must be shown to be built-in promises.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { isBuiltinPromiseRoot, methodCallOf } from './promise-methods';
import { skipTransparentWrappers } from './walk';

/** Why a nested `then()`/`catch()` is not reported. */
export const nestingSilenceReasons = [
  /** The nested chain's arguments read a parameter or variable of the enclosing handler: flattening would lose it. */
  'uses-handler-values',
  /** The inner or the outer chain is not shown to start from a built-in promise. */
  'not-known-promise',
] as const;
export type NestingSilenceReason = (typeof nestingSilenceReasons)[number];

type HandlerFunction = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/** The `then`/`catch` call a function is passed to, when it is one (eslint-plugin-promise's `isInsidePromise`). */
function handlerCall(fn: HandlerFunction): TSESTree.CallExpression | null {
  const parent = fn.parent;
  if (parent.type !== 'CallExpression' || !parent.arguments.includes(fn)) return null;
  const method = methodCallOf(parent);
  return method && !method.computed && (method.method === 'then' || method.method === 'catch') ? parent : null;
}

/** The closest enclosing function that is a `then`/`catch` handler, with the call it is passed to. */
function enclosingHandler(node: TSESTree.Node): { fn: HandlerFunction; call: TSESTree.CallExpression } | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ArrowFunctionExpression' || current.type === 'FunctionExpression') {
      const call = handlerCall(current);
      if (call) return { fn: current, call };
    }
  }
  return null;
}

/**
 * Judges a `then()`/`catch()` call: the reported property (`then`/`catch`) when it is nested in
 * another chain's handler and could be moved out; `{ silenced }` with the reason when it could not,
 * or either chain is not known to be a promise; `null` when it is not nested in a handler at all.
 */
export function judgeNesting(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
): { readonly property: TSESTree.Node } | { readonly silenced: NestingSilenceReason } | null {
  const method = methodCallOf(call);
  if (!method || method.computed || (method.method !== 'then' && method.method !== 'catch')) return null;
  const outer = enclosingHandler(call);
  if (!outer) return null;
  const scope = file.scopeManager.acquire(outer.fn);
  if (scope) {
    const [start, end] = [call.arguments[0]?.range[0] ?? call.range[1], call.range[1]];
    for (const variable of scope.variables) {
      if (variable.references.some((reference) => reference.identifier.range[0] >= start && reference.identifier.range[1] <= end)) {
        return { silenced: 'uses-handler-values' };
      }
    }
  }
  const outerMethod = methodCallOf(outer.call);
  if (
    !outerMethod ||
    !isBuiltinPromiseRoot(file, skipTransparentWrappers(method.receiver)) ||
    !isBuiltinPromiseRoot(file, skipTransparentWrappers(outerMethod.receiver))
  ) {
    return { silenced: 'not-known-promise' };
  }
  const callee = skipTransparentWrappers(call.callee);
  return { property: callee.type === 'MemberExpression' ? callee.property : callee };
}
