/**
 * Fan-outs without a bound. `Promise.all(xs.map(async …))` starts one call per element at once:
 * over a list of unknown size that is thousands of sockets, file handles or database connections.
 * asyncio bounds a `gather` with a `Semaphore(n)`; JavaScript with a limiter (`limiters` catalogue).
 * `findUnboundedFanOuts` reports `Promise.all`/`allSettled`/`any`/`race` over a mapped or
 * loop-filled array whose size the code does not show to be small, unless the work already goes
 * through a limiter; `findUnboundedLimiterCalls` reports limiter calls that leave the bound at an
 * unbounded default (`pMap` without `concurrency`, `new PQueue()`, `async.each`).
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { defaultTestFilePatterns } from './catalogues/effect-verbs';
import { type Limiter, limiterPackages } from './catalogues/limiters';
import type { AnalysisFile } from './file';
import { type LimiterCall, limiterAt, limiterCallOf } from './limiter-calls';
import { moduleBindingOf, staticPropertyName } from './modules';
import { isBuiltinGlobal, isMemberUsed, referenceIndexOf } from './scope';
import { isTestFile } from './sequential-awaits';
import { hasOffsetWithin, isFunctionNode, skipTransparentWrappers, walk, wordOffsets } from './walk';
import { PerFile } from './per-file';

/**
 * Why a `Promise.all` over mapped work is not reported:
 * - `known-small`: the input's size is shown to be at most `maxKnownLength` (a literal array, a
 *   `const` bound to one, `.slice(0, n)` with a literal `n`, `Array.from({ length: n })`);
 * - `bounded-by-limiter`: each element's work goes through a limiter (p-limit's `limit(…)`, p-queue's
 *   `add`, Bottleneck's `schedule`, a catalogued limiter call), is handed as a function to a queue's
 *   method (`queue.add(() => …)`, the project's own queues too) or waits on a semaphore it acquires;
 * - `batched-in-loop`: the input is the element of an enclosing loop (a chunk): the loop bounds the fan-out;
 * - `test-file`: a test file (by `testFiles`): fixtures are small lists the test wrote;
 * - `waits-only`: each element is a `new Promise` whose executor only hands its `resolve`/`reject` on
 *   (to a map of pending replies, a listener, a timer): it waits for something and starts nothing.
 */
export const fanOutSilenceReasons = ['known-small', 'bounded-by-limiter', 'batched-in-loop', 'test-file', 'waits-only'] as const;

export type FanOutSilenceReason = (typeof fanOutSilenceReasons)[number];

export interface UnboundedFanOut {
  /** The `Promise.all(…)` call (or its sibling). */
  readonly call: TSESTree.CallExpression;
  readonly combinator: 'all' | 'allSettled' | 'any' | 'race';
  /** The collection fanned out over, as written (`users`, `ids.filter(…)`), for the message. */
  readonly input: string;
  /** `map` over the input, or an array filled with `push` in a loop. */
  readonly shape: 'map' | 'filled-in-loop';
}

export interface FanOutOptions {
  /** The largest input size still small enough to start at once (default 16). */
  readonly maxKnownLength?: number;
  /** The file's path relative to the working directory, matched against `testFiles`. */
  readonly filePath?: string;
  readonly testFiles?: readonly string[];
}

export interface FanOutResult {
  readonly fanOuts: readonly UnboundedFanOut[];
  readonly silenced: readonly { readonly call: TSESTree.CallExpression; readonly reason: FanOutSilenceReason }[];
}

const combinators: ReadonlySet<string> = new Set(['all', 'allSettled', 'any', 'race']);
const fanOutCache = new PerFile<Map<string, FanOutResult>>();

/** Every unbounded fan-out of the file, and the ones left alone with their reason. Cached per file and options. */
export function findUnboundedFanOuts(file: AnalysisFile, options: FanOutOptions = {}): FanOutResult {
  const maxKnownLength = options.maxKnownLength ?? 16;
  const testFiles = options.testFiles ?? defaultTestFilePatterns;
  const key = `${maxKnownLength}\0${options.filePath ?? ''}\0${testFiles.join('\0')}`;
  let byOptions = fanOutCache.get(file);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  const result = computeFanOuts(file, maxKnownLength, isTestFile(options.filePath, testFiles));
  if (!byOptions) fanOutCache.set(file, (byOptions = new Map<string, FanOutResult>()));
  byOptions.set(key, result);
  return result;
}

function computeFanOuts(file: AnalysisFile, maxKnownLength: number, inTestFile: boolean): FanOutResult {
  const fanOuts: UnboundedFanOut[] = [];
  const silenced: FanOutResult['silenced'][number][] = [];
  // Cheap gate: no `Promise.` in the text, no combinator call.
  if (!file.text.includes('Promise.')) return { fanOuts, silenced };
  const offsets = wordOffsets(file.text, 'Promise');
  walk(file.ast, file.visitorKeys, (node) => {
    if (!hasOffsetWithin(offsets, node.range[0], node.range[1])) return false;
    if (node.type !== 'CallExpression') return true;
    const callee = skipTransparentWrappers(node.callee);
    if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== 'Promise') return true;
    const combinator = staticPropertyName(callee);
    const argument = node.arguments[0];
    if (combinator === null || !combinators.has(combinator) || !argument || argument.type === 'SpreadElement') return true;
    const judged = judgeFanOut(file, node, argument, maxKnownLength);
    if (judged === null) return true;
    if (!isBuiltinGlobal(file.scopeManager, callee, 'Promise')) return true;
    if (typeof judged === 'string') silenced.push({ call: node, reason: judged });
    else if (inTestFile) silenced.push({ call: node, reason: 'test-file' });
    else fanOuts.push({ call: node, combinator: combinator as UnboundedFanOut['combinator'], ...judged });
    return true;
  });
  return { fanOuts, silenced };
}

/** The fan-out's input and shape, a reason to leave it, or `null` when the argument is no fan-out the code shows. */
function judgeFanOut(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  argument: TSESTree.Expression,
  maxKnownLength: number,
): { input: string; shape: UnboundedFanOut['shape'] } | FanOutSilenceReason | null {
  const core = skipTransparentWrappers(argument);
  if (core.type === 'CallExpression' && core.callee.type === 'MemberExpression' && staticPropertyName(core.callee) === 'map') {
    const callback = core.arguments[0];
    if (!callback || callback.type === 'SpreadElement') return null;
    const work = startsPromisePerElement(file, callback);
    if (work === 'no') return null;
    if (work === 'waits') return 'waits-only';
    const input = core.callee.object;
    const size = knownSize(file, input);
    if (size !== null && size <= maxKnownLength) return 'known-small';
    if (work === 'bounded') return 'bounded-by-limiter';
    if (isChunkOfEnclosingLoop(file, call, input)) return 'batched-in-loop';
    return { input: file.text.slice(input.range[0], input.range[1]).replace(/\s+/g, ' '), shape: 'map' };
  }
  if (core.type === 'Identifier') return judgeFilledArray(file, call, core, maxKnownLength);
  return null;
}

/**
 * What a map callback starts per element: `'promise'` (an async function, or one whose body
 * returns what the oracle shows is a promise), `'bounded'` (its work goes through a limiter or a
 * semaphore), or `'no'` when nothing shows it starts async work.
 */
function startsPromisePerElement(file: AnalysisFile, callback: TSESTree.Expression): 'promise' | 'bounded' | 'waits' | 'no' {
  if (isFunctionNode(callback)) {
    if (goesThroughLimiter(file, callback)) return 'bounded';
    if (callback.async && !callback.generator) return 'promise';
    const returned = callback.body.type === 'BlockStatement' ? null : callback.body;
    if (returned && isWaitOnly(returned)) return 'waits';
    return returned && file.oracle.isPromiseLike(returned) === 'yes' ? 'promise' : 'no';
  }
  return file.oracle.returnsPromise(callback) === 'yes' ? 'promise' : 'no';
}

/** Names of limiter methods that queue work (p-queue's `add`, Bottleneck's `schedule`, `wrap`'s result aside). */
const queueingMethods: ReadonlySet<string> = new Set(['add', 'addAll', 'schedule', 'submit', 'run', 'runExclusive', 'use']);

/** Methods that take work as a function and run it later: a queue's or scheduler's, catalogued or the project's own. */
const handOffMethods: ReadonlySet<string> = new Set(['add', 'schedule', 'submit', 'enqueue', 'run', 'runExclusive']);

function isInlineFunction(node: TSESTree.Node | undefined): boolean {
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
}

/**
 * Whether the callback's work goes through a limiter: it calls a binding initialised by a catalogued
 * limiter (`const limit = pLimit(4)` … `limit(() => …)`; `queue.add(…)` of `new PQueue(…)`), a
 * catalogued limiter call directly, hands its work as a function to a queue's method
 * (`queue.add(() => …)`, also a queue of the project's own), or awaits a semaphore it acquires (`await sem.acquire()`).
 */
function goesThroughLimiter(file: AnalysisFile, fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration): boolean {
  let found = false;
  walk(fn.body, file.visitorKeys, (node) => {
    if (found) return false;
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      if (limiterAt(file.scopeManager, node)) found = true;
      const callee = skipTransparentWrappers(node.callee);
      const root = callee.type === 'MemberExpression' ? callee.object : callee;
      if (!found && root.type === 'Identifier' && isLimiterInstance(file, root)) {
        found = callee.type === 'Identifier' || queueingMethods.has(staticPropertyName(callee as TSESTree.MemberExpression) ?? '');
      }
      if (!found && node.type === 'CallExpression' && callee.type === 'MemberExpression') {
        const method = staticPropertyName(callee);
        // Work handed to a queue as a function (`await queue.add(() => fetch(x))`): the queue decides
        // when it starts. A project's own queue (`createPromiseQueue(40).add`) is not catalogued and
        // may well be bounded, so nothing shows this element's work starts at once.
        if (method !== null && handOffMethods.has(method) && isInlineFunction(node.arguments[0])) found = true;
        // A semaphore or mutex acquired around the work: `await sem.acquire()`, `mutex.runExclusive(…)`.
        if (method !== null && node.parent?.type === 'AwaitExpression' && /^(acquire|lock|runExclusive)/.test(method)) {
          found = true;
        }
      }
    }
    return !found;
  });
  return found;
}

/** Whether an identifier is bound (once) to the result of a catalogued limiter call: `pLimit(4)`, `new PQueue(…)`, `new Bottleneck(…)`. */
function isLimiterInstance(file: AnalysisFile, id: TSESTree.Identifier): boolean {
  const ref = referenceIndexOf(file).within(id.range[0], id.range[1])[0];
  const variable = ref?.resolved;
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.id.type !== 'Identifier' || !def.node.init) return false;
  const init = skipTransparentWrappers(def.node.init);
  if (init.type !== 'CallExpression' && init.type !== 'NewExpression') return false;
  const found = limiterCallOf(file.scopeManager, init);
  return found !== null && found.bound.kind !== 'infinite';
}

/** The number of elements the code shows an expression has, or `null`. */
function knownSize(file: AnalysisFile, node: TSESTree.Expression, depth = 0): number | null {
  if (depth > 4) return null;
  const core = skipTransparentWrappers(node);
  if (core.type === 'ArrayExpression') return core.elements.some((e) => e?.type === 'SpreadElement') ? null : core.elements.length;
  if (core.type === 'Identifier') {
    const ref = referenceIndexOf(file).within(core.range[0], core.range[1])[0];
    const variable = ref?.resolved;
    const def = variable?.defs[0];
    if (variable && variable.defs.length === 1 && def?.type === 'Variable' && def.parent.kind === 'const' && def.node.id.type === 'Identifier' && def.node.init && !isMemberUsedBeyondReads(variable)) {
      return knownSize(file, def.node.init, depth + 1);
    }
    return null;
  }
  if (core.type !== 'CallExpression' || core.callee.type !== 'MemberExpression') return null;
  const method = staticPropertyName(core.callee);
  const object = core.callee.object;
  // `.slice(0, n)` keeps at most n; `filter`, `map` and friends keep at most what they get.
  if (method === 'slice') {
    const [start, end] = core.arguments;
    const limit = start?.type === 'Literal' && start.value === 0 && end?.type === 'Literal' && typeof end.value === 'number' ? end.value : null;
    if (limit !== null) return limit;
    return knownSize(file, object, depth + 1);
  }
  if (method === 'filter' || method === 'map' || method === 'toSorted' || method === 'toReversed') return knownSize(file, object, depth + 1);
  // `Array.from({ length: n })`.
  if (method === 'from' && object.type === 'Identifier' && object.name === 'Array' && core.arguments[0]?.type === 'ObjectExpression') {
    for (const property of core.arguments[0].properties) {
      if (property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'length' && property.value.type === 'Literal' && typeof property.value.value === 'number') {
        return property.value.value;
      }
    }
  }
  return null;
}

/** Whether the input is the element of a loop around the call (`for (const chunk of chunks) await Promise.all(chunk.map(…))`). */
function isChunkOfEnclosingLoop(file: AnalysisFile, call: TSESTree.Node, input: TSESTree.Expression): boolean {
  const core = skipTransparentWrappers(input);
  let root: TSESTree.Node = core;
  while (root.type === 'CallExpression' && root.callee.type === 'MemberExpression') root = root.callee.object;
  if (root.type !== 'Identifier') return false;
  const name = root.name;
  for (let node = call.parent; node && !isFunctionNode(node); node = node.parent) {
    if ((node.type === 'ForOfStatement' || node.type === 'ForInStatement') && node.left.type === 'VariableDeclaration') {
      const id = node.left.declarations[0]?.id;
      if (id?.type === 'Identifier' && id.name === name) return true;
    }
    // `for (let i = 0; i < xs.length; i += size) await Promise.all(xs.slice(i, i + size).map(…))`.
    if (node.type === 'ForStatement' && core.type === 'CallExpression' && core.callee.type === 'MemberExpression' && staticPropertyName(core.callee) === 'slice') {
      return true;
    }
  }
  return false;
}

/** `const ps = []; for (…) ps.push(start(x)); await Promise.all(ps)`: an array of promises filled in a loop. */
function judgeFilledArray(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  id: TSESTree.Identifier,
  maxKnownLength: number,
): { input: string; shape: 'filled-in-loop' } | FanOutSilenceReason | null {
  const ref = referenceIndexOf(file).within(id.range[0], id.range[1])[0];
  const variable = ref?.resolved;
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.id.type !== 'Identifier') return null;
  const init = def.node.init ? skipTransparentWrappers(def.node.init) : null;
  if (init?.type !== 'ArrayExpression' || init.elements.length > 0) return null;
  let loop: TSESTree.Node | null = null;
  let bounded = false;
  let startsWork = false;
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || staticPropertyName(member) !== 'push') continue;
    const push = member.parent;
    if (push?.type !== 'CallExpression' || push.callee !== member) continue;
    const pushed = push.arguments[0];
    if (!pushed || pushed.type === 'SpreadElement') continue;
    const enclosing = enclosingLoop(push, call);
    if (!enclosing) continue;
    const promised = skipTransparentWrappers(pushed);
    const viaLimiter =
      (promised.type === 'CallExpression' || promised.type === 'NewExpression') &&
      (limiterAt(file.scopeManager, promised) !== undefined ||
        (() => {
          const callee = skipTransparentWrappers(promised.callee);
          const root = callee.type === 'MemberExpression' ? callee.object : callee;
          return root.type === 'Identifier' && isLimiterInstance(file, root);
        })());
    if (viaLimiter) bounded = true;
    else if (isWaitOnly(constInitOf(file, pushed) ?? pushed)) {
      loop = enclosing;
      continue;
    } else if (file.oracle.isPromiseLike(pushed) !== 'yes') continue;
    else startsWork = true;
    loop = enclosing;
  }
  if (!loop) return null;
  if (bounded) return 'bounded-by-limiter';
  if (!startsWork) return 'waits-only';
  if (loop.type === 'ForOfStatement') {
    const size = knownSize(file, loop.right);
    if (size !== null && size <= maxKnownLength) return 'known-small';
    return { input: file.text.slice(loop.right.range[0], loop.right.range[1]).replace(/\s+/g, ' '), shape: 'filled-in-loop' };
  }
  if (loop.type === 'ForStatement' && loop.test?.type === 'BinaryExpression' && loop.test.right.type === 'Literal' && typeof loop.test.right.value === 'number' && loop.test.right.value <= maxKnownLength) {
    return 'known-small';
  }
  return { input: id.name, shape: 'filled-in-loop' };
}

/** The loop (in the same function as `call`, before it) whose body holds `node`. */
function enclosingLoop(node: TSESTree.Node, call: TSESTree.Node): TSESTree.Node | null {
  for (let current = node.parent; current && !isFunctionNode(current); current = current.parent) {
    if (
      (current.type === 'ForOfStatement' || current.type === 'ForStatement' || current.type === 'ForInStatement' || current.type === 'WhileStatement' || current.type === 'DoWhileStatement') &&
      current.range[1] <= call.range[0]
    ) {
      return current;
    }
  }
  return null;
}

/**
 * Why a limiter call without a finite bound is not reported:
 * - `bound-not-shown`: the bound is a value the code does not show (a variable, an options object passed through);
 * - `rate-limited`: a queue bounded by rate instead (`minTime`, `reservoir`, `intervalCap`).
 */
export const limiterSilenceReasons = ['bound-not-shown', 'rate-limited'] as const;

export type LimiterSilenceReason = (typeof limiterSilenceReasons)[number];

export interface UnboundedLimiterCall extends LimiterCall {
  /** `Infinity` as written, the default left unbounded, or a bound the call needs and lacks. */
  readonly problem: 'written-infinite' | 'default-infinite' | 'missing';
}

/** Options that bound a queue by rate, so that leaving its concurrency unbounded is a choice. */
const rateOptions: ReadonlySet<string> = new Set(['minTime', 'reservoir', 'intervalCap', 'interval']);

/** async's package names as a specifier is written, for the cheap gate (the word `async` alone is in every async file). */
const asyncSpecifier = /['"]async(?:-es)?(?:\/[\w]+)?['"]/;

const limiterCache = new PerFile<{ calls: UnboundedLimiterCall[]; silenced: { call: TSESTree.Node; reason: LimiterSilenceReason }[] }>();

/**
 * Calls of catalogued limiters whose bound is `Infinity` (written so or by default) or missing,
 * found from the bindings of the catalogued packages (no walk of the file). Cached per file.
 */
export function findUnboundedLimiterCalls(file: AnalysisFile): {
  readonly calls: readonly UnboundedLimiterCall[];
  readonly silenced: readonly { readonly call: TSESTree.Node; readonly reason: LimiterSilenceReason }[];
} {
  const cached = limiterCache.get(file);
  if (cached) return cached;
  const result: { calls: UnboundedLimiterCall[]; silenced: { call: TSESTree.Node; reason: LimiterSilenceReason }[] } = { calls: [], silenced: [] };
  limiterCache.set(file, result);
  const text = file.text;
  if (![...limiterPackages].some((pkg) => pkg !== 'async' && pkg !== 'async-es' && text.includes(pkg)) && !asyncSpecifier.test(text)) return result;
  const seen = new Set<TSESTree.Node>();
  for (const scope of file.scopeManager.scopes) {
    for (const variable of scope.variables) {
      const def = variable.defs[0];
      if (!def || (def.type !== 'ImportBinding' && def.type !== 'Variable')) continue;
      const binding = moduleBindingOf(variable);
      if (!binding) continue;
      const source = binding.source;
      const pkg = source.includes('/') && !source.startsWith('@') ? source.slice(0, source.indexOf('/')) : source;
      if (!limiterPackages.has(pkg)) continue;
      for (const reference of variable.references) {
        if (!reference.isRead()) continue;
        const call = callOrNewOf(reference.identifier);
        if (!call || seen.has(call)) continue;
        seen.add(call);
        judgeLimiterCall(file, call, result);
      }
    }
  }
  result.calls.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return result;
}

function judgeLimiterCall(
  file: AnalysisFile,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  result: { calls: UnboundedLimiterCall[]; silenced: { call: TSESTree.Node; reason: LimiterSilenceReason }[] },
): void {
  const found = limiterCallOf(file.scopeManager, call);
  if (!found) return;
  const { bound, limiter } = found;
  // A call with no bounded form (async's `sortBy`) has nothing to ask for.
  if (bound.kind === 'finite' || (limiter.limit.kind === 'none' && !limiter.bounded)) return;
  if (bound.kind === 'unknown') {
    result.silenced.push({ call, reason: 'bound-not-shown' });
    return;
  }
  if (bound.kind === 'infinite' && !bound.written && limiter.shape === 'queue-constructor' && setsRateOption(call, limiter)) {
    result.silenced.push({ call, reason: 'rate-limited' });
    return;
  }
  const problem = bound.kind === 'missing' ? 'missing' : bound.written ? 'written-infinite' : 'default-infinite';
  result.calls.push({ ...found, problem });
}

function setsRateOption(call: TSESTree.CallExpression | TSESTree.NewExpression, limiter: Limiter): boolean {
  const limit = limiter.limit;
  if (limit.kind !== 'option') return false;
  const options = call.arguments[limit.argument];
  if (options?.type !== 'ObjectExpression') return false;
  return options.properties.some((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && rateOptions.has(p.key.name));
}

/** The call or `new` whose callee is `node` or the member `node.x`. */
function callOrNewOf(node: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | null {
  let callee: TSESTree.Node = node;
  const parent = node.parent;
  if (parent?.type === 'MemberExpression' && parent.object === node) callee = parent;
  const call = callee.parent;
  if ((call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.callee === callee) return call;
  return null;
}

/** What a `const` name pushed stands for: `const reply = new Promise(…); ps.push(reply)`. */
function constInitOf(file: AnalysisFile, node: TSESTree.Expression): TSESTree.Expression | null {
  if (node.type !== 'Identifier') return null;
  const variable = referenceIndexOf(file).within(node.range[0], node.range[1])[0]?.resolved;
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== 'Identifier') return null;
  return def.node.init;
}

/** Methods that keep a function to call later (a map of pending replies, a listener list) and start nothing. */
const registeringMethods: ReadonlySet<string> = new Set([
  'set', 'push', 'add', 'unshift', 'once', 'on', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener',
]);

/**
 * Whether `node` is a `new Promise` that only waits: its executor does nothing but keep `resolve` or
 * `reject` for later, registered with plain arguments (`pending.set(id, resolve)`,
 * `emitter.once('ready', resolve)`) or stored (`(r) => (release = r)`). Such a promise holds no
 * socket or handle of its own; what it waits for is started elsewhere. A settler handed to any other
 * call (`socket.write(data, resolve)`, `fs.access(p, resolve)`) is a callback of work that starts.
 */
function isWaitOnly(node: TSESTree.Expression): boolean {
  const core = skipTransparentWrappers(node);
  if (core.type !== 'NewExpression' || core.callee.type !== 'Identifier' || core.callee.name !== 'Promise') return false;
  const executor = core.arguments[0];
  if (core.arguments.length !== 1 || (executor?.type !== 'ArrowFunctionExpression' && executor?.type !== 'FunctionExpression') || executor.async) return false;
  const settlers = new Set(executor.params.flatMap((p) => (p.type === 'Identifier' ? [p.name] : [])));
  if (settlers.size !== executor.params.length || settlers.size === 0) return false;
  const isSettler = (n: TSESTree.Node | undefined) => n?.type === 'Identifier' && settlers.has(n.name);
  // Plain values beside the settler: names, literals, members, `this`; never a call or a function.
  const isPlain = (n: TSESTree.Node): boolean =>
    n.type === 'Identifier' ||
    n.type === 'Literal' ||
    n.type === 'ThisExpression' ||
    (n.type === 'TemplateLiteral' && n.expressions.every(isPlain)) ||
    (n.type === 'MemberExpression' && isPlain(n.object) && (!n.computed || isPlain(n.property)));
  const handsOn = (expression: TSESTree.Node): boolean => {
    if (expression.type === 'AssignmentExpression') return expression.operator === '=' && isSettler(expression.right) && (expression.left.type === 'Identifier' || isPlain(expression.left));
    if (expression.type !== 'CallExpression' || expression.callee.type !== 'MemberExpression' || !isPlain(expression.callee)) return false;
    const method = staticPropertyName(expression.callee);
    if (method === null || !registeringMethods.has(method)) return false;
    return expression.arguments.some(isSettler) && expression.arguments.every((a) => a.type !== 'SpreadElement' && isPlain(a));
  };
  const body = executor.body;
  if (body.type !== 'BlockStatement') return handsOn(body);
  return body.body.length > 0 && body.body.every((statement) => statement.type === 'ExpressionStatement' && handsOn(statement.expression));
}

/** Whether the array may grow: a member of it is called or assigned (`xs.push(…)`, `xs[i] = …`), beyond `.map`/`.slice`/`.filter` reads. */
function isMemberUsedBeyondReads(variable: Variable): boolean {
  if (!isMemberUsed(variable)) return false;
  return variable.references.some((ref) => {
    const member = ref.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== ref.identifier) return false;
    const name = staticPropertyName(member);
    return name === null || !readingMethods.has(name);
  });
}

const readingMethods: ReadonlySet<string> = new Set(['map', 'slice', 'filter', 'length', 'forEach', 'some', 'every', 'find', 'includes', 'indexOf', 'join']);
