/**
 * Races whose losers keep running: `Promise.race([fetch(a), fetch(b)])` settles with the first
 * response, and the other request goes on to the end — sockets, memory and its side effects —
 * because nothing tells it to stop. asyncio's `wait(FIRST_COMPLETED)` is followed by `cancel()` of
 * the rest; here that is a signal, passed to every raced call and aborted once the race settles.
 *
 * The losers' rejections are not the problem: `Promise.race` and `Promise.any` subscribe to every
 * promise they are given, so a loser that rejects later is handled (mdn/content#44286). The rule says
 * only what is true: the losers run on.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { abortableApiAt, type SignalArgument } from './abortable-calls';
import { type AbortableApi, describeAbortableApi } from './catalogues/abortable-apis';
import { type Plan, refusedPlan, type TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { staticPropertyName } from './modules';
import { declarationBefore, insertionStatement, type Race, racesOf, startingCall, unusedName } from './races';
import { constantInitializer, findVariable, innermostScope, isBuiltinGlobal } from './scope';
import { type CallerSignal, callerSignalAt, projectSignalTakerAt, signalArgumentFor, signalEditsFor } from './signal-propagation';
import { isProjectTaker } from './signal-takers';
import { enginesAdmitNodeBefore } from './entry-points';
import { PerFile } from './per-file';

/** Why a race over abortable calls is not reported. */
export const raceSilenceReasons = [
  /** No raced element is a catalogued call that takes a signal (or a `const` bound to one). */
  'no-abortable-operation',
  /** Fewer than two elements: there is no loser. */
  'single-operation',
  /**
   * A raced call already gets a signal other than the caller's (the function's own controller,
   * `AbortSignal.timeout(ms)`, a combined one): whether it is aborted once the race settles is the
   * code's business. Calls that get only the caller's signal are reported: it aborts when the caller
   * gives up, not when the race settles.
   */
  'signal-passed',
  /** A raced call gets an options object (or a spread) the analysis cannot see into: it may carry a signal. */
  'opaque-options',
] as const;

export type RaceSilenceReason = (typeof raceSilenceReasons)[number];

export interface RacedOperation {
  /** The catalogued call. */
  readonly call: TSESTree.CallExpression;
  readonly api: AbortableApi;
  readonly signal: SignalArgument;
  /** Whether the call is written inside the race's array (not bound to a `const` before it). */
  readonly inline: boolean;
}

export interface UncancelledRace {
  readonly node: TSESTree.CallExpression;
  readonly method: 'race' | 'any';
  /**
   * What the raced calls get: `nothing`, or the caller's signal (`signal`, `options.signal`) and
   * nothing else — which aborts when the caller gives up, not when the race settles, so the losers
   * still run on (a runtime test holds that the losing request stays open).
   */
  readonly losersGet: { readonly kind: 'nothing' } | { readonly kind: 'caller-signal'; readonly signal: string };
  /** The raced calls that take a signal and get none, in order. */
  readonly operations: readonly RacedOperation[];
  /** The calls, as messages name them: `fetch`, `fs/promises.readFile`. */
  readonly names: readonly string[];
  /** `AbortController` passed to every raced call and aborted in `.finally` (review), or refused with the reason. */
  readonly plan: Plan;
}

export interface UncancelledRacesResult {
  readonly races: readonly UncancelledRace[];
  readonly silenced: readonly { readonly node: TSESTree.Node; readonly reason: RaceSilenceReason }[];
}

const cache = new PerFile<UncancelledRacesResult>();

/** Whether `node` is the signal written `text` (`options?.signal` and `options.signal` alike). */
function isSignalText(file: AnalysisFile, node: TSESTree.Node, text: string): boolean {
  const written = (code: string) => code.replace(/\?\./g, '.').replace(/\s+/g, '');
  return written(file.text.slice(node.range[0], node.range[1])) === written(text);
}

/** The catalogued call an element starts: inline, or through a `const` bound to it. */
function operationOf(file: AnalysisFile, element: TSESTree.Node): { call: TSESTree.CallExpression; inline: boolean } | null {
  const inline = startingCall(element);
  if (inline) return { call: inline, inline: true };
  if (element.type !== 'Identifier') return null;
  const variable = findVariable(innermostScope(file.scopeManager, element), element.name);
  const init = variable ? constantInitializer(variable) : null;
  const call = init ? startingCall(init) : null;
  return call ? { call, inline: false } : null;
}

/**
 * Every `Promise.race`/`Promise.any` over an array literal in which at least one element is a
 * catalogued call that takes a signal, none of them gets one, and at least two elements race. Each
 * comes with the plan that makes the losers stop. Cached per file.
 */
export function findUncancelledRaces(file: AnalysisFile): UncancelledRacesResult {
  const cached = cache.get(file);
  if (cached) return cached;
  const races: UncancelledRace[] = [];
  const silenced: UncancelledRacesResult['silenced'][number][] = [];
  for (const race of racesOf(file)) {
    const operations: RacedOperation[] = [];
    let reason: RaceSilenceReason | null = null;
    let caller: CallerSignal | null | undefined;
    let getsCallerSignal = false;
    for (const element of race.array.elements) {
      if (!element || element.type === 'SpreadElement') continue;
      const found = operationOf(file, element);
      // A catalogued call, or a function of this file that takes a signal (`load(url, { signal })`).
      const api = found ? (abortableApiAt(file, found.call) ?? projectSignalTakerAt(file, found.call)) : undefined;
      if (!found || !api || api.role !== 'accepts-signal' || api.result !== 'promise') continue;
      const signal = signalArgumentFor(found.call, api);
      // A signal parameter with a default gets that signal when left out: which one, and when it aborts, is the code's business.
      if (signal.kind === 'absent' && isProjectTaker(api) && api.signalDefaulted === true) reason = 'signal-passed';
      else if (signal.kind === 'passed') {
        caller = caller === undefined ? callerSignalAt(file, race.node) : caller;
        if (caller && isSignalText(file, signal.signal, caller.text)) getsCallerSignal = true;
        else reason = 'signal-passed';
      } else if (signal.kind === 'unknown') reason ??= 'opaque-options';
      operations.push({ call: found.call, api, signal, inline: found.inline });
    }
    const elements = race.array.elements.length;
    if (operations.length === 0) reason = 'no-abortable-operation';
    else if (elements < 2 && !race.array.elements.some((e) => e?.type === 'SpreadElement')) reason = 'single-operation';
    if (reason !== null) {
      silenced.push({ node: race.node, reason });
      continue;
    }
    races.push({
      node: race.node,
      method: race.method,
      losersGet: getsCallerSignal && caller ? { kind: 'caller-signal', signal: caller.text } : { kind: 'nothing' },
      operations,
      names: [...new Set(operations.map((o) => describeAbortableApi(o.api)))],
      plan: planCancellableRace(file, race, operations),
    });
  }
  const result = { races, silenced };
  cache.set(file, result);
  return result;
}

/** The first Node major with `AbortSignal.any` (20.3, and 18.17 on the 18 line, which `engines` majors cannot tell apart). */
const abortSignalAnySince = 20;

/**
 * The caller's signal the race's controller is combined with, or `null`: none in scope, `AbortSignal`
 * shadowed, or a project whose `engines.node` admits a Node without `AbortSignal.any` (there the
 * controller alone is passed, as before the caller's signal was combined).
 */
function combinableCallerSignal(file: AnalysisFile, node: TSESTree.Node): CallerSignal | null {
  const caller = callerSignalAt(file, node);
  if (!caller || !isBuiltinGlobal(file.scopeManager, node, 'AbortSignal')) return null;
  return enginesAdmitNodeBefore(file.path, abortSignalAnySince) ? null : caller;
}

/** The edit that passes `signalText` where `signal` was passed: `{ signal }` becomes `{ signal: raceSignal }`. */
function replaceSignal(signal: TSESTree.Node, signalText: string): TextEdit {
  const property = signal.parent;
  if (property?.type === 'Property' && property.shorthand && property.value === signal) return { range: property.range, text: `signal: ${signalText}` };
  return { range: signal.range, text: signalText };
}

/** Response body readers: a raced `fetch(u).then((r) => r.json())` has read its body when it settles. */
const bodyReaders = new Set(['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes']);

/**
 * Whether the raced element reads the response body before it settles: the call is the object of
 * `.then(fn)` and `fn` returns `param.json()` (or another body reader) of its own parameter.
 */
function readsItsBody(call: TSESTree.CallExpression): boolean {
  const member = call.parent;
  if (member.type !== 'MemberExpression' || member.object !== call || staticPropertyName(member) !== 'then') return false;
  const then = member.parent;
  const fn = then.type === 'CallExpression' && then.callee === member ? then.arguments[0] : undefined;
  if (fn?.type !== 'ArrowFunctionExpression' && fn?.type !== 'FunctionExpression') return false;
  const [param] = fn.params;
  if (param?.type !== 'Identifier') return false;
  let returned: TSESTree.Node | null | undefined = fn.body.type === 'BlockStatement' ? null : fn.body;
  if (fn.body.type === 'BlockStatement') {
    const [only] = fn.body.body;
    returned = fn.body.body.length === 1 && only?.type === 'ReturnStatement' ? only.argument : null;
  }
  if (returned?.type === 'AwaitExpression') returned = returned.argument;
  // `r.json() as Promise<T>`: a type assertion reads the body all the same.
  while (returned?.type === 'TSAsExpression' || returned?.type === 'TSSatisfiesExpression' || returned?.type === 'TSNonNullExpression') returned = returned.expression;
  return (
    returned?.type === 'CallExpression' &&
    returned.callee.type === 'MemberExpression' &&
    returned.callee.object.type === 'Identifier' &&
    returned.callee.object.name === param.name &&
    bodyReaders.has(staticPropertyName(returned.callee) ?? '')
  );
}

/**
 * Plans the cancellable race: an `AbortController` declared before the statement, its signal passed
 * to every raced catalogued call, and `.finally(() => controller.abort())` on the race, so the losers
 * are told to stop once it settles (asyncio's `cancel()` of the pending tasks). `review`: the losers
 * now stop early and their promises reject with an `AbortError` (which the race has already
 * handled), so effects they would have had after the race do not happen. Refused where aborting
 * would also stop the winner: a raced `fetch` whose body is read after the race.
 */
export function planCancellableRace(file: AnalysisFile, race: Race, operations: readonly RacedOperation[]): Plan {
  if (race.array.elements.some((e) => e === null || e.type === 'SpreadElement')) {
    return refusedPlan({ reason: 'unsupported-call-shape', message: 'The race spreads or leaves holes in its array; pass the signal to its calls by hand.' });
  }
  if (operations.some((o) => !o.inline)) {
    return refusedPlan({
      reason: 'unsupported-call-shape',
      message: 'A raced call starts before the race (it is bound to a variable first); create the controller before it and pass its signal by hand.',
    });
  }
  const statement = insertionStatement(race.node);
  if (statement === null) {
    return refusedPlan({
      reason: 'unsupported-call-shape',
      message: 'The race is not in a statement of its own block (an arrow body, a loop head), so there is no one place to create its controller.',
    });
  }
  const name = unusedName(file, ['controller', 'raceController', 'losersController']);
  if (name === null) return refusedPlan({ reason: 'name-taken', message: 'The file already uses every name the controller could take; add it by hand.' });
  const edits: TextEdit[] = [declarationBefore(file, statement, `const ${name} = new AbortController();`)];
  const added = ['const', name, 'new', 'AbortController', 'signal', 'finally', 'abort'];
  // The caller's signal, when the function has one: combined with the controller's, so cancelling
  // the caller still stops every raced call (the calls took no signal before, so neither alone is less).
  let signalText = `${name}.signal`;
  const caller = combinableCallerSignal(file, race.node);
  if (!caller && operations.some((o) => o.signal.kind === 'passed')) {
    return refusedPlan({
      reason: 'caller-signal-not-combinable',
      message:
        "The raced calls get the caller's signal, which cannot be combined with a controller here (`AbortSignal` is shadowed, or `engines.node` admits a Node without `AbortSignal.any`); abort the losers by hand.",
    });
  }
  if (caller) {
    const combined = unusedName(file, ['raceSignal', 'combinedSignal', 'eitherSignal']);
    if (combined === null) return refusedPlan({ reason: 'name-taken', message: 'The file already uses every name the combined signal could take; add it by hand.' });
    const any = `AbortSignal.any([${caller.text}, ${name}.signal])`;
    // One edit for both declarations, the controller's first.
    const second = declarationBefore(file, statement, `const ${combined} = ${caller.mayBeMissing ? `${caller.text} ? ${any} : ${name}.signal` : any};`);
    edits[0] = { range: second.range, text: `${(edits[0] as TextEdit).text}${second.text}` };
    added.push(combined, 'AbortSignal', 'any', ...caller.text.split(/\??\./));
    signalText = combined;
  }
  for (const operation of operations) {
    if (operation.api.readsAfterSettling && !readsItsBody(operation.call)) {
      return refusedPlan({
        reason: 'winner-reads-after-race',
        message: `Aborting once the race settles would also abort the winning \`${describeAbortableApi(operation.api)}\`'s body, which is read after the race; read the body inside each raced call (\`.then((r) => r.json())\`), or abort only the losers.`,
      });
    }
    // A call that already gets the caller's signal gets the combined one in its place.
    const signalEdits = operation.signal.kind === 'passed' ? [replaceSignal(operation.signal.signal, signalText)] : signalEditsFor(file, operation.call, operation.api, signalText, operation.signal);
    if (signalEdits === null) {
      return refusedPlan({ reason: 'unsupported-call-shape', message: `The options of \`${describeAbortableApi(operation.api)}\` cannot take a signal as written; pass it by hand.` });
    }
    edits.push(...signalEdits);
    if (signalEdits.some((e) => e.text.includes('undefined'))) added.push('undefined');
  }
  edits.push({ range: [race.node.range[1], race.node.range[1]], text: `.finally(() => ${name}.abort())` });
  // The caller's signal, where a raced call had it, is replaced by the combined one that holds it.
  const removed = operations.some((o) => o.signal.kind === 'passed') && caller ? caller.text.split(/\??\./) : [];
  return checkedPlan(file, 'review', edits, { owned: [statement], vocabulary: { added, removed } });
}
