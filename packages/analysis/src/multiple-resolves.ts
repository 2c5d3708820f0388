/**
 * A `new Promise` executor that may call its `resolve`/`reject` more than once on one path, as
 * eslint-plugin-promise's `no-multiple-resolved` (and unicorn's `no-multiple-promise-resolver-calls`)
 * report it. The peers read ESLint's code path events, which oxlint does not have; this module
 * runs the same question as a small data-flow pass over the AST, one function at a time.
 *
 * Each function that calls the executor's resolvers — the executor itself and every function nested
 * in it (a callback settles on its own path: `readFile(p, (err, data) => { … })`) — is interpreted
 * statement by statement with a state "which resolver calls may already have run, and did one run
 * on every path". `return`, `throw`, `process.exit()` end a path; `if`, `?:`, `&&`/`||`/`??`, `switch`
 * and loops join paths (a loop body runs again with what its last iteration settled); `break` and
 * `continue` go to their targets; a `try` block's catch is entered with the state of every point
 * inside it that may throw (a call, `new`, a member read other than on `this`, `await`, `yield`,
 * `throw`), so `try { resolve(parse(s)) } catch (e) { reject(e) }` is fine (the throw comes before
 * the call) while `try { resolve(v); log(); } catch (e) { reject(e) }` is not; a `finally` runs on
 * the normal, returning and throwing paths, each kept apart. Nothing is a guess from a name: only
 * direct calls of the executor's first two parameters, when they are plain names never reassigned.
 *
 * Not modelled, so never reported: correlated conditions (`if (a) resolve(); if (!a) reject();`
 * is reported, as by both peers), resolvers passed on or aliased, and calls in a nested function
 * against calls outside it (separate paths, as the peers hold them).
 */
import type { TSESTree } from '@typescript-eslint/types';
import { endsProcess } from './exits';
import { promiseExecutorOf } from './executors';
import type { AnalysisFile } from './file';
import { findVariable, innermostScope } from './scope';
import { forEachChild, isFunctionNode, skipTransparentWrappers, walk } from './walk';

export interface MultipleResolve {
  /** The resolver call that may run after the promise is settled. */
  readonly node: TSESTree.CallExpression;
  /** `certain`: a resolver call ran on every path that reaches it; `potential`: on some. */
  readonly kind: 'certain' | 'potential';
  /** The earliest resolver call that may have settled the promise before it. */
  readonly settledBy: TSESTree.CallExpression;
}

/** What has run on the paths that reach a point; `null` where no path does. */
interface State {
  /** Resolver calls that may have run, in the order they were first seen. */
  readonly settled: readonly TSESTree.CallExpression[];
  /** A resolver call ran on every path. */
  readonly always: boolean;
}

type Flow = State | null;

const unsettled: State = { settled: [], always: false };

function join(a: Flow, b: Flow): Flow {
  if (a === null) return b;
  if (b === null) return a;
  if (a === b) return a;
  const settled = b.settled.every((call) => a.settled.includes(call)) ? a.settled : [...a.settled, ...b.settled.filter((call) => !a.settled.includes(call))];
  return { settled, always: a.always && b.always };
}

function joinAll(flows: readonly Flow[]): Flow {
  return flows.reduce<Flow>((acc, flow) => join(acc, flow), null);
}

function sameFlow(a: Flow, b: Flow): boolean {
  if (a === null || b === null) return a === b;
  return a.settled.length === b.settled.length && a.always === b.always;
}

/** A `break`/`continue` target: a loop, a `switch` or a labelled statement. */
interface JumpTarget {
  readonly kind: 'loop' | 'switch' | 'label';
  readonly labels: readonly string[];
  breaks: Flow[];
  continues: Flow[];
}

/** A `try` statement around the code being interpreted. */
interface TryFrame {
  /** In the `try` block of a statement with a `catch`: a throw goes there. */
  readonly catches: boolean;
  readonly hasFinally: boolean;
  caught: Flow[];
  finallyReturns: Flow[];
  finallyThrows: Flow[];
}

const wrapperTypes = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSInstantiationExpression']);
const loopTypes = new Set(['WhileStatement', 'DoWhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement']);
/** Beyond this nesting an expression is read as one opaque step (no stack overflow on generated code). */
const maxDepth = 400;
/** Loop bodies are re-run until their state stops growing; it grows at most once per resolver call. */
const maxLoopRounds = 8;

class FunctionFlow {
  readonly visits = new Map<TSESTree.CallExpression, Flow>();
  private readonly targets: JumpTarget[] = [];
  private readonly tries: TryFrame[] = [];
  private depth = 0;

  constructor(
    private readonly file: AnalysisFile,
    private readonly isResolverCall: (call: TSESTree.CallExpression) => boolean,
  ) {}

  run(fn: TSESTree.FunctionLike): void {
    // Parameter defaults run first, on the function's path.
    let flow: Flow = unsettled;
    for (const param of fn.params) flow = this.expression(param, flow);
    if (fn.body?.type === 'BlockStatement') this.statements(fn.body.body, flow);
    else if (fn.body) this.expression(fn.body, flow);
  }

  private throwPoint(flow: Flow): void {
    if (flow === null) return;
    for (let i = this.tries.length - 1; i >= 0; i--) {
      const frame = this.tries[i] as TryFrame;
      if (frame.catches) {
        frame.caught.push(flow);
        return;
      }
      if (frame.hasFinally) {
        frame.finallyThrows.push(flow);
        return;
      }
    }
  }

  private returnPoint(flow: Flow): void {
    if (flow === null) return;
    for (let i = this.tries.length - 1; i >= 0; i--) {
      const frame = this.tries[i] as TryFrame;
      if (frame.hasFinally) {
        frame.finallyReturns.push(flow);
        return;
      }
    }
  }

  private statements(statements: readonly TSESTree.Node[], flow: Flow): Flow {
    let current = flow;
    for (const statement of statements) {
      if (current === null) return null;
      current = this.statement(statement, current);
    }
    return current;
  }

  private statement(node: TSESTree.Node, flow: Flow, labels: readonly string[] = []): Flow {
    if (flow === null) return null;
    switch (node.type) {
      case 'BlockStatement':
      case 'StaticBlock':
        return this.statements(node.body, flow);
      case 'ExpressionStatement': {
        const after = this.expression(node.expression, flow);
        return endsProcess(this.file, node.expression) ? null : after;
      }
      case 'VariableDeclaration':
        return this.statements(node.declarations, flow);
      case 'VariableDeclarator':
        return this.expression(node.init ?? null, this.expression(node.id, flow));
      case 'ReturnStatement':
        this.returnPoint(this.expression(node.argument ?? null, flow));
        return null;
      case 'ThrowStatement':
        this.throwPoint(this.expression(node.argument, flow));
        return null;
      case 'IfStatement': {
        const tested = this.expression(node.test, flow);
        return join(this.statement(node.consequent, tested), node.alternate ? this.statement(node.alternate, tested) : tested);
      }
      case 'LabeledStatement': {
        const all = [...labels, node.label.name];
        if (loopTypes.has(node.body.type) || node.body.type === 'LabeledStatement') return this.statement(node.body, flow, all);
        const target: JumpTarget = { kind: 'label', labels: all, breaks: [], continues: [] };
        this.targets.push(target);
        const out = this.statement(node.body, flow);
        this.targets.pop();
        return joinAll([out, ...target.breaks]);
      }
      case 'BreakStatement':
      case 'ContinueStatement': {
        const target = this.jumpTarget(node);
        if (target) (node.type === 'BreakStatement' ? target.breaks : target.continues).push(flow);
        return null;
      }
      case 'WhileStatement':
      case 'ForStatement':
      case 'DoWhileStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
        return this.loop(node, flow, labels);
      case 'SwitchStatement':
        return this.switchStatement(node, flow, labels);
      case 'TryStatement':
        return this.tryStatement(node, flow);
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
      case 'EmptyStatement':
      case 'DebuggerStatement':
        return flow;
      default:
        // Declarations of types, imports and exports run nothing of the function's.
        return flow;
    }
  }

  private jumpTarget(node: TSESTree.BreakStatement | TSESTree.ContinueStatement): JumpTarget | null {
    const label = node.label?.name ?? null;
    for (let i = this.targets.length - 1; i >= 0; i--) {
      const target = this.targets[i] as JumpTarget;
      if (label !== null ? target.labels.includes(label) && (node.type === 'BreakStatement' || target.kind === 'loop') : target.kind === 'loop' || (node.type === 'BreakStatement' && target.kind === 'switch')) return target;
    }
    return null;
  }

  private loop(
    node: TSESTree.WhileStatement | TSESTree.ForStatement | TSESTree.DoWhileStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement,
    flow: Flow,
    labels: readonly string[],
  ): Flow {
    let entry = flow;
    if (node.type === 'ForStatement') entry = node.init ? (node.init.type === 'VariableDeclaration' ? this.statement(node.init, entry) : this.expression(node.init, entry)) : entry;
    if (node.type === 'ForInStatement' || node.type === 'ForOfStatement') {
      entry = this.expression(node.right, entry);
      // Taking the next element may throw (a user iterator).
      if (node.type === 'ForOfStatement') this.throwPoint(entry);
    }
    const test = node.type === 'WhileStatement' || node.type === 'ForStatement' || node.type === 'DoWhileStatement' ? node.test : null;
    const constant = test === null ? (node.type === 'ForStatement' ? true : null) : test.type === 'Literal' ? Boolean(test.value) : null;
    let head = entry;
    let exit: Flow = null;
    for (let round = 0; round < maxLoopRounds; round++) {
      const target: JumpTarget = { kind: 'loop', labels, breaks: [], continues: [] };
      this.targets.push(target);
      let bodyIn: Flow;
      let testFalse: Flow;
      if (node.type === 'DoWhileStatement') {
        const bodyOut = this.statement(node.body, head);
        const tested = this.expression(node.test, join(bodyOut, joinAll(target.continues)));
        this.targets.pop();
        testFalse = constant === true ? null : tested;
        const back = constant === false ? null : tested;
        exit = joinAll([testFalse, ...target.breaks]);
        const next = join(entry, back);
        if (sameFlow(next, head)) break;
        head = next;
        continue;
      }
      if (node.type === 'ForInStatement' || node.type === 'ForOfStatement') {
        bodyIn = this.expression(node.left, head);
        testFalse = head;
      } else {
        const tested = test ? this.expression(test, head) : head;
        bodyIn = constant === false ? null : tested;
        testFalse = constant === true ? null : tested;
      }
      let bodyOut = this.statement(node.body, bodyIn);
      bodyOut = join(bodyOut, joinAll(target.continues));
      if (node.type === 'ForStatement' && node.update) bodyOut = this.expression(node.update, bodyOut);
      this.targets.pop();
      exit = joinAll([testFalse, ...target.breaks]);
      const next = join(entry, bodyOut);
      if (sameFlow(next, head)) break;
      head = next;
    }
    return exit;
  }

  private switchStatement(node: TSESTree.SwitchStatement, flow: Flow, labels: readonly string[]): Flow {
    const discriminated = this.expression(node.discriminant, flow);
    const target: JumpTarget = { kind: 'switch', labels, breaks: [], continues: [] };
    this.targets.push(target);
    let fallthrough: Flow = null;
    let tested = discriminated;
    for (const switchCase of node.cases) {
      if (switchCase.test) tested = this.expression(switchCase.test, tested);
      fallthrough = this.statements(switchCase.consequent, join(tested, fallthrough));
    }
    this.targets.pop();
    const hasDefault = node.cases.some((c) => c.test === null);
    return joinAll([fallthrough, ...target.breaks, hasDefault ? null : tested]);
  }

  private tryStatement(node: TSESTree.TryStatement, flow: Flow): Flow {
    const hasFinally = node.finalizer !== null && node.finalizer !== undefined;
    const blockFrame: TryFrame = { catches: node.handler !== null && node.handler !== undefined, hasFinally, caught: [], finallyReturns: [], finallyThrows: [] };
    this.tries.push(blockFrame);
    const blockOut = this.statement(node.block, flow);
    this.tries.pop();
    let normal = blockOut;
    const returns = blockFrame.finallyReturns;
    const throws = blockFrame.finallyThrows;
    if (node.handler) {
      const caught = joinAll(blockFrame.caught);
      const handlerFrame: TryFrame = { catches: false, hasFinally, caught: [], finallyReturns: returns, finallyThrows: throws };
      this.tries.push(handlerFrame);
      const handlerIn = node.handler.param ? this.expression(node.handler.param, caught) : caught;
      normal = join(normal, this.statement(node.handler.body, handlerIn));
      this.tries.pop();
    }
    if (!node.finalizer) return normal;
    // The finally block runs on each kind of path; each goes on as it came.
    const returning = joinAll(returns);
    if (returning) this.returnPoint(this.statement(node.finalizer, returning));
    const throwing = joinAll(throws);
    if (throwing) this.throwPoint(this.statement(node.finalizer, throwing));
    return normal ? this.statement(node.finalizer, normal) : null;
  }

  /** The state after evaluating `node` (an expression, a pattern, or nothing). */
  private expression(node: TSESTree.Node | null, flow: Flow): Flow {
    if (node === null || flow === null) return flow;
    if (this.depth > maxDepth) return flow;
    this.depth++;
    try {
      return this.evaluate(node, flow);
    } finally {
      this.depth--;
    }
  }

  private evaluate(node: TSESTree.Node, flow: State): Flow {
    if (isFunctionNode(node) || node.type === 'ClassExpression') return flow;
    if (wrapperTypes.has(node.type)) return this.expression((node as TSESTree.TSAsExpression).expression, flow);
    if (node.type.startsWith('TS')) return flow;
    switch (node.type) {
      case 'LogicalExpression': {
        const left = this.expression(node.left, flow);
        return join(left, this.expression(node.right, left));
      }
      case 'AssignmentExpression':
        if (node.operator === '&&=' || node.operator === '||=' || node.operator === '??=') {
          const left = this.expression(node.left, flow);
          return join(left, this.expression(node.right, left));
        }
        return this.expression(node.right, this.expression(node.left, flow));
      case 'AssignmentPattern': {
        // A default runs only when the value is `undefined`.
        const left = this.expression(node.left, flow);
        return join(left, this.expression(node.right, left));
      }
      case 'ConditionalExpression': {
        const tested = this.expression(node.test, flow);
        return join(this.expression(node.consequent, tested), this.expression(node.alternate, tested));
      }
      case 'ChainExpression':
        // A `?.` may skip the rest of the chain.
        return join(flow, this.expression(node.expression, flow));
      case 'CallExpression': {
        let current = this.expression(node.callee, flow);
        for (const argument of node.arguments) current = this.expression(argument, current);
        if (current === null) return null;
        if (this.isResolverCall(node)) {
          this.visits.set(node, join(this.visits.get(node) ?? null, current));
          // A resolver never throws; from here on the promise is settled.
          return { settled: current.settled.includes(node) ? current.settled : [...current.settled, node], always: true };
        }
        this.throwPoint(current);
        return current;
      }
      case 'MemberExpression': {
        let current = this.expression(node.object, flow);
        if (node.computed) current = this.expression(node.property, current);
        if (skipTransparentWrappers(node.object).type !== 'ThisExpression') this.throwPoint(current);
        return current;
      }
      case 'NewExpression':
      case 'AwaitExpression':
      case 'YieldExpression':
      case 'ImportExpression':
      case 'TaggedTemplateExpression': {
        let current: Flow = flow;
        forEachChild(node, this.file.visitorKeys, (child) => {
          current = this.expression(child, current);
        });
        this.throwPoint(current);
        return current;
      }
      default: {
        let current: Flow = flow;
        forEachChild(node, this.file.visitorKeys, (child) => {
          current = this.expression(child, current);
        });
        return current;
      }
    }
  }
}

const cache = new WeakMap<TSESTree.NewExpression, readonly MultipleResolve[]>();

/**
 * Resolver calls of the executor of `node` (a `new Promise` on the global `Promise`) that may run
 * after another resolver call settled the promise on the same path; empty when there are none or
 * `node` is no such construction. Cached per node.
 */
export function findMultipleResolves(file: AnalysisFile, node: TSESTree.NewExpression): readonly MultipleResolve[] {
  const cached = cache.get(node);
  if (cached) return cached;
  const found = decide(file, node);
  cache.set(node, found);
  return found;
}

function decide(file: AnalysisFile, node: TSESTree.NewExpression): readonly MultipleResolve[] {
  if (node.arguments.length !== 1) return [];
  const executor = promiseExecutorOf(file, node);
  if (!executor || executor.generator) return [];
  const references = new Set<TSESTree.Identifier>();
  for (const param of executor.params.slice(0, 2)) {
    if (param.type !== 'Identifier') continue;
    const variable = findVariable(innermostScope(file.scopeManager, param), param.name);
    // A resolver reassigned (`resolve = once(resolve)`) may be anything.
    if (!variable || variable.references.some((r) => r.isWrite())) continue;
    for (const reference of variable.references) references.add(reference.identifier as TSESTree.Identifier);
  }
  if (references.size === 0) return [];
  const isResolverCall = (call: TSESTree.CallExpression) => {
    const callee = skipTransparentWrappers(call.callee);
    return callee.type === 'Identifier' && references.has(callee);
  };
  // The functions that call a resolver: the executor, and those nested in it, each its own path.
  const functions = new Set<TSESTree.FunctionLike>();
  for (const reference of references) {
    const call = reference.parent;
    if (call.type !== 'CallExpression' || skipTransparentWrappers(call.callee) !== reference) continue;
    let current: TSESTree.Node | undefined = call.parent;
    while (current && !isFunctionNode(current)) current = current.parent;
    if (current) functions.add(current);
  }
  const found: MultipleResolve[] = [];
  for (const fn of functions) {
    if (fn.body?.type === 'BlockStatement' && !hasTwoResolverCalls(file, fn, isResolverCall)) continue;
    const flow = new FunctionFlow(file, isResolverCall);
    flow.run(fn);
    for (const [call, state] of flow.visits) {
      const settledBy = state?.settled.slice().sort((a, b) => a.range[0] - b.range[0])[0];
      if (state && settledBy) found.push({ node: call, kind: state.always ? 'certain' : 'potential', settledBy });
    }
  }
  return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** Cheap gate: a function with one resolver call outside any loop settles once. */
function hasTwoResolverCalls(file: AnalysisFile, fn: TSESTree.FunctionLike, isResolverCall: (call: TSESTree.CallExpression) => boolean): boolean {
  let count = 0;
  let inLoop = false;
  walk(fn.body as TSESTree.Node, file.visitorKeys, (child) => {
    if (child !== fn.body && isFunctionNode(child)) return false;
    if (loopTypes.has(child.type)) inLoop = true;
    if (child.type === 'CallExpression' && isResolverCall(child)) count++;
    return count < 2;
  });
  return count >= 2 || (count === 1 && inLoop);
}
