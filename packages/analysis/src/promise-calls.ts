/**
 * Two judgements of eslint-plugin-promise about calls of promise methods:
 * - `valid-params`: the number of arguments of `then`/`catch`/`finally` on a promise and of the
 *   `Promise` statics;
 * - `no-return-in-finally`: a `finally()` handler that returns, whose value the chain ignores.
 * The receiver must be shown to be a built-in promise (the global `Promise` for a static):
 * eslint-plugin-promise judges every member of those names.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { ownBodyFacts } from './async-functions';
import type { AnalysisFile } from './file';
import { isBuiltinPromiseRoot, isPromiseMethod, methodCallOf, promiseStaticCall } from './promise-methods';
import { skipTransparentWrappers } from './walk';

export type ArgumentCountRule = 'requireOneOptionalArgument' | 'requireOneArgument' | 'requireTwoOptionalArguments';

export interface InvalidParams {
  readonly call: TSESTree.CallExpression;
  readonly name: string;
  readonly count: number;
  readonly rule: ArgumentCountRule;
}

/** Why a promise method call with an unexpected argument count is not reported. */
export const validParamsSilenceReasons = [
  /** Nothing shows the receiver of `then`/`catch`/`finally` is a built-in promise. */
  'not-known-promise',
  /** An argument is a spread (`p.then(...handlers)`): its count is not known. */
  'spread-argument',
] as const;
export type ValidParamsSilenceReason = (typeof validParamsSilenceReasons)[number];

function expectedCount(name: string): ArgumentCountRule | null {
  switch (name) {
    case 'resolve':
    case 'reject':
      return 'requireOneOptionalArgument';
    case 'then':
      return 'requireTwoOptionalArguments';
    case 'race':
    case 'all':
    case 'allSettled':
    case 'any':
    case 'catch':
    case 'finally':
      return 'requireOneArgument';
    default:
      return null;
  }
}

function countIsValid(rule: ArgumentCountRule, count: number): boolean {
  switch (rule) {
    case 'requireOneOptionalArgument':
      return count <= 1;
    case 'requireTwoOptionalArguments':
      return count >= 1 && count <= 2;
    case 'requireOneArgument':
      return count === 1;
    default: {
      const unexpected: never = rule;
      return unexpected;
    }
  }
}

/**
 * Judges one call: {@link InvalidParams} when it is a promise method or `Promise` static given the
 * wrong number of arguments (eslint-plugin-promise's counts, `exclude`d names skipped);
 * `{ silenced }` with the reason for such a call left alone; `null` otherwise.
 */
export function judgeValidParams(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  exclude: readonly string[] = [],
): InvalidParams | { readonly silenced: ValidParamsSilenceReason } | null {
  const method = methodCallOf(call);
  if (!method || method.computed || exclude.includes(method.method)) return null;
  const rule = expectedCount(method.method);
  if (!rule || countIsValid(rule, call.arguments.length)) return null;
  const isStatic = promiseStaticCall(file, call) !== null;
  if (isStatic ? isPromiseMethod(method.method) : !isPromiseMethod(method.method)) return null;
  if (call.arguments.some((argument) => argument.type === 'SpreadElement')) return { silenced: 'spread-argument' };
  if (!isStatic && !isBuiltinPromiseRoot(file, skipTransparentWrappers(method.receiver))) return { silenced: 'not-known-promise' };
  return { call, name: method.method, count: call.arguments.length, rule };
}

/** Why a `finally()` handler's `return` is not reported. */
export const returnInFinallySilenceReasons = [
  /** Nothing shows the chain starts from a built-in promise. */
  'not-known-promise',
  /** The returned value may be a promise, which `finally()` waits for and whose rejection it passes on: not ignored. */
  'returns-promise',
] as const;
export type ReturnInFinallySilenceReason = (typeof returnInFinallySilenceReasons)[number];

/**
 * Judges `p.finally(handler)`: the handler's first ignored `return` (a bare `return;` among its
 * statements, or a `return x` of its own whose value is shown not to be a promise) on a chain shown
 * to start from a built-in promise; `{ silenced }` when its returns may matter or the chain is not
 * known; `null` when the handler does not return or the call is no `finally()`.
 */
export function judgeReturnInFinally(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
): { readonly property: TSESTree.Node } | { readonly silenced: ReturnInFinallySilenceReason } | null {
  const method = methodCallOf(call);
  if (!method || method.method !== 'finally' || method.computed) return null;
  const handler = call.arguments[0];
  if (!handler || (handler.type !== 'FunctionExpression' && handler.type !== 'ArrowFunctionExpression') || handler.body.type !== 'BlockStatement') {
    return null;
  }
  const bare = handler.body.body.some((statement) => statement.type === 'ReturnStatement' && statement.argument === null);
  const returned = ownBodyFacts(file, handler).returned;
  if (!bare && returned.length === 0) return null;
  if (!isBuiltinPromiseRoot(file, skipTransparentWrappers(method.receiver))) return { silenced: 'not-known-promise' };
  if (!bare && !returned.some((value) => file.oracle.isPromiseLike(value) === 'no')) return { silenced: 'returns-promise' };
  const callee = skipTransparentWrappers(call.callee);
  return { property: callee.type === 'MemberExpression' ? callee.property : callee };
}
