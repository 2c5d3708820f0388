/**
 * Awaits in loops whose iterations are independent. ESLint core's `no-await-in-loop` reports every
 * `await` in a loop; most of those loops must stay sequential (a cursor read from the last page, a
 * retry, a poll, an accumulator, writes in order to one stream). This finder reports a loop only
 * when the code shows that nothing one iteration writes is read by a later one, that no iteration
 * decides whether the next runs, and that the awaited calls are no pause, batch or ordered write;
 * every other loop gets a named reason. Independence is judged with the same facts as
 * `prefer-promise-all`'s runs: scope references (`scope.ts`) and the effects of calls (`effects.ts`).
 */
import type { Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { defaultTestFilePatterns } from './catalogues/effect-verbs';
import { callEffectOf, effectFactsOf, effectKindOf, isPause, operationsOf, startingCall } from './effects';
import type { AnalysisFile } from './file';
import { instanceFootprintOf } from './instance-state';
import { limiterAt } from './limiter-calls';
import { staticPropertyName } from './modules';
import { bindingKeyOf, type BindingKey, isBuiltinGlobal, isMemberUsed, referenceIndexOf } from './scope';
import { isTestFile } from './sequential-awaits';
import { hasOffsetWithin, isFunctionNode, memberChainRoot, skipTransparentWrappers, walk, wordOffsets, nodeWithin } from './walk';
import { PerFile } from './per-file';

/**
 * Why a loop with `await` is not reported. One list, so the docs and tests name each:
 * - `for-await`: a `for await` loop inside a loop: it reads one item at a time by design;
 * - `await-in-condition`: the loop awaits only in its condition or update (`while (await more())`);
 * - `condition-loop`: a `while`/`do…while`, or a `for` without a condition or update: how many
 *   iterations run depends on what they do (polling, retry, pagination, `while (!done)`);
 * - `early-exit`: a `break` or `return` leaves the loop: later iterations run only if earlier ones did not stop;
 * - `exit-depends-on-await`: a `throw` after an await of the iteration: whether later iterations run
 *   depends on the awaited value (a `continue` ends only its own iteration, and is no reason);
 * - `yields-in-loop`: the loop yields, so its consumer takes each item in order, when it asks;
 * - `loop-carried-dependency`: an iteration reads what an iteration writes (a cursor, an accumulator,
 *   a `seen` set, a counter, the previous item);
 * - `writes-outer-binding`: an iteration assigns a binding declared outside the loop: the last write wins;
 * - `callee-writes-shared-state`: an iteration calls a function of this file that assigns bindings outside itself;
 * - `awaits-started-promise`: the loop awaits values, not calls: their work already runs at once;
 * - `batched-concurrency`: an iteration awaits `Promise.all`/`allSettled` or a limiter: the loop is
 *   what bounds the fan-out (batches);
 * - `sleep-or-backoff`: an iteration awaits a pause (`sleep`, `delay`, `setTimeout` of
 *   `timers/promises`): the wait is the point (rate limit, poll, backoff);
 * - `ordered-writes`: an iteration writes (by the verb of the call's name) through a receiver the
 *   iterations share, or through a plain function call: one sink, written in order;
 * - `ordered-setup`: an iteration starts, connects, installs or locks something: what comes up first may matter;
 * - `shared-argument`: an awaited call gets a collection made outside the loop (`find(node, deps)` with
 *   `const deps = new Set()`): the callee may fill it, and the order it is filled in shows;
 * - `interactive-call`: an iteration asks the person at the terminal;
 * - `iteration-variable-unused`: no iteration reads its element or counter: each does the same thing
 *   (a retry, a warm-up, repeated runs);
 * - `calls-each-element`: an iteration calls its element (`await hook(ctx)`), or a function it holds
 *   with a context of its own (`await plugin.buildStart.call(ctx)`): hooks, middleware, plugins and
 *   cleanups run in order by contract;
 * - `test-file`: a test file (by `testFiles`): a test's steps share fixtures and run in order on purpose;
 * - `sequential-by-choice`: the loop is one branch of an `if` whose other side (its `else`, or what
 *   follows an `if` whose branch returns) runs the same list with `Promise.all`/`allSettled`: the code
 *   already chose, per condition, when the calls may run together (one connection, a driver);
 * - `unsupported-loop`: a loop head the analysis does not follow (`for (obj.x of xs)`, a `for` whose
 *   update assigns something other than its counters).
 */
export const loopSilenceReasons = [
  'for-await',
  'await-in-condition',
  'condition-loop',
  'early-exit',
  'exit-depends-on-await',
  'yields-in-loop',
  'loop-carried-dependency',
  'writes-outer-binding',
  'callee-writes-shared-state',
  'awaits-started-promise',
  'batched-concurrency',
  'sleep-or-backoff',
  'ordered-writes',
  'ordered-setup',
  'shared-argument',
  'interactive-call',
  'iteration-variable-unused',
  'calls-each-element',
  'test-file',
  'sequential-by-choice',
  'unsupported-loop',
] as const;

export type LoopSilenceReason = (typeof loopSilenceReasons)[number];

export type LoopNode =
  | TSESTree.ForStatement
  | TSESTree.ForOfStatement
  | TSESTree.ForInStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

/** A loop whose iterations are shown independent. */
export interface IndependentLoop {
  readonly loop: LoopNode;
  /** The loop's own awaits (and nested `for await` statements), in source order, as ESLint core would report them. */
  readonly awaits: readonly (TSESTree.AwaitExpression | TSESTree.ForOfStatement)[];
  /**
   * How many iterations run when the code shows it (a literal array, or a `for` up to a literal
   * bound), else `null`: a known small count can run with `Promise.all`, an unknown one wants a bound.
   */
  readonly knownLength: number | null;
}

export interface LoopAwaitsResult {
  readonly loops: readonly IndependentLoop[];
  /** Loops with an await that are not reported, with the reason (for docs, tests and `explain`). */
  readonly silenced: readonly { readonly loop: LoopNode; readonly reason: LoopSilenceReason }[];
}

export interface LoopAwaitsOptions {
  /** The file's path relative to the working directory, matched against `testFiles`. */
  readonly filePath?: string;
  /** Path globs of test files, whose loops are left alone (default: the usual test globs; `[]` turns this off). */
  readonly testFiles?: readonly string[];
}

const cache = new PerFile<Map<string, LoopAwaitsResult>>();

/**
 * Every loop that awaits, judged: reported when its iterations are independent, else silenced with
 * the reason. The awaits a loop owns are those ESLint core's `no-await-in-loop` would report for
 * it: in the body, a `for`'s condition and update, a `while`'s condition, not inside a nested
 * function or `for await` body. Cached per file and options.
 */
export function findAwaitLoops(file: AnalysisFile, options: LoopAwaitsOptions = {}): LoopAwaitsResult {
  const testFiles = options.testFiles ?? defaultTestFilePatterns;
  const key = `${options.filePath ?? ''}\0${testFiles.join('\0')}`;
  let byOptions = cache.get(file);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  const result = compute(file, isTestFile(options.filePath, testFiles));
  if (!byOptions) cache.set(file, (byOptions = new Map<string, LoopAwaitsResult>()));
  byOptions.set(key, result);
  return result;
}

function compute(file: AnalysisFile, inTestFile: boolean): LoopAwaitsResult {
  if (!file.text.includes('await')) return { loops: [], silenced: [] };
  const owned = new Map<LoopNode, (TSESTree.AwaitExpression | TSESTree.ForOfStatement)[]>();
  const offsets = wordOffsets(file.text, 'await');
  walk(file.ast, file.visitorKeys, (node) => {
    if (!hasOffsetWithin(offsets, node.range[0], node.range[1])) return false;
    if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) {
      const loop = owningLoop(node);
      if (loop) {
        const list = owned.get(loop);
        if (list) list.push(node);
        else owned.set(loop, [node]);
      }
    }
    return true;
  });
  const loops: IndependentLoop[] = [];
  const silenced: LoopAwaitsResult['silenced'][number][] = [];
  for (const [loop, awaits] of owned) {
    awaits.sort((a, b) => a.range[0] - b.range[0]);
    const reason = inTestFile ? 'test-file' : new LoopJudge(file, loop, awaits).reason();
    if (reason) silenced.push({ loop, reason });
    else loops.push({ loop, awaits, knownLength: knownLengthOf(file, loop) });
  }
  loops.sort((a, b) => a.loop.range[0] - b.loop.range[0]);
  silenced.sort((a, b) => a.loop.range[0] - b.loop.range[0]);
  return { loops, silenced };
}

/** The loop an await (or `for await`) belongs to, as ESLint core decides it; `null` outside any loop of its function. */
function owningLoop(node: TSESTree.Node): LoopNode | null {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && !isFunctionNode(parent) && !(parent.type === 'ForOfStatement' && parent.await)) {
    switch (parent.type) {
      case 'ForStatement':
        if (child === parent.test || child === parent.update || child === parent.body) return parent;
        break;
      case 'ForOfStatement':
      case 'ForInStatement':
        if (child === parent.body) return parent;
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
        if (child === parent.test || child === parent.body) return parent;
        break;
      default:
        break;
    }
    child = parent;
    parent = parent.parent;
  }
  return null;
}

/** Array methods that change their receiver in a way a later iteration could see (order, length, contents). */
const reorderingMethods: ReadonlySet<string> = new Set(['pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'delete', 'clear']);
/** Methods that only collect a result into their receiver: kept in order by a bounded, order-keeping map. */
const collectingMethods: ReadonlySet<string> = new Set(['push', 'set', 'add']);

const combinators: ReadonlySet<string> = new Set(['all', 'allSettled']);

/** Globals that are values, not stores: passing one shares nothing. */
const builtinValues: ReadonlySet<string> = new Set(['global:undefined', 'global:NaN', 'global:Infinity']);

/** How deep `callee-writes-shared-state` follows local functions calling local functions. */
const maxCalleeDepth = 3;

class LoopJudge {
  private readonly body: TSESTree.Statement;
  /** The ranges that run once per iteration: the body, and a `for`'s condition and update. */
  private readonly perIteration: readonly TSESTree.Node[];
  /** Bindings the loop head assigns for each iteration: the element of `for…of`/`for…in`, the counters of a `for`. */
  private readonly iterationBindings = new Set<BindingKey>();

  constructor(
    private readonly file: AnalysisFile,
    private readonly loop: LoopNode,
    private readonly awaits: readonly (TSESTree.AwaitExpression | TSESTree.ForOfStatement)[],
  ) {
    this.body = loop.body;
    const parts: TSESTree.Node[] = [loop.body];
    if (loop.type === 'ForStatement') {
      if (loop.test) parts.push(loop.test);
      if (loop.update) parts.push(loop.update);
    }
    this.perIteration = parts;
  }

  /** Why the loop is not reported, or `null` when its iterations are independent. Syntax first, scopes last. */
  reason(): LoopSilenceReason | null {
    const loop = this.loop;
    if (loop.type === 'WhileStatement' || loop.type === 'DoWhileStatement') return 'condition-loop';
    if (loop.type === 'ForStatement' && (!loop.test || !loop.update)) return 'condition-loop';
    if (!this.awaits.some((a) => nodeWithin(a, this.body))) return 'await-in-condition';
    if (this.awaits.some((a) => a.type === 'ForOfStatement')) return 'for-await';
    if (hasConcurrentAlternative(this.file, loop)) return 'sequential-by-choice';
    const flow = this.controlFlowReason();
    if (flow) return flow;
    const calls = this.awaitedCallsReason();
    if (calls) return calls;
    const head = this.collectIterationBindings();
    if (head) return head;
    return this.bindingsReason();
  }

  /** `break`/`return` out of the loop, `throw` after an await, `yield`. */
  private controlFlowReason(): LoopSilenceReason | null {
    const firstAwait = this.awaits[0]?.range[0] ?? Infinity;
    let found: LoopSilenceReason | null = null;
    const labels = new Set<string>();
    walk(this.body, this.file.visitorKeys, (node) => {
      if (found || isFunctionNode(node) || node.type === 'ClassBody') return false;
      switch (node.type) {
        case 'LabeledStatement':
          labels.add(node.label.name);
          return true;
        case 'ReturnStatement':
          found = 'early-exit';
          return false;
        case 'BreakStatement':
          if (node.label ? !labels.has(node.label.name) : !this.insideInnerBreakable(node)) found = 'early-exit';
          return false;
        case 'ContinueStatement': {
          // A `continue` of an inner loop stays inside the iteration; one of an outer loop leaves this one.
          const target = node.label ? (labels.has(node.label.name) ? 'inner' : this.isOwnLabel(node.label.name) ? 'own' : 'outer') : this.insideInnerLoop(node) ? 'inner' : 'own';
          // A `continue` of this loop only ends its own iteration, whatever an await decided: the next
          // one runs all the same, so the iterations stay independent (a bounded map's call returns).
          if (target === 'outer') found = 'early-exit';
          return false;
        }
        case 'ThrowStatement':
          if (node.range[0] > firstAwait) found = 'exit-depends-on-await';
          return false;
        case 'YieldExpression':
          found = 'yields-in-loop';
          return false;
        default:
          return true;
      }
    });
    return found;
  }

  /** Whether `name` labels this loop. */
  private isOwnLabel(name: string): boolean {
    for (let parent = this.loop.parent; parent?.type === 'LabeledStatement'; parent = parent.parent) if (parent.label.name === name) return true;
    return false;
  }

  /** Whether an unlabelled `break` targets a loop or `switch` inside the body. */
  private insideInnerBreakable(node: TSESTree.Node): boolean {
    for (let current = node.parent; current && current !== this.loop; current = current.parent) {
      if (isLoopNode(current) || current.type === 'SwitchStatement') return true;
    }
    return false;
  }

  private insideInnerLoop(node: TSESTree.Node): boolean {
    for (let current = node.parent; current && current !== this.loop; current = current.parent) if (isLoopNode(current)) return true;
    return false;
  }

  /** What the awaited operations are: values, pauses, batches, prompts, setups. */
  private awaitedCallsReason(): LoopSilenceReason | null {
    const operands = this.awaits.flatMap((a) => (a.type === 'AwaitExpression' ? [a.argument] : []));
    let anyCall = false;
    for (const operand of operands) {
      const core = skipTransparentWrappers(operand);
      if (isPause(core)) return 'sleep-or-backoff';
      if (this.isBatch(core)) return 'batched-concurrency';
      for (const operation of operationsOf(core)) {
        const kind = effectKindOf(operation);
        if (kind === 'interactive') return 'interactive-call';
        if (kind === 'setup') return 'ordered-setup';
      }
      if (startingCall(core) !== null || core.type === 'ImportExpression') anyCall = true;
    }
    return anyCall ? null : 'awaits-started-promise';
  }

  /** `Promise.all(…)`/`allSettled(…)` of the built-in `Promise`, or a catalogued limiter call. */
  private isBatch(operand: TSESTree.Expression): boolean {
    const call = startingCall(operand);
    if (!call) return false;
    const callee = skipTransparentWrappers(call.callee);
    if (
      callee.type === 'MemberExpression' &&
      callee.object.type === 'Identifier' &&
      callee.object.name === 'Promise' &&
      combinators.has(staticPropertyName(callee) ?? '') &&
      isBuiltinGlobal(this.file.scopeManager, callee, 'Promise')
    ) {
      return true;
    }
    return limiterAt(this.file.scopeManager, call) !== undefined;
  }

  /** Records the loop head's per-iteration bindings; a reason when the head is not one the analysis follows. */
  private collectIterationBindings(): LoopSilenceReason | null {
    const loop = this.loop;
    const index = referenceIndexOf(this.file);
    if (loop.type === 'ForOfStatement' || loop.type === 'ForInStatement') {
      const left = loop.left;
      if (left.type !== 'VariableDeclaration' && left.type !== 'Identifier' && left.type !== 'ObjectPattern' && left.type !== 'ArrayPattern') {
        return 'unsupported-loop';
      }
      for (const ref of index.within(left.range[0], left.range[1])) if (ref.isWrite()) this.iterationBindings.add(bindingKeyOf(ref));
      return null;
    }
    if (loop.type !== 'ForStatement') return null;
    const counters = new Set<BindingKey>();
    if (loop.init) for (const ref of index.within(loop.init.range[0], loop.init.range[1])) if (ref.isWrite()) counters.add(bindingKeyOf(ref));
    const update = loop.update;
    if (!update) return 'unsupported-loop';
    for (const ref of index.within(update.range[0], update.range[1])) {
      if (!ref.isWrite()) continue;
      const key = bindingKeyOf(ref);
      // The update writes only the counters the head declares or assigns (any, when the head has no init).
      if (loop.init !== null && !counters.has(key)) return 'unsupported-loop';
      counters.add(key);
    }
    for (const key of counters) this.iterationBindings.add(key);
    let other = false;
    walk(update, this.file.visitorKeys, (node) => {
      if (node.type === 'CallExpression' || node.type === 'AwaitExpression') other = true;
      return !other;
    });
    return other ? 'unsupported-loop' : null;
  }

  /**
   * Whether a variable lives only inside one iteration: declared in the body with `let`, `const`, a
   * class or a function, and never seen outside it. A `var` is the function's: its value carries from
   * one iteration into the next (`var last; if (last) …; last = await get()`).
   */
  private isIterationLocal(key: BindingKey): boolean {
    if (typeof key === 'string') return false;
    const variable: Variable = key;
    const body = this.body;
    if (variable.defs.some((def) => def.type === 'Variable' && def.parent.kind === 'var')) return false;
    if (!variable.defs.every((def) => nodeWithin(def.name, body))) return false;
    return variable.references.every((ref) => nodeWithin(ref.identifier, body));
  }

  /** Reads and writes of bindings that outlive an iteration, through the body, the condition, the update and local callees. */
  private bindingsReason(): LoopSilenceReason | null {
    const index = referenceIndexOf(this.file);
    if (this.callsElement()) return 'calls-each-element';
    const outerReads = new Set<BindingKey>();
    const outerWrites = new Set<BindingKey>();
    const iterationReads = new Set<BindingKey>();
    for (const part of this.perIteration) {
      for (const ref of index.within(part.range[0], part.range[1])) {
        const key = bindingKeyOf(ref);
        if (this.iterationBindings.has(key)) {
          if (ref.isRead() && nodeWithin(ref.identifier, this.body)) iterationReads.add(key);
          // The counter written by the update is the loop's own; written in the body, it carries.
          if (ref.isWrite() && nodeWithin(ref.identifier, this.body)) return 'loop-carried-dependency';
          continue;
        }
        if (this.isIterationLocal(key)) continue;
        if (ref.isRead()) outerReads.add(key);
        if (ref.isWrite()) outerWrites.add(key);
      }
    }
    for (const key of outerWrites) if (outerReads.has(key)) return 'loop-carried-dependency';
    if (outerWrites.size > 0) return 'writes-outer-binding';
    const members = this.memberMutationsReason();
    if (members) return members;
    if (this.passesSharedCollection()) return 'shared-argument';
    if (this.callsLocalWriter() || this.callsInstanceWriter()) return 'callee-writes-shared-state';
    if (this.iterationBindings.size > 0 && iterationReads.size === 0) return 'iteration-variable-unused';
    return null;
  }

  /**
   * Writes through members and methods of outer objects: a collector (`out.push(r)`, `byId.set(k, v)`,
   * `out[i] = r`) is kept in order by an order-keeping map, as long as nothing else in the
   * iteration reads it; a reordering method (`queue.shift()`) or a write-verb call on a shared
   * receiver (`stream.write(x)`, `await db.insert(row)`) is order the iterations share.
   */
  private memberMutationsReason(): LoopSilenceReason | null {
    const index = referenceIndexOf(this.file);
    const collected = new Set<BindingKey | 'this'>();
    const collectorNodes = new Set<TSESTree.Node>();
    let reason: LoopSilenceReason | null = null;
    const rootKey = (root: TSESTree.Identifier | TSESTree.ThisExpression): BindingKey | 'this' | null => {
      if (root.type === 'ThisExpression') return 'this';
      const ref = index.within(root.range[0], root.range[1])[0];
      if (!ref) return null;
      const key = bindingKeyOf(ref);
      return this.iterationBindings.has(key) || this.isIterationLocal(key) ? null : key;
    };
    walk(this.body, this.file.visitorKeys, (node) => {
      if (reason) return false;
      if (node.type === 'AssignmentExpression' || node.type === 'UpdateExpression' || (node.type === 'UnaryExpression' && node.operator === 'delete')) {
        const target = node.type === 'AssignmentExpression' ? node.left : node.type === 'UpdateExpression' ? node.argument : node.argument;
        if (target.type === 'MemberExpression') {
          const root = memberRootOf(target);
          const key = root ? rootKey(root) : null;
          if (key !== null) {
            // `out[i] = r` collects; `total.n += r`, `n.count++` and `delete seen[k]` read what they change.
            // `config.status = r`, with a key no iteration chooses, is one place every iteration
            // writes: the last write wins, so the order does matter.
            if (node.type === 'AssignmentExpression' && node.operator === '=') {
              if (!this.keyedByIteration(target)) reason = 'writes-outer-binding';
              collected.add(key);
              collectorNodes.add(target);
            } else reason = 'loop-carried-dependency';
          }
        }
        return true;
      }
      if (node.type === 'CallExpression') {
        const effect = callEffectOf(node);
        const key = effect.receiver ? rootKey(effect.receiver) : null;
        if (effect.method !== null && key !== null) {
          if (collectingMethods.has(effect.method)) {
            collected.add(key);
            collectorNodes.add(node.callee);
            return true;
          }
          if (reorderingMethods.has(effect.method)) {
            reason = 'loop-carried-dependency';
            return false;
          }
        }
        // A call whose name writes or sets up, through a shared receiver, a plain function (its store is
        // the module's or the process's), or an argument the iterations share: one sink, in order.
        if ((effect.kind === 'write' || effect.kind === 'setup') && (key !== null || effect.receiver === null || this.passesSharedHandle(node))) {
          reason = effect.kind === 'write' ? 'ordered-writes' : 'ordered-setup';
        }
        return true;
      }
      return true;
    });
    if (reason) return reason;
    if (collected.size === 0) return null;
    // A collector the iteration also reads (`if (seen.has(x))`, `out.length`) carries state to the next.
    let readsCollector = false;
    walk(this.body, this.file.visitorKeys, (node) => {
      if (readsCollector || collectorNodes.has(node)) return false;
      if (node.type === 'ThisExpression' && collected.has('this')) readsCollector = true;
      if (node.type === 'Identifier') {
        const ref = index.within(node.range[0], node.range[1])[0];
        if (ref && ref.identifier === node && collected.has(bindingKeyOf(ref))) readsCollector = true;
      }
      return !readsCollector;
    });
    return readsCollector ? 'loop-carried-dependency' : null;
  }

  /** Whether a member write's place depends on the iteration: a computed key along its chain reads the element, a counter or a binding of the body (`out[id]`, `byId[item.id].done`). */
  private keyedByIteration(target: TSESTree.MemberExpression): boolean {
    const index = referenceIndexOf(this.file);
    for (let current: TSESTree.Expression = target; ; ) {
      current = skipTransparentWrappers(current);
      if (current.type !== 'MemberExpression') return false;
      if (current.computed) {
        const key = current.property;
        for (const ref of index.within(key.range[0], key.range[1])) {
          const binding = bindingKeyOf(ref);
          if (this.iterationBindings.has(binding) || this.isIterationLocal(binding)) return true;
        }
      }
      current = current.object;
    }
  }

  /** Whether an awaited call's callee is the element itself: `await hook(ctx)`, `await cleanup.call(this)`. */
  private callsElement(): boolean {
    const index = referenceIndexOf(this.file);
    return this.awaits.some((a) => {
      if (a.type !== 'AwaitExpression') return false;
      const call = startingCall(a.argument);
      if (call?.type !== 'CallExpression') return false;
      let callee = skipTransparentWrappers(call.callee);
      if (callee.type === 'MemberExpression' && ['call', 'apply'].includes(staticPropertyName(callee) ?? '')) {
        callee = skipTransparentWrappers(callee.object);
        // `plugin.buildStart.call(ctx)`: a function the element holds, called with a context of the
        // caller's choosing, is a hook of that element (a method call needs no `.call`).
        while (callee.type === 'MemberExpression') callee = skipTransparentWrappers(callee.object);
      }
      if (callee.type !== 'Identifier') return false;
      const ref = index.within(callee.range[0], callee.range[1])[0];
      return ref !== undefined && this.iterationBindings.has(bindingKeyOf(ref));
    });
  }

  /** Whether an awaited call of the iteration is given a collection made outside the loop (a `Set`, `Map`, array or object literal). */
  private passesSharedCollection(): boolean {
    const index = referenceIndexOf(this.file);
    return this.awaits.some((a) => {
      if (a.type !== 'AwaitExpression') return false;
      const call = startingCall(a.argument);
      return (call?.arguments ?? []).some((argument) => {
        if (argument.type !== 'Identifier') return false;
        const variable = index.within(argument.range[0], argument.range[1])[0]?.resolved;
        const def = variable?.defs[0];
        if (!variable || def?.type !== 'Variable' || nodeWithin(def.name, this.body)) return false;
        return isFreshCollection(def.node.init);
      });
    });
  }

  /** Whether a call passes (as its receiver or an argument) something that outlives the iteration: its effect facts' handles. */
  private passesSharedHandle(call: TSESTree.CallExpression): boolean {
    const index = referenceIndexOf(this.file);
    const facts = effectFactsOf(call, this.file.text, (id) => {
      const ref = index.within(id.range[0], id.range[1])[0];
      if (!ref) return null;
      const key = bindingKeyOf(ref);
      if (typeof key === 'string' && builtinValues.has(key)) return null;
      return this.iterationBindings.has(key) || this.isIterationLocal(key) ? null : key;
    });
    return facts.handles.size > 0;
  }

  /**
   * Whether the iteration calls a function declared in this file that assigns a binding declared
   * outside it, directly or through the local functions it calls (a few levels deep).
   */
  private callsLocalWriter(): boolean {
    return this.reachesLocalWriter(this.body, 0, new Set());
  }

  /**
   * Whether the iteration calls a method of the enclosing class (`this.handle(x)`) whose body, or a
   * method it calls on `this`, writes an instance member: each iteration changes state the next one
   * may see (a collection it checks, then deletes from; the last write wins).
   */
  private callsInstanceWriter(): boolean {
    if (!this.file.text.includes('this.')) return false;
    let found = false;
    walk(this.body, this.file.visitorKeys, (node) => {
      if (found || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassBody') return false;
      if (node.type === 'CallExpression' && (instanceFootprintOf(this.file, node)?.writes.size ?? 0) > 0) found = true;
      return !found;
    });
    return found;
  }

  private reachesLocalWriter(root: TSESTree.Node, depth: number, visited: Set<TSESTree.Node>): boolean {
    const index = referenceIndexOf(this.file);
    let found = false;
    walk(root, this.file.visitorKeys, (node) => {
      if (found) return false;
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier') return true;
      const ref = index.within(node.callee.range[0], node.callee.range[1])[0];
      const variable = ref?.resolved;
      const def = variable?.defs[0];
      const fn =
        def?.type === 'FunctionName'
          ? def.node
          : def?.type === 'Variable' && def.node.init && isFunctionNode(def.node.init)
            ? def.node.init
            : null;
      if (!fn || visited.has(fn) || (fn.range[0] <= this.loop.range[0] && fn.range[1] >= this.loop.range[1])) return true;
      visited.add(fn);
      for (const inner of index.within(fn.range[0], fn.range[1])) {
        const target = inner.resolved;
        if (!inner.isWrite()) continue;
        if (!target || target.scope.type === 'global') {
          found = true;
          break;
        }
        const declared = target.defs[0]?.name;
        if (declared && !nodeWithin(declared, fn)) {
          found = true;
          break;
        }
      }
      if (!found && depth < maxCalleeDepth && fn.body) found = this.reachesLocalWriter(fn.body, depth + 1, visited);
      return !found;
    });
    return found;
  }
}

/**
 * Whether a `for…of` loop sits in a branch of an `if` whose other side fans out over the same list
 * with `Promise.all`/`allSettled` (`list.map(…)`): its `else`, or, when the loop's branch ends in a
 * `return` and the `if` has no `else`, the statements after the `if` in its block.
 *
 * ```ts
 * if (driver === 'postgres') {
 *   for (const group of groups) await load(group); // one connection: one query at a time
 * } else {
 *   await Promise.all(groups.map(load));
 * }
 * ```
 */
function hasConcurrentAlternative(file: AnalysisFile, loop: LoopNode): boolean {
  if (loop.type !== 'ForOfStatement') return false;
  const list = textOf(file, loop.right);
  let child: TSESTree.Node = loop;
  for (let parent: TSESTree.Node | undefined = loop.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (parent.type !== 'IfStatement' || child === parent.test) continue;
    const other = child === parent.consequent ? parent.alternate : parent.consequent;
    if (other && fansOutOver(file, other, list)) return true;
    if (!parent.alternate && endsInReturn(child)) {
      const block = parent.parent;
      const siblings = block?.type === 'BlockStatement' || block?.type === 'Program' ? block.body : [];
      const after = siblings.slice(siblings.indexOf(parent) + 1);
      if (after.some((statement) => fansOutOver(file, statement, list))) return true;
    }
  }
  return false;
}

const fanOutCombinators: ReadonlySet<string> = new Set(['all', 'allSettled']);

/**
 * Whether `root` fans out over a list written as `list` with `Promise.all` (or `allSettled`): over
 * `list.map(…)`, or over promises a `for (… of list)` beside it collects.
 */
function fansOutOver(file: AnalysisFile, root: TSESTree.Node, list: string): boolean {
  let mapped = false;
  let combinator = false;
  let loopOverList = false;
  walk(root, file.visitorKeys, (node) => {
    if (mapped || isFunctionNode(node)) return false;
    if (node.type === 'ForOfStatement' && textOf(file, node.right) === list) loopOverList = true;
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return true;
    const callee = node.callee;
    if (callee.object.type !== 'Identifier' || callee.object.name !== 'Promise' || !fanOutCombinators.has(staticPropertyName(callee) ?? '')) return true;
    combinator = true;
    const argument = node.arguments[0] ? skipTransparentWrappers(node.arguments[0] as TSESTree.Expression) : null;
    if (argument?.type === 'CallExpression' && argument.callee.type === 'MemberExpression' && staticPropertyName(argument.callee) === 'map') {
      mapped = textOf(file, argument.callee.object) === list;
    }
    return !mapped;
  });
  return mapped || (combinator && loopOverList);
}

/** Whether a branch's last statement is a `return` (directly or as the last of its block). */
function endsInReturn(node: TSESTree.Node): boolean {
  if (node.type === 'ReturnStatement') return true;
  if (node.type === 'BlockStatement') {
    const last = node.body[node.body.length - 1];
    return last !== undefined && endsInReturn(last);
  }
  return false;
}

function textOf(file: AnalysisFile, node: TSESTree.Node): string {
  return file.text.slice(node.range[0], node.range[1]).replace(/\s+/g, '');
}

function isLoopNode(node: TSESTree.Node): node is LoopNode {
  return (
    node.type === 'ForStatement' ||
    node.type === 'ForOfStatement' ||
    node.type === 'ForInStatement' ||
    node.type === 'WhileStatement' ||
    node.type === 'DoWhileStatement'
  );
}

function memberRootOf(node: TSESTree.MemberExpression): TSESTree.Identifier | TSESTree.ThisExpression | null {
  const root = memberChainRoot(node);
  return root.type === 'Identifier' || root.type === 'ThisExpression' ? root : null;
}

/** The iteration count the code shows: a literal array's length, or a `for (let i = 0; i < N; i++)` with literal bounds. */
function knownLengthOf(file: AnalysisFile, loop: LoopNode): number | null {
  if (loop.type === 'ForOfStatement') {
    const right = skipTransparentWrappers(loop.right);
    if (right.type === 'ArrayExpression' && right.elements.every((e) => e !== null && e.type !== 'SpreadElement')) return right.elements.length;
    if (right.type === 'Identifier') {
      const ref = referenceIndexOf(file).within(right.range[0], right.range[1])[0];
      const variable = ref?.resolved;
      const def = variable?.defs[0];
      if (variable && variable.defs.length === 1 && def?.type === 'Variable' && def.parent.kind === 'const' && def.node.id.type === 'Identifier') {
        const init = def.node.init ? skipTransparentWrappers(def.node.init) : null;
        if (init?.type === 'ArrayExpression' && init.elements.every((e) => e !== null && e.type !== 'SpreadElement') && !isMemberUsed(variable)) {
          return init.elements.length;
        }
      }
    }
    return null;
  }
  if (loop.type !== 'ForStatement') return null;
  const init = loop.init?.type === 'VariableDeclaration' ? loop.init.declarations[0]?.init : null;
  const test = loop.test;
  if (init?.type !== 'Literal' || typeof init.value !== 'number' || test?.type !== 'BinaryExpression') return null;
  if (test.right.type !== 'Literal' || typeof test.right.value !== 'number') return null;
  const span = test.right.value - init.value + (test.operator === '<=' ? 1 : 0);
  return test.operator === '<' || test.operator === '<=' ? Math.max(0, span) : null;
}

/** `new Set()`, `new Map()`, `[]`, `{}`: a collection made to be filled. */
function isFreshCollection(node: TSESTree.Expression | null | undefined): boolean {
  if (!node) return false;
  const core = skipTransparentWrappers(node);
  if (core.type === 'ArrayExpression' || core.type === 'ObjectExpression') return true;
  return core.type === 'NewExpression' && core.callee.type === 'Identifier' && collectionConstructors.has(core.callee.name);
}

const collectionConstructors: ReadonlySet<string> = new Set(['Set', 'Map', 'WeakMap', 'WeakSet', 'Array']);
