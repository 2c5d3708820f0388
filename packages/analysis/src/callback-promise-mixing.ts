/**
 * Mixing callbacks and promises (eslint-plugin-promise's judgements):
 * - `no-callback-in-promise`: calling a callback from a `then()`/`catch()` handler, where a throw
 *   inside the callback becomes a rejection (and, through a later `catch`, a second call back).
 * The peer judges a promise by its member names; here a chain counts only when the
 * {@link TypeOracle} shows its receiver is a built-in promise.
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { arrayCallbackMethods, collectionLibraries } from './catalogues/array-callbacks';
import type { AnalysisFile } from './file';
import { isBuiltinPromiseRoot, methodCallOf } from './promise-methods';
import { findVariable, innermostScope } from './scope';
import { type FunctionNode, isFunctionNode, skipTransparentWrappers } from './walk';

/** The callback names eslint-plugin-promise's `no-callback-in-promise` looks for. */
export const promiseCallbackNames = ['callback', 'cb', 'next', 'done'] as const;

/** The timer functions whose callbacks `no-callback-in-promise` leaves alone unless `timeoutsErr` is set. */
export const timeoutFunctions = ['setImmediate', 'setTimeout', 'requestAnimationFrame', 'nextTick'] as const;

function calleeName(callee: TSESTree.Node): string | null {
  const inner = callee.type === 'ChainExpression' ? callee.expression : callee;
  if (inner.type === 'Identifier') return inner.name;
  if (inner.type === 'MemberExpression' && !inner.computed && inner.property.type === 'Identifier') return inner.property.name;
  return null;
}

/** The call a function is an argument of, when it is one. */
function callTakingFunction(fn: FunctionNode): TSESTree.CallExpression | null {
  const parent = fn.parent;
  if (parent.type === 'CallExpression' && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return parent;
  return null;
}

/** `then`/`catch` (`finally` too when asked) called on a value shown to be a built-in promise, with `fn` among its handlers. */
function isPromiseHandler(file: AnalysisFile, fn: FunctionNode, methods: readonly string[]): 'yes' | 'no' | 'unknown' {
  const call = callTakingFunction(fn);
  const method = call ? methodCallOf(call) : null;
  if (!method || !methods.includes(method.method)) return 'no';
  return isBuiltinPromiseRoot(file, skipTransparentWrappers(method.receiver)) ? 'yes' : 'unknown';
}

/** Whether a callback of this call runs before the call returns: a catalogued array method or a collection library's, or an IIFE. */
function runsCallbackSynchronously(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  if (call.callee === fn) return true;
  const name = calleeName(call.callee);
  if (name === null) return false;
  if (Object.hasOwn(arrayCallbackMethods, name)) return true;
  const callee = skipTransparentWrappers(call.callee);
  const object = callee.type === 'MemberExpression' ? skipTransparentWrappers(callee.object) : null;
  return object?.type === 'Identifier' && (object.name === '_' || (collectionLibraries as readonly string[]).includes(object.name));
}

// ---------------------------------------------------------------------------------------------
// no-callback-in-promise

export interface CallbackInPromiseOptions {
  readonly exceptions?: readonly string[];
  readonly timeoutsErr?: boolean;
}

/** Why a callback call inside a promise handler is not reported. */
export const callbackInPromiseSilenceReasons = [
  /** Nothing shows the `then`/`catch` is called on a built-in promise (a query builder's `then`). */
  'not-known-promise',
  /** The call sits in a function another API calls later (a timer without `timeoutsErr`, an event or I/O callback): a throw there is not the promise's. */
  'called-later',
  /** The callback is a function the handler declares itself, not one handed in from outside. */
  'local-function',
] as const;
export type CallbackInPromiseSilenceReason = (typeof callbackInPromiseSilenceReasons)[number];

export interface CallbackInPromise {
  /** The callback call, or the callback passed to `then`/`catch` as a handler. */
  readonly node: TSESTree.Node;
}

function isCallbackName(name: string | null, exceptions: readonly string[]): boolean {
  return name !== null && (promiseCallbackNames as readonly string[]).includes(name) && !exceptions.includes(name);
}

/** With `timeoutsErr`: a callback name handed to a timer function (`setTimeout(cb)`), which the timer calls in the handler's stead. */
function timerCallbackArgument(call: TSESTree.CallExpression, exceptions: readonly string[]): TSESTree.Identifier | null {
  if (!(timeoutFunctions as readonly string[]).includes(calleeName(call.callee) ?? '')) return null;
  const argument = call.arguments[0];
  return argument?.type === 'Identifier' && isCallbackName(argument.name, exceptions) ? argument : null;
}

/**
 * Judges a call: `p.then(cb)` / `p.catch(cb)` with a callback name as a handler, or a call of a
 * callback name from inside a `then`/`catch` handler on a built-in promise (with `timeoutsErr`,
 * also a callback name handed to a timer there: `setTimeout(cb)`). Between the call and the
 * handler only synchronous functions may sit (array callbacks, IIFEs), and timer callbacks when
 * `timeoutsErr` is set. `{ silenced }` for such a call left alone; `null` otherwise.
 */
export function judgeCallbackInPromise(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  options: CallbackInPromiseOptions,
): CallbackInPromise | { readonly silenced: CallbackInPromiseSilenceReason } | null {
  const exceptions = options.exceptions ?? [];
  const method = methodCallOf(call);
  if (method && (method.method === 'then' || method.method === 'catch') && !method.computed) {
    const handler = call.arguments.find((argument) => argument.type === 'Identifier' && isCallbackName(argument.name, exceptions));
    if (!handler) return null;
    if (!isBuiltinPromiseRoot(file, skipTransparentWrappers(method.receiver))) return { silenced: 'not-known-promise' };
    return { node: handler };
  }
  const callee = skipTransparentWrappers(call.callee);
  const callback =
    callee.type === 'Identifier' && isCallbackName(callee.name, exceptions)
      ? callee
      : options.timeoutsErr
        ? timerCallbackArgument(call, exceptions)
        : null;
  if (!callback) return null;
  const reported = callback === callee ? call : callback;
  let laterCallback = false;
  for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
    if (!isFunctionNode(node)) continue;
    const handler = isPromiseHandler(file, node, ['then', 'catch']);
    if (handler !== 'no') {
      if (laterCallback) return { silenced: 'called-later' };
      if (handler === 'unknown') return { silenced: 'not-known-promise' };
      const variable = findVariable(innermostScope(file.scopeManager, call), callback.name);
      if (variable && declaredWithin(variable, node)) return { silenced: 'local-function' };
      return { node: reported };
    }
    const outer = callTakingFunction(node);
    if (outer && runsCallbackSynchronously(outer, node)) continue;
    if (outer && options.timeoutsErr && (timeoutFunctions as readonly string[]).includes(calleeName(outer.callee) ?? '')) continue;
    // Any other function runs at a time the promise does not see (a timer, an event, an I/O callback) or at no known time.
    laterCallback = true;
  }
  return null;
}

function declaredWithin(variable: Variable, node: TSESTree.Node): boolean {
  return variable.defs.some((def) => def.name.range[0] >= node.range[0] && def.name.range[1] <= node.range[1]);
}
