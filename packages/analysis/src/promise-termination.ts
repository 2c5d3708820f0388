/**
 * eslint-plugin-promise's `catch-or-return`: a promise chain used as a statement (neither returned
 * nor awaited nor kept) must end in a handler that catches its rejection, or the rejection goes
 * unhandled. eslint-plugin-promise calls anything with a `.then`/`.catch`/`.finally` in it a
 * promise; here the statement's value must be shown to be one by the {@link TypeOracle}, so a
 * query builder's or Cypress's `.then()` is left alone, as is a value nothing shows is a promise.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { isBuiltinPromiseRoot, isPromiseMethod, methodCallOf, promiseStaticCall } from './promise-methods';
import { skipTransparentWrappers } from './walk';

/** eslint-plugin-promise's options, names and defaults unchanged. */
export interface CatchOrReturnOptions {
  /** `p.catch(f).finally(g)` ends the chain too (default false). */
  readonly allowFinally?: boolean;
  /** `p.then(f, g)` ends the chain (default false). */
  readonly allowThen?: boolean;
  /** Only `p.then(null, g)` ends the chain (default false). */
  readonly allowThenStrict?: boolean;
  /** The methods that end a chain (default `['catch']`). */
  readonly terminationMethod?: string | readonly string[];
}

/** Why a chain statement is not reported. */
export const catchOrReturnSilenceReasons = [
  /** The chain ends in a termination method (`catch`, or those of `terminationMethod`, `then(f, g)` with `allowThen` …). */
  'chain-terminated',
  /** Nothing shows the statement's value is a built-in promise: an untyped receiver, a thenable library's own `.then`. */
  'not-known-promise',
] as const;
export type CatchOrReturnSilenceReason = (typeof catchOrReturnSilenceReasons)[number];

export interface UnterminatedChain {
  readonly statement: TSESTree.ExpressionStatement;
  /** The termination methods the options accept, for the message. */
  readonly terminationMethods: readonly string[];
}

export type CatchOrReturnJudgement = UnterminatedChain | { readonly silenced: CatchOrReturnSilenceReason } | null;

/** Whether the expression is a chain in eslint-plugin-promise's sense: a `then`/`catch`/`finally` or `Promise.*` call in its callee chain. */
function isChainShape(file: AnalysisFile, expression: TSESTree.Expression): boolean {
  let current: TSESTree.Expression = expression;
  for (;;) {
    const call = methodCallOf(current);
    if (!call) return false;
    if (isPromiseMethod(call.method)) return true;
    if (promiseStaticCall(file, call.call) !== null) return call.method !== 'withResolvers';
    current = skipTransparentWrappers(call.receiver);
  }
}

function isTerminated(file: AnalysisFile, expression: TSESTree.Expression, options: CatchOrReturnOptions, methods: readonly string[]): boolean {
  const call = methodCallOf(expression);
  if (!call) return false;
  const { method, call: node } = call;
  if ((options.allowThen || options.allowThenStrict) && method === 'then' && node.arguments.length === 2) {
    const first = node.arguments[0];
    if (options.allowThen && !options.allowThenStrict) return true;
    if (first?.type === 'Literal' && first.value === null) return true;
  }
  if (options.allowFinally && method === 'finally') {
    const receiver = skipTransparentWrappers(call.receiver);
    if (isChainShape(file, receiver) && isTerminated(file, receiver, options, methods)) return true;
  }
  // eslint-plugin-promise accepts `p['catch']()` whatever `terminationMethod` says.
  return methods.includes(method) || (call.computed && method === 'catch');
}

/**
 * Judges one expression statement: an {@link UnterminatedChain} when its value is a promise chain
 * shown to be a promise that no termination method ends; `{ silenced }` for a chain left alone, with
 * the reason; `null` when the statement is no chain at all.
 */
export function judgeCatchOrReturn(
  file: AnalysisFile,
  statement: TSESTree.ExpressionStatement,
  options: CatchOrReturnOptions = {},
): CatchOrReturnJudgement {
  const expression = skipTransparentWrappers(statement.expression);
  if (!isChainShape(file, expression)) return null;
  const raw = options.terminationMethod ?? 'catch';
  const methods = typeof raw === 'string' ? [raw] : raw;
  if (isTerminated(file, expression, options, methods)) return { silenced: 'chain-terminated' };
  // A thenable that is not a built-in promise (a chainable, a query builder) may have no `catch` to end it with.
  if (file.oracle.promiseKind(expression) !== 'promise' || !isBuiltinPromiseRoot(file, expression)) return { silenced: 'not-known-promise' };
  return { statement, terminationMethods: methods };
}
