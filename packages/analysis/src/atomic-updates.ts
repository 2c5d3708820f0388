/**
 * `require-atomic-updates`, rebuilt: a read-modify-write of shared state across an `await`.
 *
 * A write is reported when the value it stores was computed from a read of the same state taken
 * before a pause (`await`, or `yield` in an async generator) and the state was not read again
 * since: while the function is paused a concurrent call of it can change the state, and this write
 * then overwrites that change (a lost update). With `includeCheckThenWrite`, the same holds for a
 * write guarded by a test of the state taken before the pause (`if (!this.client) this.client = await
 * connect()`, `x ??= await f()`): two calls can both pass the test. That is off by default: on real
 * code such writes were nearly all idempotent caches.
 *
 * Only state a concurrent caller of the function can reach counts: `this.x`/`this.#x` where `this`
 * is a receiver, module-level (and global) bindings and their members, and a binding of an enclosing
 * function that the async function writes (a closure shared by its calls, unless the function is
 * called once, as an IIFE). Locals and parameters of the function, and objects it creates or
 * receives, are never state here: ESLint's rule reports them (eslint/eslint#12423, #17312, #18785),
 * and its object-as-a-whole rule for properties (a write to `o.b` after reading `o.a`) is not used.
 *
 * Each async function is interpreted once, statement by statement, with a small state per path:
 * the shared-state reads taken since the last pause (`live`), those a pause has made outdated
 * (`stale`), which state was read again since the last pause on every path (`fresh`), and which
 * reads each local's value came from (`taint`). `if`, `?:`, `&&`/`||`/`??` and `switch` join paths;
 * a loop body runs twice, so a value read in one iteration and written in the next is seen;
 * `return`/`throw` end a path; `break`/`continue` go to their targets. Nested functions are judged
 * on their own. The guard `if (busy) return; busy = true; …` (a state tested and then written before
 * the function's first pause) makes the function non-reentrant, so nothing after it is reported.
 */
import type { Reference, Scope, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { isValueReference, referenceIndexOf } from './scope';
import { type FunctionNode, forEachChild, isFunctionNode, skipTransparentWrappers, walk } from './walk';
import { PerFile } from './per-file';

export interface AtomicUpdatesOptions {
  /** ESLint's option: property writes (`this.x`, `obj.x`) are not reported (default false). */
  readonly allowProperties?: boolean;
  /**
   * Also report a write guarded by a test of the same state taken before the pause (`if (!x) x = await
   * init()`, `x ??= await init()`), default false: concurrent calls all pass the test and each runs the
   * initialiser, but on real code nearly all such writes are idempotent caches.
   */
  readonly includeCheckThenWrite?: boolean;
}

/**
 * Why a write of shared state whose value or guard was read before a pause is not reported.
 * (Writes of locals, parameters and objects the function creates are not shared state at all.)
 */
export const atomicUpdateSilenceReasons = [
  /** The state was read again after the last pause, on every path, before the write. */
  'read-again-after-await',
  /** A flag tested and set before the function's first pause keeps concurrent calls out. */
  'guarded-by-flag',
  /**
   * The function saved the state, replaced it, and puts the saved value back (`const old = S; S = mock;
   * await …; S = old`): a deliberate restore, which only a caller running it concurrently could break.
   */
  'restores-saved-value',
  /** `allowProperties` is set and the write is to a property. */
  'properties-allowed',
  /** The binding belongs to an enclosing function and this function is called once, where it is written. */
  'called-once',
] as const;
export type AtomicUpdateSilenceReason = (typeof atomicUpdateSilenceReasons)[number];

export interface AtomicUpdate {
  /** The write: `x += await f()`, `this.count = v + 1`. */
  readonly node: TSESTree.AssignmentExpression;
  /** The written state as written: `this.count`, `total`. */
  readonly target: string;
  /** `stale-value`: the stored value comes from the outdated read; `stale-check`: the write is guarded by it. */
  readonly kind: 'stale-value' | 'stale-check';
  /** The read taken before the pause. */
  readonly read: TSESTree.Node;
}

export interface AtomicUpdatesResult {
  readonly updates: readonly AtomicUpdate[];
  readonly silenced: readonly { readonly node: TSESTree.AssignmentExpression; readonly reason: AtomicUpdateSilenceReason }[];
}

/** A read of shared state: its key (`this.count`, `v3:total.sum`) and where it was taken. */
interface Source {
  readonly key: string;
  readonly node: TSESTree.Node;
}
type Flow = ReadonlySet<Source>;
const noFlow: Flow = new Set();

interface PathState {
  dead: boolean;
  live: Set<Source>;
  stale: Set<Source>;
  fresh: Set<string>;
  taint: Map<Variable, Flow>;
  /** Reads whose state this call wrote afterwards: a later write of them restores a saved value. */
  overwritten: Set<Source>;
  /** A pause may have happened on this path. */
  paused: boolean;
  /** State keys read in a test before the first pause. */
  tested: Set<string>;
  guarded: boolean;
}

function cloneState(s: PathState): PathState {
  return {
    dead: s.dead,
    live: new Set(s.live),
    stale: new Set(s.stale),
    fresh: new Set(s.fresh),
    taint: new Map(s.taint),
    overwritten: new Set(s.overwritten),
    paused: s.paused,
    tested: new Set(s.tested),
    guarded: s.guarded,
  };
}

/** Joins paths: outdated on some path is outdated; read again only if on every path. Dead paths add nothing. */
function joinStates(states: readonly PathState[]): PathState {
  const alive = states.filter((s) => !s.dead);
  if (alive.length === 0) return { ...cloneState(states[0] as PathState), dead: true };
  const out = cloneState(alive[0] as PathState);
  for (const s of alive.slice(1)) {
    for (const source of s.stale) out.stale.add(source);
    for (const source of s.live) out.live.add(source);
    for (const key of out.fresh) if (!s.fresh.has(key)) out.fresh.delete(key);
    for (const [variable, flow] of s.taint) out.taint.set(variable, union(out.taint.get(variable) ?? noFlow, flow));
    for (const key of s.tested) out.tested.add(key);
    for (const source of s.overwritten) out.overwritten.add(source);
    out.paused ||= s.paused;
    out.guarded ||= s.guarded;
  }
  for (const source of out.stale) out.live.delete(source);
  return out;
}

/** Replaces `target`'s contents with `from`'s (branches are run on clones and joined back). */
function assignState(target: PathState, from: PathState): void {
  Object.assign(target, from);
}

function union(a: Flow, b: Flow): Flow {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  const out = new Set(a);
  for (const source of b) out.add(source);
  return out;
}

/** Whether a read of `readKey` reads (part of) the state at `writeKey`: the same path or a member below it. */
function readsState(readKey: string, writeKey: string): boolean {
  return readKey === writeKey || (readKey.startsWith(writeKey) && (readKey[writeKey.length] === '.' || readKey[writeKey.length] === '['));
}

/** Where a binding lives, seen from the async function being judged. */
type BindingKind = { kind: 'local' } | { kind: 'shared'; key: string; enclosing: boolean };

/** A member path over shared state: `this.a.b`, `v2:cache[key]`. */
interface StatePath {
  readonly key: string;
  readonly property: boolean;
  readonly enclosing: boolean;
  /** Computed keys along the path, evaluated before the access. */
  readonly computed: readonly TSESTree.Expression[];
}

interface JumpTarget {
  readonly loop: boolean;
  readonly labels: readonly string[];
  readonly breaks: PathState[];
  readonly continues: PathState[];
}

const loopTypes = new Set(['WhileStatement', 'DoWhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement']);
/** Beyond this nesting an expression is one opaque step (no stack overflow on generated code). */
const maxDepth = 300;
/** Loops nested deeper than this run their body once, so the doubling stays bounded. */
const maxDoubledLoops = 3;

class AsyncFunctionFlow {
  private readonly references = new Map<TSESTree.Identifier | TSESTree.JSXIdentifier, Reference>();
  private readonly bindings = new Map<Variable, BindingKind>();
  private readonly variableKeys = new Map<Variable, string>();
  private readonly control: Flow[] = [];
  private readonly targets: JumpTarget[] = [];
  private readonly scope: Scope | null;
  private readonly thisIsReceiver: boolean;
  private readonly calledOnce: boolean;
  private depth = 0;
  private loopDepth = 0;

  constructor(
    private readonly file: AnalysisFile,
    private readonly fn: FunctionNode,
    private readonly options: AtomicUpdatesOptions,
    private readonly reported: Map<TSESTree.AssignmentExpression, AtomicUpdate>,
    private readonly silenced: Map<TSESTree.AssignmentExpression, AtomicUpdateSilenceReason>,
  ) {
    for (const reference of referenceIndexOf(file).within(fn.range[0], fn.range[1])) {
      if (isValueReference(reference)) this.references.set(reference.identifier, reference);
    }
    this.scope = file.scopeManager.acquire(fn);
    this.thisIsReceiver = thisIsReceiver(fn);
    this.calledOnce = fn.parent.type === 'CallExpression' && fn.parent.callee === fn;
  }

  run(): void {
    const state: PathState = {
      dead: false,
      live: new Set(),
      stale: new Set(),
      fresh: new Set(),
      taint: new Map(),
      overwritten: new Set(),
      paused: false,
      tested: new Set(),
      guarded: false,
    };
    for (const param of this.fn.params) this.expression(param, state);
    if (this.fn.body.type === 'BlockStatement') this.statements(this.fn.body.body, state);
    else this.expression(this.fn.body, state);
  }

  // ---- bindings -------------------------------------------------------------------------------

  private binding(identifier: TSESTree.Identifier): BindingKind | null {
    const reference = this.references.get(identifier);
    if (!reference) return null;
    const variable = reference.resolved;
    if (!variable) return { kind: 'shared', key: `global:${identifier.name}`, enclosing: false };
    let kind = this.bindings.get(variable);
    if (!kind) {
      kind = this.classify(variable);
      this.bindings.set(variable, kind);
    }
    return kind;
  }

  private classify(variable: Variable): BindingKind {
    for (let scope: Scope | null = variable.scope; scope; scope = scope.upper) {
      if (scope === this.scope) return { kind: 'local' };
    }
    let key = this.variableKeys.get(variable);
    if (!key) {
      key = `v${this.variableKeys.size}:${variable.name}`;
      this.variableKeys.set(variable, key);
    }
    const home = variable.scope.variableScope.type;
    return { kind: 'shared', key, enclosing: home !== 'module' && home !== 'global' };
  }

  /** The shared state a member expression names, or null when its root is local, a call or anything else. */
  private statePath(node: TSESTree.MemberExpression): StatePath | null {
    const segments: string[] = [];
    const computed: TSESTree.Expression[] = [];
    let current: TSESTree.Expression = node;
    while (current.type === 'MemberExpression') {
      const property = current.property;
      if (!current.computed) segments.push(property.type === 'PrivateIdentifier' ? `.#${property.name}` : `.${(property as TSESTree.Identifier).name}`);
      else if (property.type === 'Literal' && (typeof property.value === 'string' || typeof property.value === 'number')) segments.push(`.${String(property.value)}`);
      else {
        segments.push(`[${this.file.text.slice(property.range[0], property.range[1])}]`);
        computed.push(property as TSESTree.Expression);
      }
      current = skipTransparentWrappers(current.object);
    }
    let root: string;
    let enclosing = false;
    if (current.type === 'ThisExpression') {
      if (!this.thisIsReceiver) return null;
      root = 'this';
    } else if (current.type === 'Identifier') {
      const kind = this.binding(current);
      if (!kind || kind.kind === 'local') return null;
      root = kind.key;
      enclosing = kind.enclosing;
    } else return null;
    return { key: root + segments.reverse().join(''), property: true, enclosing, computed: computed.reverse() };
  }

  // ---- state steps ----------------------------------------------------------------------------

  private read(key: string, node: TSESTree.Node, state: PathState): Flow {
    const source: Source = { key, node };
    state.live.add(source);
    state.fresh.add(key);
    return new Set([source]);
  }

  private pause(state: PathState): void {
    for (const source of state.live) state.stale.add(source);
    state.live.clear();
    state.fresh.clear();
    state.paused = true;
  }

  /** A test's flow: reads of state in it before any pause may be a guard flag. */
  private test(node: TSESTree.Expression, state: PathState): Flow {
    const flow = this.expression(node, state);
    if (!state.paused) for (const source of flow) state.tested.add(source.key);
    return flow;
  }

  private write(node: TSESTree.AssignmentExpression, path: StatePath, value: Flow, guard: Flow, state: PathState): void {
    if (state.dead) return;
    const staleValue = [...value].find((s) => state.stale.has(s) && readsState(s.key, path.key));
    const staleCheck =
      staleValue || !this.options.includeCheckThenWrite
        ? undefined
      : [guard, ...this.control].flatMap((flow) => [...flow]).find((s) => state.stale.has(s) && readsState(s.key, path.key));
    const read = staleValue ?? staleCheck;
    if (read && !this.reported.has(node)) {
      const reason = this.silenceReason(path, read, state);
      if (reason) this.silenced.set(node, reason);
      else {
        this.silenced.delete(node);
        this.reported.set(node, {
          node,
          target: this.file.text.slice(node.left.range[0], node.left.range[1]),
          kind: staleValue ? 'stale-value' : 'stale-check',
          read: read.node,
        });
      }
    }
    for (const source of [...state.live, ...state.stale]) if (readsState(source.key, path.key)) state.overwritten.add(source);
    // A flag tested and set before the first pause: concurrent calls see it and stay out.
    if (!state.paused && state.tested.has(path.key)) state.guarded = true;
  }

  private silenceReason(path: StatePath, read: Source, state: PathState): AtomicUpdateSilenceReason | null {
    if ([...state.fresh].some((key) => readsState(key, path.key))) return 'read-again-after-await';
    if (state.overwritten.has(read)) return 'restores-saved-value';
    if (state.guarded) return 'guarded-by-flag';
    if (this.options.allowProperties && path.property) return 'properties-allowed';
    if (path.enclosing && this.calledOnce) return 'called-once';
    return null;
  }

  // ---- expressions ----------------------------------------------------------------------------

  private expressions(nodes: readonly (TSESTree.Node | null)[], state: PathState): Flow {
    let flow = noFlow;
    for (const node of nodes) if (node) flow = union(flow, this.expression(node, state));
    return flow;
  }

  private expression(node: TSESTree.Node, state: PathState): Flow {
    if (state.dead || this.depth > maxDepth) return noFlow;
    this.depth++;
    try {
      return this.expressionStep(node, state);
    } finally {
      this.depth--;
    }
  }

  private expressionStep(node: TSESTree.Node, state: PathState): Flow {
    switch (node.type) {
      case 'Identifier': {
        const kind = this.binding(node);
        if (!kind) return noFlow;
        const reference = this.references.get(node);
        if (!reference?.isRead()) return noFlow;
        return kind.kind === 'local' ? (reference.resolved && state.taint.get(reference.resolved)) ?? noFlow : this.read(kind.key, node, state);
      }
      case 'MemberExpression': {
        const path = this.statePath(node);
        if (!path) return this.expressions([node.object, node.computed ? node.property : null], state);
        const keys = this.expressions(path.computed, state);
        return union(keys, this.read(path.key, node, state));
      }
      case 'AwaitExpression': {
        const flow = this.expression(node.argument, state);
        this.pause(state);
        return flow;
      }
      case 'YieldExpression': {
        // A sent value is new; only what `yield` gives away was read before the pause.
        if (node.argument) this.expression(node.argument, state);
        this.pause(state);
        return noFlow;
      }
      case 'AssignmentExpression':
        return this.assignment(node, state);
      case 'UpdateExpression':
        // `x++` reads and writes in one step: nothing can come between.
        return this.expression(node.argument, state);
      case 'ConditionalExpression': {
        const tested = this.test(node.test, state);
        this.control.push(tested);
        const consequent = cloneState(state);
        const alternate = cloneState(state);
        // The test picks the value but is not part of it: a guard, not a source of the stored value.
        const flow = union(this.expression(node.consequent, consequent), this.expression(node.alternate, alternate));
        this.control.pop();
        assignState(state, joinStates([consequent, alternate]));
        return flow;
      }
      case 'LogicalExpression': {
        const left = this.test(node.left, state);
        this.control.push(left);
        const right = cloneState(state);
        const rightFlow = this.expression(node.right, right);
        this.control.pop();
        const joined = joinStates([state, right]);
        // The left value is the result only on the path that skips the right side, where nothing paused
        // after it (`x = x || (await load())` stores either the old `x`, unpaused, or the loaded value).
        const leftFlow = new Set<Source>();
        for (const source of left) {
          if (state.live.has(source) && joined.stale.has(source)) {
            const unpaused: Source = { key: source.key, node: source.node };
            joined.live.add(unpaused);
            leftFlow.add(unpaused);
          } else leftFlow.add(source);
        }
        assignState(state, joined);
        return union(leftFlow, rightFlow);
      }
      case 'BinaryExpression': {
        // Left-nested chains (`a + b + c + …`) are read iteratively: generated code nests thousands deep.
        const chain: TSESTree.Node[] = [];
        let current: TSESTree.Node = node;
        while (current.type === 'BinaryExpression') {
          chain.push(current.right);
          current = current.left;
        }
        let flow = this.expression(current, state);
        for (let i = chain.length - 1; i >= 0; i--) flow = union(flow, this.expression(chain[i] as TSESTree.Node, state));
        return flow;
      }
      case 'SequenceExpression': {
        let flow = noFlow;
        for (const expression of node.expressions) flow = this.expression(expression, state);
        return flow;
      }
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassExpression':
        // Judged on their own; creating one reads nothing now.
        return noFlow;
      default: {
        let flow = noFlow;
        forEachChild(node, this.file.visitorKeys, (child) => {
          flow = union(flow, this.expression(child, state));
        });
        return flow;
      }
    }
  }

  private assignment(node: TSESTree.AssignmentExpression, state: PathState): Flow {
    const left = skipTransparentWrappers(node.left);
    const logical = node.operator === '&&=' || node.operator === '||=' || node.operator === '??=';
    const compound = node.operator !== '=' && !logical;
    let path: StatePath | null = null;
    let local: Variable | null = null;
    let current = noFlow;
    if (left.type === 'Identifier') {
      const kind = this.binding(left);
      const reference = this.references.get(left);
      if (kind?.kind === 'shared') path = { key: kind.key, property: false, enclosing: kind.enclosing, computed: [] };
      else if (kind?.kind === 'local') local = reference?.resolved ?? null;
      if (node.operator !== '=') {
        if (path) current = this.read(path.key, left, state);
        else if (local) current = state.taint.get(local) ?? noFlow;
      }
    } else if (left.type === 'MemberExpression') {
      path = this.statePath(left);
      if (path) {
        this.expressions(path.computed, state);
        if (node.operator !== '=') current = this.read(path.key, left, state);
      } else this.expressions([left.object, left.computed ? left.property : null], state);
    } else {
      // A destructuring target: its defaults and computed keys run, its locals take the value's reads.
      const value = this.expression(node.right, state);
      this.taintPattern(node.left, value, state);
      return value;
    }
    let value: Flow;
    if (logical) {
      this.control.push(current);
      const assigned = cloneState(state);
      value = this.expression(node.right, assigned);
      if (path) this.write(node, path, value, current, assigned);
      this.control.pop();
      if (local) assigned.taint.set(local, union(current, value));
      assignState(state, joinStates([state, assigned]));
      return union(current, value);
    }
    value = this.expression(node.right, state);
    if (compound) value = union(current, value);
    if (path) this.write(node, path, value, noFlow, state);
    else if (local) state.taint.set(local, value);
    return value;
  }

  private taintPattern(pattern: TSESTree.Node, value: Flow, state: PathState): void {
    switch (pattern.type) {
      case 'Identifier': {
        const variable = this.references.get(pattern)?.resolved;
        if (variable && this.binding(pattern)?.kind === 'local') state.taint.set(variable, value);
        return;
      }
      case 'AssignmentPattern':
        this.taintPattern(pattern.left, union(value, this.expression(pattern.right, state)), state);
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) this.taintPattern(element, value, state);
        return;
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          if (property.type === 'RestElement') this.taintPattern(property.argument, value, state);
          else {
            if (property.computed) this.expression(property.key, state);
            this.taintPattern(property.value, value, state);
          }
        }
        return;
      case 'RestElement':
        this.taintPattern(pattern.argument, value, state);
        return;
      default:
        // A member target (`[this.a] = …`) stores a new value; nothing to follow.
        return;
    }
  }

  // ---- statements -----------------------------------------------------------------------------

  private statements(nodes: readonly TSESTree.Node[], state: PathState): void {
    for (const node of nodes) {
      if (state.dead) return;
      this.statement(node, state);
    }
  }

  private statement(node: TSESTree.Node, state: PathState, labels: readonly string[] = []): void {
    switch (node.type) {
      case 'BlockStatement':
      case 'StaticBlock':
        this.statements(node.body, state);
        return;
      case 'ExpressionStatement':
        this.expression(node.expression, state);
        return;
      case 'VariableDeclaration':
        for (const declarator of node.declarations) {
          const value = declarator.init ? this.expression(declarator.init, state) : noFlow;
          for (const variable of this.file.scopeManager.getDeclaredVariables(declarator)) state.taint.set(variable, value);
          if (declarator.id.type !== 'Identifier') this.taintPattern(declarator.id, value, state);
        }
        return;
      case 'ReturnStatement':
      case 'ThrowStatement':
        if (node.argument) this.expression(node.argument, state);
        state.dead = true;
        return;
      case 'IfStatement': {
        const tested = this.test(node.test, state);
        this.control.push(tested);
        const consequent = cloneState(state);
        this.statement(node.consequent, consequent);
        const alternate = cloneState(state);
        if (node.alternate) this.statement(node.alternate, alternate);
        this.control.pop();
        assignState(state, joinStates([consequent, alternate]));
        return;
      }
      case 'LabeledStatement': {
        const all = [...labels, node.label.name];
        if (loopTypes.has(node.body.type) || node.body.type === 'LabeledStatement') {
          this.statement(node.body, state, all);
          return;
        }
        const target: JumpTarget = { loop: false, labels: all, breaks: [], continues: [] };
        this.targets.push(target);
        this.statement(node.body, state);
        this.targets.pop();
        assignState(state, joinStates([state, ...target.breaks]));
        return;
      }
      case 'BreakStatement':
      case 'ContinueStatement': {
        const target = this.jumpTarget(node);
        if (target) (node.type === 'BreakStatement' ? target.breaks : target.continues).push(cloneState(state));
        state.dead = true;
        return;
      }
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
        this.loop(node, state, labels);
        return;
      case 'SwitchStatement':
        this.switchStatement(node, state, labels);
        return;
      case 'TryStatement':
        this.tryStatement(node, state);
        return;
      case 'WithStatement':
        this.expression(node.object, state);
        this.statement(node.body, state);
        return;
      default:
        // Declarations of functions, classes and types, empty and debugger statements read nothing now.
        return;
    }
  }

  private jumpTarget(node: TSESTree.BreakStatement | TSESTree.ContinueStatement): JumpTarget | undefined {
    for (let i = this.targets.length - 1; i >= 0; i--) {
      const target = this.targets[i] as JumpTarget;
      if (node.label ? target.labels.includes(node.label.name) : target.loop || node.type === 'BreakStatement') return target;
    }
    return undefined;
  }

  private loop(
    node: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement,
    state: PathState,
    labels: readonly string[],
  ): void {
    if (node.type === 'ForStatement' && node.init) {
      if (node.init.type === 'VariableDeclaration') this.statement(node.init, state);
      else this.expression(node.init, state);
    }
    let items = noFlow;
    if (node.type === 'ForInStatement' || node.type === 'ForOfStatement') items = this.expression(node.right, state);
    const target: JumpTarget = { loop: true, labels, breaks: [], continues: [] };
    this.targets.push(target);
    this.loopDepth++;
    const iteration = (entry: PathState): PathState => {
      const s = cloneState(entry);
      if (node.type === 'WhileStatement' || (node.type === 'ForStatement' && node.test)) this.expression(node.type === 'WhileStatement' ? node.test : (node.test as TSESTree.Expression), s);
      if (node.type === 'ForOfStatement' && node.await) this.pause(s);
      if (node.type === 'ForInStatement' || node.type === 'ForOfStatement') {
        if (node.left.type === 'VariableDeclaration') {
          for (const declarator of node.left.declarations) {
            for (const variable of this.file.scopeManager.getDeclaredVariables(declarator)) s.taint.set(variable, items);
          }
        } else this.taintPattern(node.left, items, s);
      }
      target.continues.length = 0;
      this.statement(node.body, s);
      const end = joinStates([s, ...target.continues]);
      if (node.type === 'DoWhileStatement') this.expression(node.test, end);
      if (node.type === 'ForStatement' && node.update) this.expression(node.update, end);
      return end;
    };
    const first = iteration(state);
    const rounds = [state, first];
    if (this.loopDepth <= maxDoubledLoops && !first.dead) rounds.push(iteration(first));
    this.loopDepth--;
    this.targets.pop();
    // A do-while body runs at least once, so the path that skips it does not exist.
    const exits = node.type === 'DoWhileStatement' ? rounds.slice(1) : rounds;
    assignState(state, joinStates([...exits, ...target.breaks]));
  }

  private switchStatement(node: TSESTree.SwitchStatement, state: PathState, labels: readonly string[]): void {
    const discriminant = this.test(node.discriminant, state);
    this.control.push(discriminant);
    const target: JumpTarget = { loop: false, labels, breaks: [], continues: [] };
    this.targets.push(target);
    let fallthrough: PathState | null = null;
    for (const clause of node.cases) {
      const entry: PathState = fallthrough && !fallthrough.dead ? joinStates([state, fallthrough]) : cloneState(state);
      if (clause.test) this.expression(clause.test, entry);
      this.statements(clause.consequent, entry);
      fallthrough = entry;
    }
    this.targets.pop();
    this.control.pop();
    const exits = [...target.breaks];
    if (fallthrough) exits.push(fallthrough);
    if (!node.cases.some((clause) => clause.test === null)) exits.push(state);
    assignState(state, joinStates(exits));
  }

  private tryStatement(node: TSESTree.TryStatement, state: PathState): void {
    const before = cloneState(state);
    this.statement(node.block, state);
    const afterTry = cloneState(state);
    let afterCatch: PathState | null = null;
    if (node.handler) {
      // The catch block starts from any point of the try block: here, its start or its end.
      afterCatch = joinStates([before, { ...cloneState(afterTry), dead: false }]);
      if (node.handler.param) this.taintPattern(node.handler.param, noFlow, afterCatch);
      this.statement(node.handler.body, afterCatch);
    }
    const completed = joinStates(afterCatch ? [afterTry, afterCatch] : [afterTry]);
    if (!node.finalizer) {
      assignState(state, completed);
      return;
    }
    // `finally` runs on every way out of the block, returning and throwing ones included.
    const revived = [afterTry, ...(afterCatch ? [afterCatch] : []), before].map((s) => ({ ...cloneState(s), dead: false }));
    const fin = joinStates(revived);
    this.statement(node.finalizer, fin);
    if (completed.dead) fin.dead = true;
    assignState(state, fin);
  }
}

/** Whether `this` in `fn` is a receiver another call can share: not an arrow that inherits module-level `this`. */
function thisIsReceiver(fn: FunctionNode): boolean {
  if (fn.type !== 'ArrowFunctionExpression') return true;
  for (let node: TSESTree.Node | undefined = fn.parent; node; node = node.parent) {
    if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') return true;
    if (node.type === 'PropertyDefinition' || node.type === 'StaticBlock' || node.type === 'AccessorProperty') return true;
    if (node.type === 'Program') return false;
  }
  return false;
}

const cache = new PerFile<Map<string, AtomicUpdatesResult>>();

/**
 * The writes of shared state, in async functions and async generators, whose value (or guarding test)
 * was read before a pause and not read again: lost updates when the function runs concurrently.
 * Sync generators are not judged: their caller decides when they resume, nothing runs in between
 * unless it does so itself. Cached per file and options.
 */
export function findAtomicUpdateRaces(file: AnalysisFile, options: AtomicUpdatesOptions = {}): AtomicUpdatesResult {
  const optionsKey = `${options.allowProperties === true}:${options.includeCheckThenWrite === true}`;
  let byOptions = cache.get(file);
  if (!byOptions) {
    byOptions = new Map();
    cache.set(file, byOptions);
  }
  const cached = byOptions.get(optionsKey);
  if (cached) return cached;
  const reported = new Map<TSESTree.AssignmentExpression, AtomicUpdate>();
  const silenced = new Map<TSESTree.AssignmentExpression, AtomicUpdateSilenceReason>();
  if (file.text.includes('await') || file.text.includes('yield')) {
    walk(file.ast, file.visitorKeys, (node) => {
      if (!isFunctionNode(node) || !node.async) return true;
      try {
        new AsyncFunctionFlow(file, node, options, reported, silenced).run();
      } catch (error) {
        // Statements nested beyond the call stack: the reports found so far stand, the rest is unknown.
        if (!(error instanceof RangeError)) throw error;
      }
      return true;
    });
  }
  const result: AtomicUpdatesResult = {
    updates: [...reported.values()].sort((a, b) => a.node.range[0] - b.node.range[0]),
    silenced: [...silenced].map(([node, reason]) => ({ node, reason })),
  };
  byOptions.set(optionsKey, result);
  return result;
}
