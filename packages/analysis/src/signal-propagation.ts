/**
 * Signals that stop short: a function has an `AbortSignal` in scope — a `signal` parameter or
 * option, or the signal of its own `AbortController` — and calls a catalogued abortable API without
 * it, so cancelling the caller leaves that call running. asyncio cancels a task and every `await`
 * inside it; in JavaScript only the calls that were given the signal stop.
 *
 * A variable called `signal` is taken for an `AbortSignal` only on evidence, never for its name:
 * `signal` is just as often an OS signal (`child.on('exit', (code, signal) => …)`). The evidence is
 * a declared type that names `AbortSignal`, or a use only an `AbortSignal` has (`signal.aborted`,
 * `signal.throwIfAborted()`, `addEventListener('abort', …)`, passed on as a `signal` option). With
 * types (`TypeOracle.isAbortSignal`) the checker decides instead, and any parameter or variable of
 * the function typed `AbortSignal` counts, whatever its name.
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { abortableApiAt, findAbortableCalls, type SignalArgument, signalArgumentOf } from './abortable-calls';
import { type AbortableApi, describeAbortableApi } from './catalogues/abortable-apis';
import { type Plan, refusedPlan, type TextEdit } from './edits';
import { promiseExecutorOf } from './executors';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { staticPropertyName } from './modules';
import { addSignalEdits } from './races';
import { constantInitializer, findVariable, innermostScope, isBuiltinGlobal } from './scope';
import {
  isAbortSignalVariable,
  isProjectTaker,
  declaredToReturnNoPromise,
  mayTakeSignal,
  projectSignalCalls,
  projectSignalTakerAt,
  signalOptionOf,
  typedAsSignal,
} from './signal-takers';
import { type FunctionNode, isFunctionNode, nearestFunctionOf, walk } from './walk';
import { PerFile } from './per-file';

export { type ProjectSignalTaker, projectSignalTakerAt } from './signal-takers';

/** Why a catalogued call inside a function with a signal is not reported. */
export const signalPropagationSilenceReasons = [
  /** The call already gets a signal (this one or another). */
  'signal-passed',
  /** The call gets an options object the analysis cannot see into: it may carry the signal. */
  'opaque-options',
  /** A variable called `signal` that nothing shows to be an `AbortSignal` (an OS signal, a string). */
  'not-an-abort-signal',
  /** The call is in a nested function, which may run after the signal has aborted (an `abort` listener, a cleanup). */
  'nested-function',
  /** The call is in a `catch` or `finally` block: cleanup that often runs because of the abort, where the signal would stop it at once. */
  'in-cleanup',
  /**
   * The call is in a branch chosen by whether there is a signal (`signal ? f(x, { signal }) : f(x)`,
   * `if (!options.signal) …`, or a `const` computed from it): the code decides by hand what happens
   * with the signal and without it. A test of `signal.aborted` is not such a test.
   */
  'signal-tested',
  /**
   * A function of the project declared to return something that is not a promise
   * (`makeRequest(input, signal?: AbortSignal): ModelRequest`): it builds a value around the
   * signal; there is no operation to stop.
   */
  'returns-no-promise',
  /** The function's own controller may be aborted before the call (`.finally(() => controller.abort())` after a race): its signal would stop the call at once. */
  'controller-aborted-before',
  /**
   * The function listens for the signal's `abort` itself (`signal.addEventListener('abort', stop)`):
   * it cancels its work its own way (a graceful stop, a partial result), which the signal passed to
   * the call could pre-empt.
   */
  'abort-handled-by-hand',
] as const;

export type SignalPropagationSilenceReason = (typeof signalPropagationSilenceReasons)[number];

export interface UnpropagatedSignal {
  readonly node: TSESTree.CallExpression;
  readonly api: AbortableApi;
  /** How the call is named in messages: `fetch`, `fs/promises.readFile`. */
  readonly name: string;
  /** The signal in scope, as code: `signal`, `controller.signal`. */
  readonly signal: string;
  /** The signal added: `safe` where the call had no options or a literal one without `signal`; refused otherwise. */
  readonly plan: Plan;
}

export interface UnpropagatedSignalsResult {
  readonly calls: readonly UnpropagatedSignal[];
  readonly silenced: readonly { readonly node: TSESTree.Node; readonly reason: SignalPropagationSilenceReason }[];
}

/** The text of a signal's code, `?.` and spacing aside: `options?.signal` and `options.signal` are one. */
const signalCode = (code: string) => code.replace(/\?\./g, '.').replace(/\s+/g, '');

/**
 * Whether `node` reads the signal written `signal` (a name, or a member chain such as
 * `options.signal`) as a whole value — not as the object of a member (`signal.aborted`) nor as a
 * property key.
 */
function readsSignalIn(file: AnalysisFile, node: TSESTree.Node, signal: string): boolean {
  const wanted = signalCode(signal);
  let found = false;
  walk(node, file.visitorKeys, (child) => {
    if (found) return false;
    const parent = child.parent;
    if ((child.type === 'Identifier' || child.type === 'MemberExpression') && !(parent?.type === 'MemberExpression' && (parent.object === child || (parent.property === child && !parent.computed)))) {
      found = signalCode(file.text.slice(child.range[0], child.range[1])) === wanted;
    }
    return !found;
  });
  return found;
}

/** Whether a test reads the signal, itself or through a `const` computed from it (`const callOptions = signal ? { signal } : undefined`). */
function testReadsSignal(file: AnalysisFile, test: TSESTree.Node, signal: string): boolean {
  if (readsSignalIn(file, test, signal)) return true;
  let found = false;
  walk(test, file.visitorKeys, (child) => {
    if (found) return false;
    if (child.type === 'Identifier') {
      const variable = findVariable(innermostScope(file.scopeManager, child), child.name);
      const init = variable ? constantInitializer(variable) : null;
      found = init !== null && readsSignalIn(file, init, signal);
    }
    return !found;
  });
  return found;
}

/** Whether `node` is in a branch (of an `if`, a `?:`, the right of `&&`/`||`/`??`) inside `fn` whose test asks whether there is a signal. */
function inBranchOnSignal(file: AnalysisFile, node: TSESTree.Node, fn: FunctionNode, signal: string): boolean {
  for (let current: TSESTree.Node = node; current.parent && current !== fn; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    const test =
      (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.test !== current
        ? parent.test
        : parent.type === 'LogicalExpression' && parent.right === current
          ? parent.left
          : null;
    if (test && testReadsSignal(file, test, signal)) return true;
  }
  return false;
}

/** Whether `node` lies in a `catch` clause or `finally` block of a `try` inside `fn`. */
function inCleanup(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current: TSESTree.Node = node; current.parent && current !== fn; current = current.parent) {
    const parent = current.parent;
    if (parent.type === 'CatchClause' || (parent.type === 'TryStatement' && parent.finalizer === current)) return true;
  }
  return false;
}


/**
 * The function whose run `node` is part of: the nearest one, stepping out of the executors of
 * built-in `new Promise(…)` calls, which run at once inside the function around them (an `async`
 * executor only up to its first `await`, so it stays a function of its own).
 */
function runningFunction(file: AnalysisFile, node: TSESTree.Node): FunctionNode | null {
  let fn = nearestFunctionOf(node);
  while (fn && !fn.async && fn.parent?.type === 'NewExpression' && promiseExecutorOf(file, fn.parent) === fn) fn = nearestFunctionOf(fn);
  return fn;
}

/** Timer and listener registrations: an `abort()` in their callback happens later, not before the next line. */
const deferringCalls = new Set(['setTimeout', 'addEventListener', 'once', 'on']);

/** Whether `controller.abort()` may run before `before`: written earlier, and not only in a timer or listener callback. */
function mayBeAbortedBefore(variable: Variable, before: number): boolean {
  return variable.references.some((reference) => {
    const id = reference.identifier;
    const member = id.parent;
    if (id.range[0] >= before || member?.type !== 'MemberExpression' || staticPropertyName(member) !== 'abort') return false;
    const fn = nearestFunctionOf(id);
    const registration = fn?.parent;
    if (registration?.type !== 'CallExpression' || !registration.arguments.includes(fn as TSESTree.CallExpressionArgument)) return true;
    const callee = registration.callee;
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
    return name === null || !deferringCalls.has(name);
  });
}

/**
 * The signal a function has in scope at `before`: its code (`signal`, `controller.signal`), or
 * `not-signal` when there is only a `signal` that is not one, `aborted` when only a controller that
 * may already be aborted there; `null` when there is none.
 */
type SignalInScope =
  | {
      readonly kind: 'signal';
      readonly text: string;
      /** Whether the caller gave it (a parameter, an option of one), not a controller of the function. */
      readonly fromCaller: boolean;
      /** Whether it may be `undefined` at run time: an option, an optional parameter, or one declared with no plain `AbortSignal` type. */
      readonly mayBeMissing: boolean;
    }
  | { readonly kind: 'not-signal' | 'aborted' }
  | null;

/** Whether a parameter is declared `name: AbortSignal` itself: required, typed, never `undefined` but by a lying caller. */
function declaredRequiredSignal(variable: Variable): boolean {
  const def = variable.defs[0];
  const id = def?.name;
  if (def?.type !== 'Parameter' || id?.type !== 'Identifier' || id.optional || id.parent !== def.node) return false;
  const annotation = id.typeAnnotation?.typeAnnotation;
  return annotation?.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' && annotation.typeName.name === 'AbortSignal';
}

function signalOf(file: AnalysisFile, fn: FunctionNode, before: number): SignalInScope {
  const scope = file.scopeManager.acquire(fn);
  if (!scope) return null;
  let sawNonSignal = false;
  const named = scope.set.get('signal');
  if (named && named.defs.length === 1 && (named.defs[0]?.name.range[0] ?? Infinity) < before) {
    if (isAbortSignalVariable(file, named)) {
      return { kind: 'signal', text: 'signal', fromCaller: named.defs[0]?.type === 'Parameter', mayBeMissing: !declaredRequiredSignal(named) };
    }
    sawNonSignal = true;
  }
  // `const controller = new AbortController()` in this function, declared before the call.
  for (const variable of scope.variables) {
    const init = constantInitializer(variable);
    if (
      init?.type === 'NewExpression' &&
      init.callee.type === 'Identifier' &&
      init.callee.name === 'AbortController' &&
      init.range[1] < before &&
      isBuiltinGlobal(file.scopeManager, init, 'AbortController')
    ) {
      return mayBeAbortedBefore(variable, before) ? { kind: 'aborted' } : { kind: 'signal', text: `${variable.name}.signal`, fromCaller: false, mayBeMissing: false };
    }
  }
  // An option of a parameter: `options.signal`, shown to be a signal by one of its uses.
  for (const param of fn.params) {
    const id = param.type === 'AssignmentPattern' ? param.left : param;
    if (id.type !== 'Identifier') continue;
    const variable = scope.set.get(id.name);
    if (!variable || variable.references.some((r) => r.isWrite() && r.identifier !== id)) continue;
    const option = signalOptionOf(variable);
    if (option.shown) return { kind: 'signal', text: `${id.name}${option.optional ? '?.' : '.'}signal`, fromCaller: true, mayBeMissing: true };
  }
  // With types, any parameter or variable of the function typed `AbortSignal` (`abortSignal`, `cancel`).
  if (file.oracle.source === 'types') {
    for (const variable of scope.variables) {
      const def = variable.defs[0];
      if (variable.name === 'signal' || variable.defs.length !== 1 || !def || (def.type !== 'Parameter' && def.type !== 'Variable')) continue;
      if (def.name.range[0] >= before || variable.references.some((r) => r.isWrite() && !r.init && r.identifier !== def.name)) continue;
      if (typedAsSignal(file, variable) === 'yes') {
        return { kind: 'signal', text: variable.name, fromCaller: def.type === 'Parameter', mayBeMissing: !declaredRequiredSignal(variable) };
      }
    }
  }
  return sawNonSignal ? { kind: 'not-signal' } : null;
}

/** What `call` (of a catalogued API or a function of the project) was given for a signal. */
export function signalArgumentFor(call: TSESTree.CallExpression, api: AbortableApi): SignalArgument {
  return isProjectTaker(api) && api.signal?.kind === 'argument' ? signalArgumentOfProjectCall(call, api.signal.argument) : signalArgumentOf(call, api);
}

/** The edits that give `call` the signal `signalText`: as its options' `signal`, or as the argument a function of the project takes it in; `null` when it cannot take it as written. */
export function signalEditsFor(file: AnalysisFile, call: TSESTree.CallExpression, api: AbortableApi, signalText: string, argument: SignalArgument = signalArgumentFor(call, api)): TextEdit[] | null {
  if (isProjectTaker(api) && api.signal?.kind === 'argument') return argument.kind === 'absent' ? addSignalArgumentEdits(file, call, api.signal.argument, signalText) : null;
  return addSignalEdits(file, call, api, signalText, argument);
}

/**
 * What a call of a function of the project was given in its signal argument: `passed` when the
 * argument is there, `absent` (with where it goes) when the call stops before it, `unknown` after a spread.
 */
function signalArgumentOfProjectCall(call: TSESTree.CallExpression, index: number): SignalArgument {
  if (call.arguments.some((a) => a.type === 'SpreadElement')) return { kind: 'unknown' };
  const argument = call.arguments[index];
  return argument ? { kind: 'passed', signal: argument } : { kind: 'absent', index, options: null };
}

/** The edit that appends `signal` as the call's argument `index` (after `undefined` for skipped ones), or `null` when the call's text does not end with its `)`. */
function addSignalArgumentEdits(file: AnalysisFile, call: TSESTree.CallExpression, index: number, signalText: string): TextEdit[] | null {
  const closing = call.range[1] - 1;
  if (file.text[closing] !== ')') return null;
  const parts = [...Array.from({ length: Math.max(0, index - call.arguments.length) }, () => 'undefined'), signalText].join(', ');
  const last = call.arguments[call.arguments.length - 1];
  return last ? [{ range: [last.range[1], last.range[1]], text: `, ${parts}` }] : [{ range: [closing, closing], text: parts }];
}

const listenerCache = new WeakMap<FunctionNode, Map<string, boolean>>();

/** Whether `fn` (or a function inside it) adds an `abort` listener to the signal written `signal` (`signal`, `options?.signal`), or sets its `onabort`. */
function listensForAbort(file: AnalysisFile, fn: FunctionNode, signal: string): boolean {
  let bySignal = listenerCache.get(fn);
  const cached = bySignal?.get(signal);
  if (cached !== undefined) return cached;
  const written = signal.replace(/\?\./g, '.');
  const textOf = (node: TSESTree.Node) => file.text.slice(node.range[0], node.range[1]).replace(/\?\./g, '.');
  let found = false;
  walk(fn.body, file.visitorKeys, (node) => {
    if (found) return false;
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && staticPropertyName(node.callee) === 'addEventListener') {
      const [event] = node.arguments;
      found = event?.type === 'Literal' && event.value === 'abort' && textOf(node.callee.object) === written;
    } else if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && staticPropertyName(node.left) === 'onabort') {
      found = textOf(node.left.object) === written;
    }
    return !found;
  });
  if (!bySignal) listenerCache.set(fn, (bySignal = new Map<string, boolean>()));
  bySignal.set(signal, found);
  return found;
}

/** The caller's signal at a place in a function, as {@link callerSignalAt} finds it. */
export interface CallerSignal {
  /** As code: `signal`, `options.signal`, `opts?.signal`. */
  readonly text: string;
  /** Whether it may be `undefined` there (an option, an optional or untyped parameter): combine it only behind a test. */
  readonly mayBeMissing: boolean;
}

/**
 * The signal the caller gave the function running `node` — a `signal` parameter (or destructured
 * option), an option of a parameter (`options.signal`), or with types a parameter typed
 * `AbortSignal` — when it is the signal `propagate-abort-signal` would ask an abortable call at
 * `node` to pass: not in a `catch`/`finally` (cleanup the abort itself may have started), not in a
 * function that handles the abort by hand, and not shadowed by a controller of the function's own.
 * `null` otherwise. A planner that gives calls a signal of its own combines this one with it
 * (`AbortSignal.any`), so cancelling the caller still reaches them.
 */
export function callerSignalAt(file: AnalysisFile, node: TSESTree.Node): CallerSignal | null {
  const fn = runningFunction(file, node);
  if (!fn) return null;
  const inScope = signalOf(file, fn, node.range[0]);
  if (inScope?.kind !== 'signal' || !inScope.fromCaller) return null;
  if (inCleanup(node, fn) || listensForAbort(file, fn, inScope.text)) return null;
  return { text: inScope.text, mayBeMissing: inScope.mayBeMissing };
}

/** Whether the analysis knows where `api` takes its signal: an options property, or (a function of the project) an argument. */
function takesSignalAsPlaced(api: AbortableApi): boolean {
  return api.role === 'accepts-signal' && (api.signal?.kind === 'option' || (isProjectTaker(api) && api.signal?.kind === 'argument'));
}

/**
 * The calls the declaration index may show to take a signal (see `projectSignalTakerAt`): calls by
 * name or of a static member, run by a function that has a signal in scope, that are neither
 * catalogued nor already known (`seen`). Only their callees' declarations are read, and only
 * later, for a call that could be reported.
 */
function declaredTakerCandidates(file: AnalysisFile, seen: ReadonlySet<TSESTree.Node>): { readonly node: TSESTree.CallExpression; readonly api?: AbortableApi }[] {
  const candidates: { node: TSESTree.CallExpression }[] = [];
  for (const scope of file.scopeManager.scopes) {
    const fn = scope.block;
    if (scope.type !== 'function' || !isFunctionNode(fn) || signalOf(file, fn, fn.range[1])?.kind !== 'signal') continue;
    walk(fn.body, file.visitorKeys, (node) => {
      if (node.type === 'CallExpression' && !seen.has(node) && mayTakeSignal(file, node.callee) && runningFunction(file, node) === fn && !abortableApiAt(file, node)) {
        candidates.push({ node });
      }
      return true;
    });
  }
  return candidates;
}

const cache = new PerFile<UnpropagatedSignalsResult>();

/**
 * Every call of a catalogued API that takes a signal, made directly in a function that has an
 * `AbortSignal` in scope, that does not pass one. Cached per file.
 */
export function findUnpropagatedSignals(file: AnalysisFile): UnpropagatedSignalsResult {
  const cached = cache.get(file);
  if (cached) return cached;
  const calls: UnpropagatedSignal[] = [];
  const silenced: UnpropagatedSignalsResult['silenced'][number][] = [];
  const result = { calls, silenced };
  cache.set(file, result);
  // `AbortSignal` for a typed value of any name, `signal` otherwise; `AbortController` contains neither.
  if (!/signal/i.test(file.text) && !file.text.includes('AbortController')) return result;
  const known: { readonly node: TSESTree.CallExpression; readonly api?: AbortableApi }[] = [...findAbortableCalls(file), ...projectSignalCalls(file)];
  const seen = new Set(known.map((c) => c.node));
  for (const { node, api: knownApi } of [...known, ...declaredTakerCandidates(file, seen)]) {
    if (knownApi && !takesSignalAsPlaced(knownApi)) continue;
    const fn = runningFunction(file, node);
    if (!fn) continue;
    const inScope = signalOf(file, fn, node.range[0]);
    if (inScope === null) {
      // A signal of an enclosing function does not reach a nested one: it may run after the abort.
      for (let outer = runningFunction(file, fn); outer; outer = runningFunction(file, outer)) {
        const outerSignal = signalOf(file, outer, node.range[0]);
        if (outerSignal?.kind === 'signal') {
          if (knownApi) silenced.push({ node, reason: 'nested-function' });
          break;
        }
      }
      continue;
    }
    if (inScope.kind !== 'signal') {
      if (knownApi) silenced.push({ node, reason: inScope.kind === 'aborted' ? 'controller-aborted-before' : 'not-an-abort-signal' });
      continue;
    }
    const signal = inScope.text;
    if (inCleanup(node, fn)) {
      if (knownApi) silenced.push({ node, reason: 'in-cleanup' });
      continue;
    }
    if (listensForAbort(file, fn, signal)) {
      if (knownApi) silenced.push({ node, reason: 'abort-handled-by-hand' });
      continue;
    }
    if (inBranchOnSignal(file, node, fn, signal)) {
      if (knownApi) silenced.push({ node, reason: 'signal-tested' });
      continue;
    }
    // A call the declaration index may show to take a signal is asked only here, where it can be reported.
    const api = knownApi ?? projectSignalTakerAt(file, node);
    if (!api || !takesSignalAsPlaced(api)) continue;
    const argument = signalArgumentFor(node, api);
    // `once(signal, 'abort')` waits for the signal itself: it gets it, as the emitter.
    const signalRoot = signal.split(/\??\./)[0];
    const getsItAsArgument = node.arguments.some((a) => a.type === 'Identifier' ? a.name === signalRoot && !signal.includes('.') : file.text.slice(a.range[0], a.range[1]) === signal);
    // A signal parameter with a default: the call that leaves it out gets the default's signal.
    const defaulted = isProjectTaker(api) && api.signalDefaulted === true && argument.kind === 'absent';
    if (argument.kind === 'passed' || getsItAsArgument || defaulted) {
      silenced.push({ node, reason: 'signal-passed' });
      continue;
    }
    if (argument.kind === 'unknown') {
      silenced.push({ node, reason: 'opaque-options' });
      continue;
    }
    // Last, as the declared return type may be another module's: asked only of a call about to be reported.
    if (isProjectTaker(api) && declaredToReturnNoPromise(file, node)) {
      silenced.push({ node, reason: 'returns-no-promise' });
      continue;
    }
    const edits = signalEditsFor(file, node, api, signal, argument);
    const name = describeAbortableApi(api);
    const plan =
      edits === null
        ? refusedPlan({ reason: 'unsupported-call-shape', message: `The options of \`${name}\` are a shorthand that cannot take a signal as written; pass \`${signal}\` by hand.` })
        : checkedPlan(file, isProjectTaker(api) ? api.level : 'safe', edits, {
            owned: [node],
            vocabulary: {
              added: ['signal', ...signal.split(/\??\./), ...(edits.some((e) => e.text.includes('undefined')) ? ['undefined'] : []), ...(edits.some((e) => e.text.includes('encoding')) ? ['encoding'] : [])],
              removed: [],
            },
          });
    calls.push({ node, api, name, signal, plan });
  }
  return result;
}
