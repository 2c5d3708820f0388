/**
 * Mixing callbacks and promises (eslint-plugin-promise's judgements):
 * - `no-callback-in-promise`: calling a callback from a `then()`/`catch()` handler, where a throw
 *   inside the callback becomes a rejection (and, through a later `catch`, a second call back);
 * - `no-promise-in-callback`: a promise chain started inside an error-first callback, whose
 *   rejection reaches neither the callback's caller nor its own error path;
 * - `prefer-await-to-callbacks`: a function that takes an error-first callback, or hands one to a
 *   call, where `async`/`await` says the same with one error path.
 * The peer judges a promise by its member names; here a chain counts only when the
 * {@link TypeOracle} shows its receiver is a built-in promise.
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { arrayCallbackMethods, collectionLibraries } from './catalogues/array-callbacks';
import { promiseExecutorOf } from './executors';
import type { AnalysisFile } from './file';
import { isBuiltinPromiseRoot, isPromiseMethod, methodCallOf, promiseStaticCall } from './promise-methods';
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

// ---------------------------------------------------------------------------------------------
// no-promise-in-callback

export interface PromiseInCallbackOptions {
  readonly exemptDeclarations?: boolean;
}

/** Why a promise chain inside an error-first callback, or a function that looks like one, is not reported. */
export const promiseInCallbackSilenceReasons = [
  /** Nothing shows the chain's receiver is a built-in promise (a query builder's or a stream's `then`). */
  'not-known-promise',
  /** The chain is returned from its function (`return p.then()`, `(err) => p.then()`): that function's caller gets the promise. */
  'returned',
  /** An `async` function or a promise handler lies between the chain and the callback, or the callback is `async` itself: promise code already. */
  'inside-promise-context',
  /** The function with the `err` parameter is an event listener (`on('error', (err) => …)`): an error event, not an error-first callback. */
  'event-listener',
  /** The function with the `err` parameter is a class or object method (`static err(err) { … }`): its parameters are its class's contract. */
  'method',
] as const;
export type PromiseInCallbackSilenceReason = (typeof promiseInCallbackSilenceReasons)[number];

/** The first-parameter names eslint-plugin-promise's `no-promise-in-callback` takes for an error-first callback. */
export const errorParameterNames = ['err', 'error'] as const;

/** Listener registrations: an event can fire many times, which a promise cannot express. */
const listenerMethods = new Set([
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
  'addEventListener',
  'off',
  'removeListener',
  'removeEventListener',
]);

function hasErrorFirstParameter(fn: FunctionNode): boolean {
  const first = fn.params[0];
  return first?.type === 'Identifier' && (errorParameterNames as readonly string[]).includes(first.name);
}

function isMethod(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    parent.type === 'MethodDefinition' ||
    parent.type === 'TSAbstractMethodDefinition' ||
    (parent.type === 'Property' && parent.value === fn && (parent.method || parent.kind !== 'init'))
  );
}

function isListener(fn: FunctionNode): boolean {
  const call = callTakingFunction(fn);
  const callee = call ? skipTransparentWrappers(call.callee) : null;
  return callee?.type === 'MemberExpression' && listenerMethods.has(calleeName(callee) ?? '');
}

/** `node` through the wrappers that keep its value (`( … )` is no node; `as`, `!`, `satisfies` are). */
function outermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === 'TSAsExpression' ||
      current.parent.type === 'TSNonNullExpression' ||
      current.parent.type === 'TSSatisfiesExpression' ||
      current.parent.type === 'TSTypeAssertion' ||
      (current.parent.type === 'ChainExpression' && current.parent.expression === current))
  ) {
    current = current.parent;
  }
  return current;
}

/** Whether `call` is the receiver of a further `then`/`catch`/`finally`: the chain's outer call is judged instead. */
function continuesChain(call: TSESTree.CallExpression): boolean {
  const node = outermostWrapper(call);
  const parent = node.parent;
  if (parent?.type !== 'MemberExpression' || parent.object !== node) return false;
  const outer = parent.parent;
  return outer?.type === 'CallExpression' && outer.callee === parent && isPromiseMethod(methodCallOf(outer)?.method ?? '');
}

/** Whether the chain is what its innermost function returns: a `return` argument or an arrow's expression body. */
function isReturned(call: TSESTree.CallExpression): boolean {
  const node = outermostWrapper(call);
  const parent = node.parent;
  if (parent?.type === 'ReturnStatement') return true;
  return parent?.type === 'ArrowFunctionExpression' && parent.body === node;
}

/**
 * Judges a call: a `then`/`catch`/`finally` chain on a built-in promise, or a `Promise` static
 * (not `withResolvers`), made inside an error-first callback (a function whose first parameter is
 * `err`/`error`, not a promise handler, an event listener or a method, and not a function declaration when
 * `exemptDeclarations` is set) and not returned. A chain is judged once, at its outermost call.
 * `{ callee }` to report; `{ silenced }` for such a chain left alone; `null` for anything else.
 */
export function judgePromiseInCallback(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  options: PromiseInCallbackOptions,
): { readonly callee: TSESTree.Node } | { readonly silenced: PromiseInCallbackSilenceReason } | null {
  const method = methodCallOf(call);
  if (!method) return null;
  const staticName = promiseStaticCall(file, call);
  if (staticName === null && !isPromiseMethod(method.method)) return null;
  if (staticName === 'withResolvers' || continuesChain(call)) return null;
  const exempt = options.exemptDeclarations ?? false;
  let callback: FunctionNode | null = null;
  let promiseContext = false;
  let notCallback: 'event-listener' | 'method' | null = null;
  for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
    if (!isFunctionNode(node)) continue;
    // A handler of any `then`/`catch`/`finally`, by name: the peer's own exemption, kept for unknown receivers too.
    if (isPromiseHandler(file, node, ['then', 'catch', 'finally']) !== 'no') {
      promiseContext = true;
      continue;
    }
    if (hasErrorFirstParameter(node) && !(exempt && node.type === 'FunctionDeclaration')) {
      if (isMethod(node)) {
        notCallback ??= 'method';
      } else if (isListener(node)) {
        notCallback ??= 'event-listener';
      } else {
        callback = node;
        break;
      }
    }
    if (node.async) promiseContext = true;
  }
  if (!callback) return notCallback ? { silenced: notCallback } : null;
  if (isReturned(call)) return { silenced: 'returned' };
  if (promiseContext || callback.async) return { silenced: 'inside-promise-context' };
  if (staticName === null && !isBuiltinPromiseRoot(file, skipTransparentWrappers(method.receiver))) return { silenced: 'not-known-promise' };
  return { callee: call.callee };
}

// ---------------------------------------------------------------------------------------------
// prefer-await-to-callbacks

/** The parameter and callee names eslint-plugin-promise's `prefer-await-to-callbacks` takes for callbacks. */
export const awaitableCallbackNames = ['callback', 'cb'] as const;

/** Why a callback-looking parameter, call or function argument is not reported by `prefer-await-to-callbacks`. */
export const awaitToCallbacksSilenceReasons = [
  /** A `callback`/`cb` never called with an error first nor handed on: a visitor or a mapper, not a completion callback. */
  'not-error-first',
  /** A call of the function's own `callback`/`cb` parameter: the parameter is judged (and reported) once, not each call. */
  'parameter-judged',
  /** An event listener (`on`, `once`, `addEventListener` …): an event fires many times, a promise settles once. */
  'event-listener',
  /** The callback of an array method or a collection library (`map`, `forEach`, `_.filter`). */
  'array-callback',
  /** A handler of `then`/`catch`/`finally`: promise code already. */
  'promise-handler',
  /** The call is already awaited or yielded. */
  'awaited',
  /** The call sits right in a `new Promise` executor, or the function is handed to `promisify`: the callback API is being promisified, which is the remedy itself. */
  'promisified',
  /** A stream implementation method (`_transform`, `_flush`, `_write` …): its callback is the stream's contract. */
  'stream-implementation',
  /** A one-parameter function that never tests its error for absence nor hands it to a callback (`onError((err) => …)`, `.transform((error) => …)`): an error handler, not an error-first callback. */
  'error-handler',
  /** A parameter typed as something other than a function (`callback: TSESTree.Expression`). */
  'not-a-function',
  /** A four-parameter `(err, req, res, next)` function: Express/Connect's error middleware, which they tell by its arity, not a completion callback. */
  'error-middleware',
] as const;
export type AwaitToCallbacksSilenceReason = (typeof awaitToCallbacksSilenceReasons)[number];

export type AwaitToCallbacksFinding =
  | { readonly kind: 'callback-parameter'; readonly node: TSESTree.Identifier }
  | { readonly kind: 'callback-call'; readonly node: TSESTree.CallExpression }
  | { readonly kind: 'error-first-argument'; readonly node: FunctionNode };

type AwaitToCallbacksJudgement = AwaitToCallbacksFinding | { readonly silenced: AwaitToCallbacksSilenceReason } | null;

const errorValueName = /^(?:e|er|err|error|ex|exc|exception)$|(?:Err|Error)$/u;

/** What can only be the error slot of an error-first call: `null`, `undefined`, an `err`-named value, a `new …Error(…)` or a `…Error(…)` call. */
function isErrorSlotValue(node: TSESTree.Node): boolean {
  if (node.type === 'Literal') return node.value === null && !('regex' in node && node.regex);
  if (node.type === 'Identifier') return node.name === 'undefined' || errorValueName.test(node.name);
  if (node.type === 'MemberExpression') return !node.computed && node.property.type === 'Identifier' && errorValueName.test(node.property.name);
  if (node.type === 'NewExpression') return node.callee.type === 'Identifier' && node.callee.name.endsWith('Error');
  if (node.type === 'CallExpression') return /(?:Err|Error)$/u.test(calleeName(node.callee) ?? '');
  return false;
}

/** A call shaped like an error-first completion: `cb(null, value)`, `cb(err)`, `cb(new Error(…))`. */
function isErrorFirstCall(call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  return first !== undefined && first.type !== 'SpreadElement' && isErrorSlotValue(first);
}

/** Whether a reference to the callback uses it as a completion callback: called error-first, or handed on as a call's last argument (not to an array method or a listener). */
function usesAsCompletion(reference: TSESTree.Identifier): boolean {
  const parent = reference.parent;
  if (parent.type !== 'CallExpression') return false;
  if (parent.callee === reference) return isErrorFirstCall(parent);
  if (parent.arguments.at(-1) !== reference) return false;
  const name = calleeName(parent.callee);
  if (name === null) return true;
  if (Object.hasOwn(arrayCallbackMethods, name) || listenerMethods.has(name)) return false;
  const callee = skipTransparentWrappers(parent.callee);
  const object = callee.type === 'MemberExpression' ? skipTransparentWrappers(callee.object) : null;
  return !(object?.type === 'Identifier' && (object.name === '_' || (collectionLibraries as readonly string[]).includes(object.name)));
}

/** The last parameter when it is named `callback`/`cb` (a default value too: `callback = null`). */
function callbackParameterOf(fn: FunctionNode): TSESTree.Identifier | null {
  const param = fn.params.at(-1);
  const last = param?.type === 'AssignmentPattern' ? param.left : param;
  return last?.type === 'Identifier' && (awaitableCallbackNames as readonly string[]).includes(last.name) ? last : null;
}

/** Whether a declared parameter type may be a function: none declared, a function type, a union with one, or a named type (`TransformCallback`, `Callback<T>`) not known to be other. */
function mayBeFunctionType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return true;
  switch (type.type) {
    case 'TSFunctionType':
    case 'TSAnyKeyword':
    case 'TSUnknownKeyword':
      return true;
    case 'TSUnionType':
      return type.types.some(mayBeFunctionType);
    case 'TSTypeReference':
      // A qualified name (`TSESTree.Expression`) or a name without `Callback`/`Cb`/`Fn`/`Function`/`Handler`/`Listener` in it is a value type.
      return type.typeName.type === 'Identifier' && /(?:Callback|Cb|Fn|Function|Handler|Listener)\b/u.test(type.typeName.name);
    default:
      return false;
  }
}

/** Node's stream implementation methods: their callback is the stream's contract. */
const streamImplementationMethods = new Set(['_transform', '_flush', '_write', '_writev', '_read', '_final', '_destroy', '_construct']);

function isStreamImplementation(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent.type !== 'MethodDefinition' && parent.type !== 'Property') return false;
  return !parent.computed && parent.key.type === 'Identifier' && streamImplementationMethods.has(parent.key.name);
}

/** `promisify(fn)` (any import of it): the callback is being turned into a promise, which is the remedy itself. */
function isPromisified(fn: FunctionNode): boolean {
  const call = callTakingFunction(fn);
  return call !== null && calleeName(call.callee) === 'promisify';
}

/**
 * Judges a function: its last parameter when it is named `callback`/`cb` and the function uses it
 * as an error-first completion callback (calls it with an error or `null` first, or hands it on as
 * a call's last argument). `{ silenced }` for such a name used otherwise, in a stream
 * implementation method, or in a function handed to `promisify`.
 */
export function judgeCallbackParameter(file: AnalysisFile, fn: FunctionNode): AwaitToCallbacksJudgement {
  const param = callbackParameterOf(fn);
  if (!param) return null;
  if (!mayBeFunctionType(param.typeAnnotation?.typeAnnotation)) return { silenced: 'not-a-function' };
  if (isStreamImplementation(fn)) return { silenced: 'stream-implementation' };
  if (isPromisified(fn)) return { silenced: 'promisified' };
  const variable = file.scopeManager.getDeclaredVariables(fn).find((v) => v.name === param.name);
  const used = variable?.references.some((reference) => usesAsCompletion(reference.identifier as TSESTree.Identifier)) ?? false;
  return used ? { kind: 'callback-parameter', node: param } : { silenced: 'not-error-first' };
}

/** The names a forwarded error goes to in error-first code (`(err) => done(err)`), and the assertions that test it for presence (`assert.ok(err)`, `assert.ifError(err)`). */
const forwardingNames = new Set<string>([...promiseCallbackNames, ...awaitableCallbackNames, 'assert', 'ok', 'ifError']);

/**
 * Whether a function's error parameter is used the error-first way: tested for absence
 * (`if (err)`, `err ? … : …`, `!err`, `err && …`, `err == null`, `assert.ok(err)`) or forwarded
 * to a callback (`done(err)`). An error handler gets an error for sure and does neither.
 */
function treatsAsErrorFirst(file: AnalysisFile, fn: FunctionNode): boolean {
  const variable = file.scopeManager.getDeclaredVariables(fn).find((v) => v.defs.some((def) => def.type === 'Parameter' && def.name === fn.params[0]));
  return (
    variable?.references.some((reference) => {
      const id = reference.identifier as TSESTree.Node;
      const parent = id.parent;
      if (!parent) return false;
      switch (parent.type) {
        case 'IfStatement':
        case 'ConditionalExpression':
          return parent.test === id;
        case 'UnaryExpression':
          return parent.operator === '!';
        case 'LogicalExpression':
          return parent.left === id;
        case 'BinaryExpression': {
          const other = parent.left === id ? parent.right : parent.left;
          const absent = (other.type === 'Literal' && other.value === null) || (other.type === 'Identifier' && other.name === 'undefined');
          return absent && ['==', '!=', '===', '!=='].includes(parent.operator);
        }
        case 'CallExpression':
          return parent.arguments[0] === id && forwardingNames.has(calleeName(parent.callee) ?? '');
        default:
          return false;
      }
    }) ?? false
  );
}

/**
 * Judges a call for `prefer-await-to-callbacks`: an error-first call of `callback`/`cb` that is
 * not a function's own last parameter (those are judged as parameters), or an error-first
 * function (first parameter `err`/`error`) as the last argument of a call that is not an event
 * listener, an array method, a promise handler, an error middleware, made right in a `new Promise`
 * executor (promisifying), or already awaited or yielded.
 */
export function judgeAwaitToCallbacksCall(file: AnalysisFile, call: TSESTree.CallExpression): AwaitToCallbacksJudgement {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type === 'Identifier' && (awaitableCallbackNames as readonly string[]).includes(callee.name)) {
    const variable = findVariable(innermostScope(file.scopeManager, call), callee.name);
    const judgedAsParameter = variable?.defs.some(
      (def) => def.type === 'Parameter' && isFunctionNode(def.node) && callbackParameterOf(def.node) === def.name,
    );
    if (judgedAsParameter) return { silenced: 'parameter-judged' };
    return isErrorFirstCall(call) ? { kind: 'callback-call', node: call } : { silenced: 'not-error-first' };
  }
  const last = call.arguments.at(-1);
  if (!last || (last.type !== 'FunctionExpression' && last.type !== 'ArrowFunctionExpression')) return null;
  if (!hasErrorFirstParameter(last)) return null;
  if (last.params.length === 4) return { silenced: 'error-middleware' };
  const name = calleeName(call.callee);
  if (callee.type === 'MemberExpression' && name !== null && listenerMethods.has(name)) return { silenced: 'event-listener' };
  if (callee.type === 'MemberExpression' && name !== null && isPromiseMethod(name)) return { silenced: 'promise-handler' };
  if (runsCallbackSynchronously(call, last)) return { silenced: 'array-callback' };
  let node: TSESTree.Node | undefined = call.parent;
  for (; node && !isFunctionNode(node); node = node.parent) {
    if (node.type === 'AwaitExpression' || node.type === 'YieldExpression') return { silenced: 'awaited' };
  }
  if (node?.parent?.type === 'NewExpression' && promiseExecutorOf(file, node.parent) === node) return { silenced: 'promisified' };
  if (last.params.length === 1 && !treatsAsErrorFirst(file, last)) return { silenced: 'error-handler' };
  return { kind: 'error-first-argument', node: last };
}
