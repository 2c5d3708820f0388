/**
 * Timeouts built from `setTimeout` whose timer outlives the operation it bounds:
 * `Promise.race([op(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))])`
 * settles as soon as `op()` does, but the timer stays armed: it keeps the process alive for `ms`,
 * holds its closure until then, and fires late. The same holds for a `new Promise` that settles
 * from an operation or a timer and never clears the timer when the operation wins. asyncio's
 * `wait_for` cancels its timer; here the timer's id must reach `clearTimeout`, or the timeout must
 * be a signal (`AbortSignal.timeout(ms)`) the operation itself takes.
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import jsTokens from 'js-tokens';
import { abortableApiAt, findAbortableCalls, signalArgumentOf } from './abortable-calls';
import { type AbortableApi, describeAbortableApi } from './catalogues/abortable-apis';
import { type Plan, refusedPlan, type TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { defaultTestFilePatterns } from './catalogues/effect-verbs';
import { checkedPlan } from './invariant';
import { addSignalEdits, declarationBefore, insertionStatement, racesOf, startingCall, unusedName } from './races';
import { findVariable, innermostScope, isBuiltinGlobal } from './scope';
import { isTestFile } from './sequential-awaits';
import { nearestFunctionOf, nodeWithin } from './walk';
import { PerFile } from './per-file';

/** Why a `setTimeout` inside a promise executor is not reported. */
export const leakedTimerSilenceReasons = [
  /** The timer's id is kept and read (`clearTimeout(timer)`, returned, stored): whoever reads it can clear it. */
  'timer-id-kept',
  /** `setTimeout(…).unref()`: the timer no longer keeps the process alive. */
  'timer-unref',
  /** A plain sleep (`await new Promise((r) => setTimeout(r, ms))`): the timer is the whole operation, so it never outlives one. */
  'plain-sleep',
  /** The timer's callback settles nothing: it is not a timeout. */
  'timer-settles-nothing',
  /** A test file (by the `testFiles` globs): a timeout there guards a test against hanging, and the runner's end bounds the timer. */
  'test-file',
] as const;

export type LeakedTimerSilenceReason = (typeof leakedTimerSilenceReasons)[number];

/**
 * - `raced`: a timer promise raced against other work (inline, through a `const`, or made by a
 *   function of this file that returns it);
 * - `executor`: a `new Promise` whose executor settles from the timer and from other work.
 */
export type LeakedTimerKind = 'raced' | 'executor';

export interface LeakedTimer {
  /** Where to report: the `setTimeout` call, or the raced call of the helper that makes the timer. */
  readonly node: TSESTree.Node;
  readonly kind: LeakedTimerKind;
  /** `AbortSignal.timeout(ms)` passed to the raced abortable call, in place of the timer (review), or refused. */
  readonly signalPlan: Plan;
  /** The timer's id kept and cleared in `.finally` on the race (review), or refused. */
  readonly clearPlan: Plan;
  /** The raced call the signal plan gives the timeout to, for messages. */
  readonly operation: string | null;
}

export interface LeakedTimersResult {
  readonly timers: readonly LeakedTimer[];
  readonly silenced: readonly { readonly node: TSESTree.Node; readonly reason: LeakedTimerSilenceReason }[];
}

/** A `setTimeout` call in a promise executor, with the executor's settle functions. */
interface TimerInExecutor {
  readonly timer: TSESTree.CallExpression;
  readonly promise: TSESTree.NewExpression;
  readonly executor: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  readonly settlers: readonly Variable[];
  /** Whether the timer's callback calls (or is) the executor's second parameter. */
  readonly rejects: boolean;
}

export interface LeakedTimersOptions {
  /** The file's name as the host gives it, so a TypeScript file's new `let` gets a type (`.ts`, `.tsx`, `.mts`, `.cts`). */
  readonly filename?: string;
  /** The file's path relative to the working directory, matched against `testFiles`. */
  readonly relativePath?: string;
  /** Path globs of test files, left alone (default: the usual test globs; `[]` turns this off). */
  readonly testFiles?: readonly string[];
}

const cache = new PerFile<Map<string, LeakedTimersResult>>();

/** Whether new declarations need TypeScript annotations (under `noImplicitAny`, a `let` read in a closure does). */
function isTypeScript(file: AnalysisFile, options: LeakedTimersOptions): boolean {
  return /\.[cm]?tsx?$/.test(options.filename ?? file.path ?? '');
}

const isFunction = (node: TSESTree.Node | undefined): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression =>
  node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';

/** The `new Promise(executor)` whose executor is the nearest function around `call`, with the settle parameters. */
function executorAround(file: AnalysisFile, call: TSESTree.CallExpression): Omit<TimerInExecutor, 'rejects'> | null {
  let current: TSESTree.Node | undefined = call.parent;
  while (current && !isFunction(current) && current.type !== 'FunctionDeclaration') current = current.parent;
  if (!isFunction(current)) return null;
  const promise = current.parent;
  if (promise?.type !== 'NewExpression' || promise.arguments[0] !== current || promise.callee.type !== 'Identifier' || promise.callee.name !== 'Promise') return null;
  if (!isBuiltinGlobal(file.scopeManager, promise, 'Promise')) return null;
  const settlers: Variable[] = [];
  for (const param of current.params.slice(0, 2)) {
    if (param.type !== 'Identifier') continue;
    const variable = file.scopeManager.getDeclaredVariables(param)[0] ?? findVariable(innermostScope(file.scopeManager, current.body), param.name);
    if (variable) settlers.push(variable);
  }
  return { timer: call, promise, executor: current, settlers };
}

/**
 * What happens to the timer's id: `discarded` (an expression statement, an arrow's returned value the
 * executor ignores, `void`), `unref` (`.unref()` on it), or `kept` (anything else: stored and read,
 * returned from a function that is not the executor, passed on).
 */
function timerIdUse(file: AnalysisFile, found: Omit<TimerInExecutor, 'rejects'>): 'discarded' | 'unref' | 'kept' {
  const call = found.timer;
  const parent = call.parent;
  if (parent.type === 'MemberExpression' && parent.object === call && parent.property.type === 'Identifier' && parent.property.name === 'unref') return 'unref';
  if (parent.type === 'ExpressionStatement') return 'discarded';
  if (parent === found.executor && found.executor.body === call) return 'discarded';
  if (parent.type === 'UnaryExpression' && parent.operator === 'void') return 'discarded';
  // `const t = setTimeout(…)` (or `t = …`) whose variable is never read.
  const variable =
    parent.type === 'VariableDeclarator' && parent.init === call && parent.id.type === 'Identifier'
      ? file.scopeManager.getDeclaredVariables(parent)[0]
      : parent.type === 'AssignmentExpression' && parent.right === call && parent.left.type === 'Identifier' && parent.parent.type === 'ExpressionStatement'
        ? findVariable(innermostScope(file.scopeManager, parent), parent.left.name)
        : undefined;
  if (variable && !variable.references.some((r) => r.isRead())) return 'discarded';
  return 'kept';
}

/** Whether the timer's callback settles the promise: it is a settle function, or a function that calls one. */
function settlesFrom(timer: TSESTree.CallExpression, settler: Variable): boolean {
  const callback = timer.arguments[0];
  if (!callback) return false;
  return settler.references.some((r) => r.isRead() && nodeWithin(r.identifier, callback));
}

/** Whether a settle function is used outside the timer call: the executor settles from other work too. */
function settlesElsewhere(found: Omit<TimerInExecutor, 'rejects'>): boolean {
  return found.settlers.some((s) => s.references.some((r) => r.isRead() && !nodeWithin(r.identifier, found.timer)));
}

/** The race element a timer promise is, and how it got there. */
type RacedTimer = { readonly element: TSESTree.Node; readonly race: TSESTree.CallExpression; readonly via: 'inline' | 'const' | 'helper' };

/**
 * Where a timer promise is raced: as an element itself (inline), through a `const` bound to it, or
 * as a call of a function of this file whose result it is (`const timeout = (ms) => new Promise(…)`,
 * `function timeout(ms) { return new Promise(…); }`).
 */
function racedPlaces(file: AnalysisFile, promise: TSESTree.NewExpression): RacedTimer[] {
  const places: RacedTimer[] = [];
  const races = racesOf(file);
  const raceOf = (element: TSESTree.Node) => {
    const array = element.parent;
    if (array?.type !== 'ArrayExpression') return null;
    return races.find((r) => r.array === array)?.node ?? null;
  };
  const inline = raceOf(promise);
  if (inline) places.push({ element: promise, race: inline, via: 'inline' });
  const parent = promise.parent;
  // `const timer = new Promise(…)`, or a function that returns the promise.
  let variable: Variable | undefined;
  let via: 'const' | 'helper' = 'const';
  if (parent.type === 'VariableDeclarator' && parent.init === promise && parent.id.type === 'Identifier') {
    variable = file.scopeManager.getDeclaredVariables(parent)[0];
  } else {
    const fn = parent.type === 'ArrowFunctionExpression' && parent.body === promise ? parent : parent.type === 'ReturnStatement' ? nearestFunctionOf(parent) : null;
    if (fn && (fn.type === 'FunctionDeclaration' || fn.parent.type === 'VariableDeclarator')) {
      via = 'helper';
      variable = file.scopeManager.getDeclaredVariables(fn.type === 'FunctionDeclaration' ? fn : fn.parent)[0];
    }
  }
  if (!variable || variable.defs.length !== 1) return places;
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const id = reference.identifier;
    const element = via === 'helper' ? (id.parent.type === 'CallExpression' && id.parent.callee === id ? id.parent : null) : id;
    const race = element ? raceOf(element) : null;
    if (element && race) places.push({ element, race, via });
  }
  return places;
}

/**
 * Every `setTimeout` that bounds other work from inside a promise executor and whose timer is never
 * cleared: raced against the work, or settling the same promise the work settles. A plain sleep, a
 * kept id and an unref'd timer are silent. Cached per file.
 */
export function findLeakedTimers(file: AnalysisFile, options: LeakedTimersOptions = {}): LeakedTimersResult {
  const typed = isTypeScript(file, options);
  const testFiles = options.testFiles ?? defaultTestFilePatterns;
  const key = `${typed}\0${options.relativePath ?? ''}\0${testFiles.join('\0')}`;
  let byOptions = cache.get(file);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  const timers: LeakedTimer[] = [];
  const silenced: LeakedTimersResult['silenced'][number][] = [];
  const result: LeakedTimersResult = { timers, silenced };
  if (!byOptions) cache.set(file, (byOptions = new Map<string, LeakedTimersResult>()));
  byOptions.set(key, result);
  if (!file.text.includes('setTimeout') || !file.text.includes('Promise')) return result;
  const inTestFile = isTestFile(options.relativePath, testFiles);
  for (const { node, api } of findAbortableCalls(file)) {
    if (api.role !== 'timer') continue;
    const around = executorAround(file, node);
    if (!around) continue;
    const [resolve, reject] = around.settlers;
    const found: TimerInExecutor = { ...around, rejects: reject !== undefined && settlesFrom(node, reject) };
    if (!found.rejects && !(resolve && settlesFrom(node, resolve))) {
      silenced.push({ node, reason: 'timer-settles-nothing' });
      continue;
    }
    const use = timerIdUse(file, found);
    if (use !== 'discarded') {
      silenced.push({ node, reason: use === 'unref' ? 'timer-unref' : 'timer-id-kept' });
      continue;
    }
    const places = racedPlaces(file, found.promise);
    if (inTestFile && (places.length > 0 || settlesElsewhere(found))) {
      silenced.push({ node, reason: 'test-file' });
    } else if (places.length > 0) {
      for (const place of places) {
        const inline = place.via === 'inline';
        timers.push({
          node: inline ? node : place.element,
          kind: 'raced',
          ...(inline ? racedPlans(file, found, place.race, typed) : { signalPlan: helperRefusal(place.via), clearPlan: helperRefusal(place.via), operation: null }),
        });
      }
    } else if (settlesElsewhere(found)) {
      const refusal = refusedPlan({
        reason: 'unsupported-call-shape',
        message: 'The timer settles the same promise as other work; keep its id and clear it where that work settles.',
      });
      timers.push({ node, kind: 'executor', signalPlan: refusal, clearPlan: refusal, operation: null });
    } else {
      silenced.push({ node, reason: 'plain-sleep' });
    }
  }
  return result;
}

function helperRefusal(via: RacedTimer['via']): Plan {
  return refusedPlan({
    reason: 'unsupported-call-shape',
    message:
      via === 'helper'
        ? 'The timer is made by a helper function; have it take a signal (or return its timer) so the caller can clear it.'
        : 'The timer promise is made before the race; clear its timer by hand once the race settles.',
  });
}

/** The two rewrites of an inline raced timer. */
function racedPlans(file: AnalysisFile, found: TimerInExecutor, race: TSESTree.CallExpression, typed: boolean): Pick<LeakedTimer, 'signalPlan' | 'clearPlan' | 'operation'> {
  const array = race.arguments[0];
  const others = array?.type === 'ArrayExpression' ? array.elements.filter((e) => e !== found.promise) : [];
  const [other] = others;
  const operationCall = others.length === 1 && other && other.type !== 'SpreadElement' ? startingCall(other) : null;
  const api = operationCall ? abortableApiAt(file, operationCall) : undefined;
  const abortable = api && api.role === 'accepts-signal' && api.result === 'promise' ? api : undefined;
  return {
    signalPlan: operationCall && abortable ? planSignalTimeout(file, found, race, operationCall, abortable) : refusedPlan({ reason: 'unsupported-call-shape', message: 'The timeout races something other than one abortable call.' }),
    clearPlan: planClearTimer(file, found, race, typed),
    operation: abortable ? describeAbortableApi(abortable) : null,
  };
}

/** The words of a text, as the invariant counts them. */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of jsTokens(text)) {
    if (token.type !== 'WhiteSpace' && token.type !== 'LineTerminatorSequence' && token.type !== 'Punctuator') out.push(token.value);
  }
  return out;
}

/**
 * `Promise.race([fetch(u), new Promise((_, reject) => setTimeout(() => reject(…), ms))])` becomes
 * `fetch(u, { signal: AbortSignal.timeout(ms) })`: the operation itself stops at the deadline and no
 * timer outlives it. Only when the timer rejects (a timer that resolves makes the timeout a value,
 * which a signal cannot give) and the race is between the two alone. `review`: the rejection is now
 * the signal's `TimeoutError` (a `DOMException`), not the error the timer built, and the operation
 * is stopped rather than left running.
 */
function planSignalTimeout(file: AnalysisFile, found: TimerInExecutor, race: TSESTree.CallExpression, operation: TSESTree.CallExpression, api: AbortableApi): Plan {
  if (!found.rejects) {
    return refusedPlan({ reason: 'timer-not-rejecting', message: 'The timer resolves the race instead of rejecting it, which a signal cannot do; clear the timer instead.' });
  }
  const delay = found.timer.arguments[1];
  if (!delay || delay.type === 'SpreadElement' || found.timer.arguments.length > 2) {
    return refusedPlan({ reason: 'unsupported-call-shape', message: 'The timer has no plain delay argument.' });
  }
  const { text } = file;
  const delayText = text.slice(delay.range[0], delay.range[1]);
  const signalEdits = addSignalEdits(file, operation, api, `AbortSignal.timeout(${delayText})`, signalArgumentOf(operation, api));
  if (signalEdits === null) return refusedPlan({ reason: 'unsupported-call-shape', message: `The options of \`${describeAbortableApi(api)}\` cannot take a signal as written.` });
  const element = operation.parent.type === 'ArrayExpression' ? operation : startingCallHolder(operation, race);
  if (element === null) return refusedPlan({ reason: 'unsupported-call-shape', message: 'The raced operation is not an element of the race.' });
  if (file.comments.some((c) => c.range[0] >= race.range[0] && c.range[1] <= race.range[1] && !(c.range[0] >= element.range[0] && c.range[1] <= element.range[1]))) {
    return refusedPlan({ reason: 'would-drop-comment', message: 'A comment in the race would be lost with the timer.' });
  }
  // The operation's text with the signal added, in place of the whole race.
  const start = element.range[0];
  let operationText = '';
  let cursor = start;
  for (const edit of [...signalEdits].sort((a, b) => a.range[0] - b.range[0])) {
    operationText += text.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  operationText += text.slice(cursor, element.range[1]);
  // The timer's words go, but for one copy of the delay's, which moves into the signal.
  const removed = wordsOf(text.slice(found.promise.range[0], found.promise.range[1]));
  for (const word of wordsOf(delayText)) {
    const at = removed.indexOf(word);
    if (at >= 0) removed.splice(at, 1);
  }
  removed.push('Promise', 'race');
  const edits: TextEdit[] = [{ range: [race.range[0], race.range[1]], text: operationText }];
  const added = ['signal', 'AbortSignal', 'timeout', ...(signalEdits.some((e) => e.text.includes('undefined')) ? ['undefined'] : [])];
  return checkedPlan(file, 'review', edits, { owned: [race], vocabulary: { added, removed } });
}

/** The element of `race` that holds `operation` at the start of its chain. */
function startingCallHolder(operation: TSESTree.CallExpression, race: TSESTree.CallExpression): TSESTree.Node | null {
  let current: TSESTree.Node = operation;
  while (current.parent && current.parent !== race.arguments[0]) current = current.parent;
  return current.parent === race.arguments[0] ? current : null;
}

/**
 * Keeps the timer's id and clears it once the race settles:
 * `let timer;` before the statement, `timer = setTimeout(…)`, and `.finally(() => clearTimeout(timer))`
 * on the race. `review`: the timeout no longer fires after the race, so anything its callback did
 * beyond settling the (already settled) promise no longer happens.
 */
function planClearTimer(file: AnalysisFile, found: TimerInExecutor, race: TSESTree.CallExpression, typed: boolean): Plan {
  const statement = insertionStatement(race);
  if (statement === null) {
    return refusedPlan({ reason: 'unsupported-call-shape', message: 'The race is not in a statement of its own block, so there is no one place to declare its timer.' });
  }
  const call = found.timer;
  const parent = call.parent;
  const bare = parent.type === 'ExpressionStatement' || (parent === found.executor && found.executor.body === call);
  if (!bare) return refusedPlan({ reason: 'unsupported-call-shape', message: 'The timer id is discarded in a way the rewrite does not handle; keep it by hand.' });
  const name = unusedName(file, ['timer', 'timeoutId', 'raceTimer']);
  if (name === null) return refusedPlan({ reason: 'name-taken', message: 'The file already uses every name the timer could take; add it by hand.' });
  const declaration = typed ? `let ${name}: ReturnType<typeof setTimeout> | undefined;` : `let ${name};`;
  const concise = parent !== undefined && parent.type !== 'ExpressionStatement';
  const edits: TextEdit[] = [
    declarationBefore(file, statement, declaration),
    { range: [call.range[0], call.range[0]], text: concise ? `(${name} = ` : `${name} = ` },
    ...(concise ? [{ range: [call.range[1], call.range[1]] as const, text: ')' }] : []),
    { range: [race.range[1], race.range[1]], text: `.finally(() => clearTimeout(${name}))` },
  ];
  const added = ['let', name, 'finally', 'clearTimeout', ...(typed ? ['ReturnType', 'typeof', 'setTimeout', 'undefined'] : [])];
  return checkedPlan(file, 'review', edits, { owned: [statement], vocabulary: { added, removed: [] } });
}
