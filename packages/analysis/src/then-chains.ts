/**
 * `.then/.catch/.finally` chains a function returns, and the plan that writes the function with
 * `async`/`await` instead: the rule `prefer-await-to-then` reports them, the codemod `then-to-await`
 * applies the plans.
 *
 * ```js
 * function load(url) {
 *   return fetch(url)
 *     .then((response) => response.json())
 *     .catch(() => null);
 * }
 * // becomes
 * async function load(url) {
 *   try {
 *     const response = await fetch(url);
 *     return await response.json();
 *   } catch {
 *     return null;
 *   }
 * }
 * ```
 *
 * A chain is converted only where its receiver is shown to be a built-in promise (`TypeOracle`:
 * the checker with types, the syntax and the declaration index without; never a member name), where
 * it is the function's last statement (or an arrow's body), and where its shape is
 * `then(f)* catch(g)? finally(h)?` with handlers that can be inlined: functions written in place, or
 * names of bindings nothing reassigns. Every shape whose result could differ is refused with a named
 * reason (see {@link thenChainRefusalReasons}). Every plan is `review`: `await` takes other ticks
 * than the chain, and a synchronous throw before the chain becomes a rejection.
 */
import type { Scope, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { ownBodyFacts } from './async-functions';
import { commentsWithin } from './comments';
import { promiseExecutorOf } from './executors';
import { type Plan, type RefusalReason, refusedPlan, type TextEdit, thenChainReasons } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { indentUnitOf, lineEndingOf, lineIndent } from './layout';
import { staticPropertyName } from './modules';
import { previousCodeOffset } from './trivia';
import { type FunctionNode, isFunctionNode, usesThis, walk } from './walk';

/** The refusal reasons this planner gives, each with a valid case and a line in the docs. */
export const thenChainRefusalReasons = [
  ...thenChainReasons,
  'return-type-not-rewritable',
  'would-lose-code',
] as const satisfies readonly RefusalReason[];

type ChainMethod = 'then' | 'catch' | 'finally';

interface ChainStep {
  readonly method: ChainMethod;
  readonly call: TSESTree.CallExpression;
  readonly property: TSESTree.Identifier;
}

export interface ThenChain {
  /** The outermost call of the chain (its last `.then/.catch/.finally`). */
  readonly node: TSESTree.CallExpression;
  /** The first `.then/.catch/.finally` name of the chain: where both faces report it. */
  readonly reportNode: TSESTree.Identifier;
  /** The function whose result the chain is; `null` for a chain reported in `strict` mode outside a return. */
  readonly fn: FunctionNode;
  /** `then().catch()`, for messages. */
  readonly methods: string;
  /** The rewrite (`review`), or why there is none. */
  readonly plan: Plan;
}

export interface ThenChainOptions {
  /**
   * Also report chains on a known promise that are not a function's result (awaited, yielded,
   * passed on, in a constructor): eslint-plugin-promise's option name; the planner refuses them
   * (`chain-not-returned`).
   */
  readonly strict?: boolean;
}

const cache = new WeakMap<AnalysisFile, Map<string, readonly ThenChain[]>>();

/**
 * Every chain a function returns (and, with `strict`, every other chain on a known promise inside a
 * function), each with its plan. Skipped entirely when the file has no `.then`, `.catch` or
 * `.finally`. Cached per file and options.
 */
export function findThenChains(file: AnalysisFile, options: ThenChainOptions = {}): readonly ThenChain[] {
  const key = options.strict ? 'strict' : 'default';
  let byOptions = cache.get(file);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  if (!byOptions) cache.set(file, (byOptions = new Map<string, readonly ThenChain[]>()));
  const chains: ThenChain[] = [];
  if (!/\.\s*(?:then|catch|finally)\b/.test(file.text)) {
    byOptions.set(key, chains);
    return chains;
  }
  const returnedOuter = new Set<TSESTree.CallExpression>();
  walk(file.ast, file.visitorKeys, (node) => {
    if (!isFunctionNode(node)) return;
    for (const returned of ownBodyFacts(file, node).returned) {
      const steps = chainSteps(returned);
      if (!steps) continue;
      const call = returned as TSESTree.CallExpression;
      returnedOuter.add(call);
      chains.push(chainOf(node, call, steps, planThenChain(file, node, call, steps)));
    }
  });
  if (options.strict) {
    walk(file.ast, file.visitorKeys, (node) => {
      if (node.type !== 'CallExpression' || returnedOuter.has(node) || isInnerChainCall(node)) return;
      const steps = chainSteps(node);
      const fn = enclosingFunction(node);
      if (!steps || !fn) return;
      const receiver = (steps[0] as ChainStep).call.callee as TSESTree.MemberExpression;
      if (file.oracle.promiseKind(receiver.object) !== 'promise') return;
      const plan = refusedPlan({
        reason: 'chain-not-returned',
        message: 'Only a chain a function returns as its last statement is rewritten; this one is awaited, yielded or passed on.',
      });
      chains.push(chainOf(fn, node, steps, plan));
    });
  }
  chains.sort((a, b) => a.reportNode.range[0] - b.reportNode.range[0]);
  byOptions.set(key, chains);
  return chains;
}

function chainOf(fn: FunctionNode, node: TSESTree.CallExpression, steps: readonly ChainStep[], plan: Plan): ThenChain {
  return {
    node,
    reportNode: (steps[0] as ChainStep).property,
    fn,
    methods: steps.map((s) => `${s.method}()`).join('.'),
    plan,
  };
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return null;
}

/** Whether `call` is the receiver of a further `.then/.catch/.finally` (so not the chain's outermost call). */
function isInnerChainCall(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  return parent.type === 'MemberExpression' && parent.object === call && chainMethodOf(parent) !== null && parent.parent.type === 'CallExpression' && parent.parent.callee === parent;
}

function chainMethodOf(member: TSESTree.MemberExpression): ChainMethod | null {
  if (member.computed || member.optional || member.property.type !== 'Identifier' || member.object.type === 'Super') return null;
  const name = staticPropertyName(member);
  return name === 'then' || name === 'catch' || name === 'finally' ? name : null;
}

/** The steps of a chain in source order (`p.then(a).catch(b)`: then, catch), or `null` when `node` is not one. */
function chainSteps(node: TSESTree.Node): ChainStep[] | null {
  const steps: ChainStep[] = [];
  let current: TSESTree.Node = node;
  while (current.type === 'CallExpression' && !current.optional && current.callee.type === 'MemberExpression') {
    const method = chainMethodOf(current.callee);
    if (method === null) break;
    steps.push({ method, call: current, property: current.callee.property as TSESTree.Identifier });
    current = current.callee.object;
  }
  return steps.length > 0 ? steps.reverse() : null;
}

// ---------------------------------------------------------------------------------------------
// The planner

const refuse = (reason: RefusalReason, message: string): Plan => refusedPlan({ reason, message });

/** A handler as the rewrite uses it: a function written in place, or the name of one. */
type Handler =
  | { readonly kind: 'inline'; readonly fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression; readonly scope: Scope }
  | { readonly kind: 'name'; readonly node: TSESTree.Identifier; readonly zeroParameters: boolean };

interface PlannedStep {
  readonly step: ChainStep;
  readonly handler: Handler;
}

/**
 * The `async`/`await` rewrite of `call`, the chain `fn` returns, or the reason there is none.
 * `review` when it exists: the awaits take other ticks than the chain's callbacks, and a synchronous
 * throw of the function's code becomes a rejection.
 */
function planThenChain(file: AnalysisFile, fn: FunctionNode, call: TSESTree.CallExpression, steps: readonly ChainStep[]): Plan {
  const receiver = ((steps[0] as ChainStep).call.callee as TSESTree.MemberExpression).object;
  const kind = file.oracle.promiseKind(receiver);
  if (kind !== 'promise') {
    return refuse(
      'receiver-not-known-promise',
      kind === 'thenable'
        ? 'The chain starts on a thenable that is not a built-in promise, whose `.then` may not behave as `await` does.'
        : 'Nothing shows the chain starts on a promise (a method named `then` proves nothing); with type information, or a declared `Promise` type, it can be rewritten.',
    );
  }
  const functionProblem = functionRefusal(file, fn, call);
  if (functionProblem) return functionProblem;
  if (!isTail(fn, call)) {
    return refuse('chain-not-in-tail', 'Only a chain returned by the function\'s last statement (or an arrow\'s body) is rewritten; this return is not the last.');
  }

  // then(f)* catch(g)? finally(h)?
  const planned: PlannedStep[] = [];
  let phase = 0;
  for (const step of steps) {
    const order = step.method === 'then' ? 0 : step.method === 'catch' ? 1 : 2;
    if (order < phase || (order > 0 && order === phase)) {
      return refuse('chain-shape-not-supported', `A chain of the shape ${steps.map((s) => `${s.method}()`).join('.')} is not rewritten: only \`then()\`s followed by at most one \`catch()\` and one \`finally()\`.`);
    }
    phase = order;
    const args = step.call.arguments;
    if (step.method === 'then' && args.length === 2) {
      return refuse('then-two-arguments', 'A two-argument `then(onFulfilled, onRejected)` does not catch its own success handler\'s errors, which a `try/catch` would; rewrite it by hand.');
    }
    const handler = handlerOf(file, step, args);
    if ('reason' in handler) return refuse(handler.reason, handler.message);
    planned.push({ step, handler });
  }
  const clash = nameClash(file, fn, planned);
  if (clash) return refuse('name-clash', clash);
  return writePlan(file, fn, receiver, planned);
}

function functionRefusal(file: AnalysisFile, fn: FunctionNode, call: TSESTree.CallExpression): Plan | null {
  if (fn.generator) return refuse('generator-function', 'A generator cannot become an async function without changing what it returns.');
  const parent = fn.parent;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property') && parent.value === fn) {
    if (parent.kind === 'get' || parent.kind === 'set') return refuse('getter-or-setter', 'A getter or setter cannot be async.');
    if (parent.kind === 'constructor') return refuse('constructor', 'A constructor cannot be async.');
  }
  if (fn.parent?.type === 'NewExpression' && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') && promiseExecutorOf(file, fn.parent) === fn) {
    return refuse('promise-executor', 'A `new Promise` executor must not be async: a throw inside it would no longer reject the promise, which would never settle.');
  }
  if (fn.returnType && !isPromiseTypeAnnotation(fn.returnType.typeAnnotation)) {
    return refuse('return-type-not-rewritable', 'An async function must be declared to return `Promise<T>`; this one declares another return type.');
  }
  for (const returned of ownBodyFacts(file, fn).returned) {
    if (returned === call) continue;
    if (file.oracle.isPromiseLike(returned) !== 'yes') {
      return refuse('function-returns-non-promise', 'The function also returns a value that is not shown to be a promise, which an async function would wrap in one.');
    }
  }
  if (fn.body.type === 'BlockStatement' && hasBareReturn(file, fn)) {
    return refuse('function-returns-non-promise', 'The function also returns `undefined`, which an async function would wrap in a promise.');
  }
  return null;
}

function isPromiseTypeAnnotation(type: TSESTree.TypeNode): boolean {
  return type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'Promise';
}

function hasBareReturn(file: AnalysisFile, fn: FunctionNode): boolean {
  let found = false;
  walk(fn.body, file.visitorKeys, (node) => {
    if (found || (node !== fn.body && isFunctionNode(node))) return false;
    if (node.type === 'ReturnStatement' && node.argument === null) found = true;
    return !found;
  });
  return found;
}

/** Whether the chain is the arrow's body, or the argument of the `return` that ends the function's body. */
function isTail(fn: FunctionNode, call: TSESTree.CallExpression): boolean {
  if (fn.body === call) return true;
  if (fn.body.type !== 'BlockStatement') return false;
  const last = fn.body.body[fn.body.body.length - 1];
  return last?.type === 'ReturnStatement' && last.argument === call;
}

type HandlerProblem = { readonly reason: RefusalReason; readonly message: string };

function handlerOf(file: AnalysisFile, step: ChainStep, args: readonly TSESTree.CallExpressionArgument[]): Handler | HandlerProblem {
  const notInlinable = (why: string): HandlerProblem => ({ reason: 'handler-not-inlinable', message: `The \`${step.method}()\` handler ${why}, so it cannot be written in place.` });
  if (args.length !== 1) return notInlinable(args.length === 0 ? 'is missing' : 'takes more than one argument');
  const argument = args[0] as TSESTree.CallExpressionArgument;
  if (argument.type === 'Identifier') return namedHandler(file, argument, notInlinable);
  if (argument.type !== 'ArrowFunctionExpression' && argument.type !== 'FunctionExpression') {
    return notInlinable(argument.type === 'MemberExpression' ? 'is a method, which `.then` calls without its object' : 'is not a function written in place or a name');
  }
  if (argument.generator) return notInlinable('is a generator');
  if (argument.returnType || argument.typeParameters) return notInlinable('declares its own types');
  const maxParams = step.method === 'finally' ? 0 : 1;
  if (argument.params.length > maxParams) return notInlinable(step.method === 'finally' ? 'takes parameters, which `finally` never passes' : 'takes more than the one value it is given');
  const param = argument.params[0];
  if (param && param.type !== 'Identifier' && param.type !== 'ObjectPattern' && param.type !== 'ArrayPattern') return notInlinable('has a default or rest parameter');
  if (param && step.method === 'catch' && param.type === 'Identifier' && param.typeAnnotation && !isAnyOrUnknown(param.typeAnnotation.typeAnnotation)) {
    return notInlinable('declares a type for the error, which a `catch` clause cannot');
  }
  if (argument.type === 'FunctionExpression') {
    if (usesThis(argument.body, file.visitorKeys) || usesNewTarget(file, argument)) {
      return { reason: 'handler-uses-this', message: `The \`${step.method}()\` handler is a \`function\` that reads its own \`this\`, which would become the enclosing function's.` };
    }
    if (usesArguments(file, argument)) {
      return { reason: 'handler-uses-arguments', message: `The \`${step.method}()\` handler reads its own \`arguments\`, which would become the enclosing function's.` };
    }
    if (argument.id && file.scopeManager.getDeclaredVariables(argument).some((v) => v.references.length > 0)) {
      return notInlinable('refers to its own name');
    }
  }
  const scope = file.scopeManager.acquire(argument, true);
  if (!scope) return notInlinable('has no scope');
  if (argument.body.type === 'BlockStatement') {
    for (const statement of argument.body.body) {
      // Function and class declarations are hoisted differently in a block; keep them where they are.
      if (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') return notInlinable('declares a function or class');
    }
  }
  return { kind: 'inline', fn: argument, scope };
}

function isAnyOrUnknown(type: TSESTree.TypeNode): boolean {
  return type.type === 'TSAnyKeyword' || type.type === 'TSUnknownKeyword';
}

/**
 * A name is called later than `.then` reads it, so it must not be reassigned: a `const`, an import,
 * a function or class declaration, a parameter or `let` nothing writes, or a global nothing assigns.
 */
function namedHandler(file: AnalysisFile, node: TSESTree.Identifier, notInlinable: (why: string) => HandlerProblem): Handler | HandlerProblem {
  const scope = file.scopeManager.acquire(node, true) ?? innermostScopeOf(file, node);
  const reference = scope?.references.find((r) => r.identifier === node) ?? findReference(file, node);
  const variable = reference?.resolved ?? null;
  if (node.name === 'undefined') return notInlinable('is `undefined`');
  if (variable) {
    const writes = variable.references.filter((r) => r.isWrite() && !isInitialisation(r.writeExpr, variable));
    if (writes.length > 0) return notInlinable(`is \`${node.name}\`, which is reassigned`);
    return { kind: 'name', node, zeroParameters: declaresNoParameters(file, variable) };
  }
  // An unresolved global: only when this file never assigns it.
  const assigned = file.scopeManager.globalScope?.through.some((r) => r.identifier.name === node.name && r.isWrite()) ?? false;
  if (assigned) return notInlinable(`is \`${node.name}\`, which is reassigned`);
  return { kind: 'name', node, zeroParameters: false };
}

function innermostScopeOf(file: AnalysisFile, node: TSESTree.Node): Scope | null {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const scope = file.scopeManager.acquire(current, true);
    if (scope) return scope;
  }
  return file.scopeManager.globalScope;
}

function findReference(file: AnalysisFile, node: TSESTree.Identifier) {
  for (let scope = innermostScopeOf(file, node); scope; scope = scope.upper) {
    const found = scope.references.find((r) => r.identifier === node);
    if (found) return found;
  }
  return undefined;
}

function isInitialisation(write: TSESTree.Node | null | undefined, variable: Variable): boolean {
  if (!write) return true;
  return variable.defs.some((def) => def.type === 'Variable' && def.node.init === write);
}

/** A function declaration or `const f = () => …` that declares no parameters and never reads `arguments`. */
function declaresNoParameters(file: AnalysisFile, variable: Variable): boolean {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || !def) return false;
  let fn: TSESTree.Node | null = null;
  if (def.type === 'FunctionName') fn = def.node;
  else if (def.type === 'Variable' && def.parent?.kind === 'const' && def.node.init && isFunctionNode(def.node.init)) fn = def.node.init;
  if (!fn || !isFunctionNode(fn)) return false;
  return fn.params.length === 0 && (fn.type === 'ArrowFunctionExpression' || !usesArguments(file, fn));
}

function usesArguments(file: AnalysisFile, fn: TSESTree.FunctionExpression | TSESTree.FunctionDeclaration): boolean {
  const scope = file.scopeManager.acquire(fn, true);
  const variable = scope?.set.get('arguments');
  return (variable?.references.length ?? 0) > 0;
}

function usesNewTarget(file: AnalysisFile, fn: TSESTree.FunctionExpression): boolean {
  let found = false;
  walk(fn.body, file.visitorKeys, (node) => {
    if (found || (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration')) return false;
    if (node.type === 'MetaProperty' && node.meta.name === 'new') found = true;
    return !found;
  });
  return found;
}

/** Scopes of types only (a function type's parameters): they bind nothing at run time. */
const typeScopeTypes = new Set<string>(['functionType', 'mappedType', 'conditionalType', 'type']);

/** All value scopes inside `node`'s range. */
function scopesWithin(file: AnalysisFile, node: TSESTree.Node): Scope[] {
  const [start, end] = node.range;
  return file.scopeManager.scopes.filter((s) => s.block.range[0] >= start && s.block.range[1] <= end && !typeScopeTypes.has(s.type));
}

function within(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * The names an inlined handler brings into the function (its parameters and the declarations of its
 * body) must mean nothing else there: no other declaration of the name in the function, and no
 * reference to the name outside the handler (which would now see the handler's binding, or meet it
 * in its temporal dead zone). Returns the sentence that says which name clashes, or `null`.
 */
function nameClash(file: AnalysisFile, fn: FunctionNode, planned: readonly PlannedStep[]): string | null {
  const scopes = scopesWithin(file, fn);
  for (const { handler, step } of planned) {
    if (handler.kind !== 'inline') continue;
    const own = handler.fn;
    for (const variable of handler.scope.variables) {
      const name = variable.name;
      if (name === 'arguments') continue;
      for (const scope of scopes) {
        if (within(scope.block, own)) continue;
        if (scope.set.has(name)) return `The \`${step.method}()\` handler's \`${name}\` would meet another \`${name}\` of the function once written in place.`;
        if (scope.references.some((r) => r.identifier.name === name && !within(r.identifier, own))) {
          return `The \`${step.method}()\` handler's \`${name}\` would capture a use of \`${name}\` elsewhere in the function once written in place.`;
        }
      }
    }
  }
  return null;
}

/** A name no scope of `fn` or around it declares and nothing inside `fn` refers to. */
function freshName(file: AnalysisFile, fn: FunctionNode, base: string, taken: ReadonlySet<string>): string {
  const scopes = scopesWithin(file, fn);
  const outer = innermostScopeOf(file, fn);
  const isFree = (name: string) => {
    if (taken.has(name)) return false;
    for (let scope = outer; scope; scope = scope.upper) if (scope.set.has(name)) return false;
    if (file.scopeManager.globalScope?.through.some((r) => r.identifier.name === name)) return false;
    return !scopes.some((s) => s.set.has(name) || s.references.some((r) => r.identifier.name === name));
  };
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    if (isFree(name)) return name;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing the rewrite

/** Expressions that need no parentheses after `await` (or as a call's callee position). */
const tightExpressions = new Set<string>([
  'Identifier',
  'MemberExpression',
  'CallExpression',
  'NewExpression',
  'Literal',
  'ThisExpression',
  'ArrayExpression',
  'ObjectExpression',
  'TemplateLiteral',
  'TaggedTemplateExpression',
  'AwaitExpression',
  'Super',
  'MetaProperty',
  'TSNonNullExpression',
]);

interface Writer {
  readonly file: AnalysisFile;
  readonly eol: string;
  readonly unit: string;
  /** Ranges whose text is copied: comments inside them need no moving. */
  readonly copied: [number, number][];
  readonly added: Set<string>;
  readonly removed: Set<string>;
}

function writePlan(
  file: AnalysisFile,
  fn: FunctionNode,
  receiver: TSESTree.Expression,
  planned: readonly PlannedStep[],
): Plan {
  const writer: Writer = {
    file,
    eol: lineEndingOf(file),
    unit: indentUnitOf(file),
    copied: [],
    added: new Set(['async', 'await', 'const', 'let', 'try', 'catch', 'finally', 'return', 'undefined']),
    removed: new Set(['then', 'catch', 'finally', 'return', 'function', 'async', 'await']),
  };
  for (const { handler } of planned) if (handler.kind === 'inline' && handler.fn.id) writer.removed.add(handler.fn.id.name);
  const thens = planned.filter((p) => p.step.method === 'then');
  const catchStep = planned.find((p) => p.step.method === 'catch');
  const finallyStep = planned.find((p) => p.step.method === 'finally');
  const inTry = catchStep !== undefined || finallyStep !== undefined;
  const tailStatement = fn.body.type === 'BlockStatement' ? (fn.body.body[fn.body.body.length - 1] as TSESTree.ReturnStatement) : null;
  const baseIndent = tailStatement ? lineIndent(file.text, tailStatement.range[0]) : lineIndent(file.text, fn.body.range[0]) + writer.unit;
  const innerIndent = inTry ? baseIndent + writer.unit : baseIndent;

  // The value chain: statements, and the expression that holds the current value.
  const lines: string[] = [];
  writer.copied.push([receiver.range[0], receiver.range[1]]);
  let value = `await ${wrapped(file, receiver)}`;
  for (const [index, { handler }] of thens.entries()) {
    const last = index === thens.length - 1;
    if (handler.kind === 'name') {
      writer.copied.push([handler.node.range[0], handler.node.range[1]]);
      const called = `${handler.node.name}(${handler.zeroParameters ? '' : value})`;
      if (handler.zeroParameters && value !== 'undefined') lines.push(`${value};`);
      value = last && !inTry ? called : `await ${called}`;
      continue;
    }
    const inline = handler.fn;
    const param = inline.params[0];
    if (param) {
      writer.copied.push([param.range[0], param.range[1]]);
      lines.push(`${declarationKind(file, handler)} ${file.text.slice(param.range[0], param.range[1])} = ${value};`);
    } else if (value !== 'undefined') {
      lines.push(`${value};`);
    }
    const body = inline.body;
    if (body.type !== 'BlockStatement') {
      writer.copied.push([body.range[0], body.range[1]]);
      value = !last || inTry ? awaited(file, body) : file.text.slice(body.range[0], body.range[1]);
      continue;
    }
    const ownReturns = returnsOf(file, inline);
    if (!last) {
      // A handler in the middle passes its value on: only a last `return x;` may give it.
      const finalStatement = body.body[body.body.length - 1];
      const next = thens[index + 1];
      const nextTakesValue = next !== undefined && (next.handler.kind === 'name' ? !next.handler.zeroParameters : next.handler.fn.params.length > 0);
      const givesValue = finalStatement?.type === 'ReturnStatement' && finalStatement.argument !== null;
      if (ownReturns.some((r) => r !== finalStatement) || (!givesValue && nextTakesValue) || (finalStatement?.type === 'ReturnStatement' && !givesValue)) {
        return refuse('return-in-non-final-handler', `A \`then()\` handler before the last returns from inside a block or passes nothing on; written in place, its \`return\` would end the whole function.`);
      }
      const statements = givesValue ? body.body.slice(0, -1) : body.body;
      const text = copyStatements(writer, body, statements, innerIndent);
      if (text) lines.push(text);
      const returned = finalStatement?.type === 'ReturnStatement' ? finalStatement.argument : null;
      if (returned && finalStatement?.type === 'ReturnStatement') {
        lines.push(...leadingComments(writer, finalStatement, returned));
        writer.copied.push([returned.range[0], returned.range[1]]);
        value = awaited(file, returned);
      } else {
        value = 'undefined';
      }
      continue;
    }
    // The last then: its body ends the function; inside a try, its returns await their value.
    const text = copyStatements(writer, body, body.body, innerIndent, inTry ? ownReturns : []);
    if (text) lines.push(text);
    value = '';
  }
  if (value !== '') lines.push(`return ${value};`);

  let statements: string;
  if (inTry) {
    statements = `try {${writer.eol}${indentLines(writer, lines, innerIndent)}${writer.eol}${baseIndent}}`;
    if (catchStep) {
      const clause = catchClause(writer, fn, catchStep.handler, finallyStep !== undefined, innerIndent);
      if ('reason' in clause) return refuse(clause.reason, clause.message);
      statements += ` ${clause.text}`;
    }
    if (finallyStep) {
      const clause = finallyClause(writer, finallyStep.handler, innerIndent);
      if ('reason' in clause) return refuse(clause.reason, clause.message);
      statements += ` finally {${writer.eol}${innerIndent}${clause.text}${writer.eol}${baseIndent}}`;
    }
  } else {
    statements = indentLines(writer, lines, baseIndent).slice(baseIndent.length);
  }

  // Comments of the replaced text outside every copied part go before the new statements.
  const replaced: [number, number] = tailStatement ? [tailStatement.range[0], tailStatement.range[1]] : bodyRange(file, fn);
  const moved = commentsWithin(file.comments, replaced[0], replaced[1]).filter(
    (c) => !writer.copied.some(([start, end]) => c.range[0] >= start && c.range[1] <= end),
  );
  const movedText = moved.map((c) => `${file.text.slice(c.range[0], c.range[1])}${writer.eol}${baseIndent}`).join('');
  const edits: TextEdit[] = [];
  if (tailStatement) {
    edits.push({ range: replaced, text: `${movedText}${statements}` });
  } else {
    const outer = lineIndent(file.text, fn.body.range[0]);
    edits.push({ range: replaced, text: `{${writer.eol}${baseIndent}${movedText}${statements}${writer.eol}${outer}}` });
  }
  if (!fn.async) edits.push({ range: [asyncOffset(file, fn), asyncOffset(file, fn)], text: 'async ' });
  return checkedPlan(file, 'review', edits, {
    owned: [tailStatement ?? fn],
    vocabulary: { added: [...writer.added], removed: [...writer.removed] },
  });
}

/** `const`, or `let` when the handler writes its parameter. */
function declarationKind(file: AnalysisFile, handler: Extract<Handler, { kind: 'inline' }>): 'const' | 'let' {
  const param = handler.fn.params[0];
  if (!param) return 'const';
  const variables = file.scopeManager.getDeclaredVariables(handler.fn).filter((v) => v.defs.some((d) => d.type === 'Parameter'));
  return variables.some((v) => v.references.some((r) => r.isWrite())) ? 'let' : 'const';
}

/** `await x`, or `x` alone when it is shown not to be a promise (awaiting it would only take a tick). */
function awaited(file: AnalysisFile, node: TSESTree.Expression): string {
  return file.oracle.isPromiseLike(node) === 'no' ? wrapped(file, node) : `await ${wrapped(file, node)}`;
}

function wrapped(file: AnalysisFile, node: TSESTree.Node): string {
  const text = file.text.slice(node.range[0], node.range[1]);
  return tightExpressions.has(node.type) ? text : `(${text})`;
}

function returnsOf(file: AnalysisFile, fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): TSESTree.ReturnStatement[] {
  const found: TSESTree.ReturnStatement[] = [];
  walk(fn.body, file.visitorKeys, (node) => {
    if (node !== fn.body && isFunctionNode(node)) return false;
    if (node.type === 'ReturnStatement') found.push(node);
    return true;
  });
  return found;
}

/** Comments between `return` and its value, which the rewrite drops the keyword of: kept as lines. */
function leadingComments(writer: Writer, statement: TSESTree.ReturnStatement, returned: TSESTree.Expression): string[] {
  return commentsWithin(writer.file.comments, statement.range[0], returned.range[0]).map((c) => {
    writer.copied.push([c.range[0], c.range[1]]);
    return writer.file.text.slice(c.range[0], c.range[1]);
  });
}

/**
 * The text of `statements` of a handler's block (with the comments around them inside the block),
 * re-indented to `indent`, with `await` added to the value of each of `awaitReturns`.
 */
function copyStatements(
  writer: Writer,
  block: TSESTree.BlockStatement,
  statements: readonly TSESTree.Statement[],
  indent: string,
  awaitReturns: readonly TSESTree.ReturnStatement[] = [],
): string {
  const { file } = writer;
  const all = block.body;
  const start = block.range[0] + 1;
  // Up to the block's end, or to the dropped `return` (its comments go with it).
  const dropped = statements.length < all.length ? (all[statements.length] as TSESTree.Statement) : null;
  const end = dropped ? dropped.range[0] : block.range[1] - 1;
  let from = start;
  let to = end;
  while (from < to && /\s/.test(file.text.charAt(from))) from++;
  while (to > from && /\s/.test(file.text.charAt(to - 1))) to--;
  if (from >= to) return '';
  writer.copied.push([from, to]);
  const localEdits: TextEdit[] = [];
  for (const statement of awaitReturns) {
    const argument = statement.argument;
    if (!argument || argument.type === 'AwaitExpression' || file.oracle.isPromiseLike(argument) === 'no') continue;
    localEdits.push({ range: [statement.range[0] + 'return'.length, statement.range[0] + 'return'.length], text: ' await' });
    if (!tightExpressions.has(argument.type)) {
      localEdits.push({ range: [argument.range[0], argument.range[0]], text: '(' });
      localEdits.push({ range: [argument.range[1], argument.range[1]], text: ')' });
    }
  }
  const fromIndent = statements[0] ? lineIndent(file.text, statements[0].range[0]) : indent;
  return render(file, from, to, localEdits, fromIndent, indent);
}

/** `[from, to)` of the file with `edits` applied and every line's indentation moved from `fromIndent` to `toIndent`. */
function render(file: AnalysisFile, from: number, to: number, edits: readonly TextEdit[], fromIndent: string, toIndent: string): string {
  const keep = protectedRanges(file, from, to);
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  let out = '';
  let cursor = from;
  const copy = (start: number, end: number) => {
    for (let i = start; i < end; i++) {
      const ch = file.text.charAt(i);
      out += ch;
      if (ch !== '\n' || keep.some(([s, e]) => i >= s && i < e)) continue;
      let j = i + 1;
      while (j < end && (file.text.charAt(j) === ' ' || file.text.charAt(j) === '\t')) j++;
      const leading = file.text.slice(i + 1, j);
      if (j < end && (file.text.charAt(j) === '\n' || file.text.charAt(j) === '\r')) {
        i = j - 1;
        continue;
      }
      out += leading.startsWith(fromIndent) ? toIndent + leading.slice(fromIndent.length) : leading;
      i = j - 1;
    }
  };
  for (const edit of sorted) {
    copy(cursor, edit.range[0]);
    out += edit.text;
    cursor = edit.range[1];
  }
  copy(cursor, to);
  return out;
}

/** Comments and string or template parts inside `[from, to)` that span lines: their bytes stay as written. */
function protectedRanges(file: AnalysisFile, from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (const c of commentsWithin(file.comments, from, to)) ranges.push([c.range[0], c.range[1]]);
  walk(file.ast, file.visitorKeys, (node) => {
    if (node.range[1] <= from || node.range[0] >= to) return false;
    if ((node.type === 'TemplateElement' || node.type === 'Literal' || node.type === 'JSXText') && file.text.slice(node.range[0], node.range[1]).includes('\n')) {
      ranges.push([node.range[0], node.range[1]]);
    }
    return true;
  });
  return ranges;
}

function indentLines(writer: Writer, lines: readonly string[], indent: string): string {
  return lines.map((line) => `${indent}${line}`).join(writer.eol);
}

function catchClause(
  writer: Writer,
  fn: FunctionNode,
  handler: Handler,
  awaitReturns: boolean,
  indent: string,
): { text: string } | HandlerProblem {
  const { file, eol } = writer;
  const closing = indent.slice(0, indent.length - writer.unit.length);
  if (handler.kind === 'name') {
    writer.copied.push([handler.node.range[0], handler.node.range[1]]);
    if (handler.zeroParameters) return { text: `catch {${eol}${indent}return ${awaitReturns ? 'await ' : ''}${handler.node.name}();${eol}${closing}}` };
    const error = freshName(file, fn, 'error', new Set());
    writer.added.add(error);
    return { text: `catch (${error}) {${eol}${indent}return ${awaitReturns ? 'await ' : ''}${handler.node.name}(${error});${eol}${closing}}` };
  }
  const inline = handler.fn;
  const param = inline.params[0];
  let head = 'catch';
  if (param) {
    writer.copied.push([param.range[0], param.range[1]]);
    head = `catch (${file.text.slice(param.range[0], param.range[1])})`;
  }
  const body = inline.body;
  if (body.type !== 'BlockStatement') {
    writer.copied.push([body.range[0], body.range[1]]);
    const value = awaitReturns ? awaited(file, body) : file.text.slice(body.range[0], body.range[1]);
    return { text: `${head} {${eol}${indent}return ${value};${eol}${closing}}` };
  }
  const text = copyStatements(writer, body, body.body, indent, awaitReturns ? returnsOf(file, inline) : []);
  return { text: text ? `${head} {${eol}${indent}${text}${eol}${closing}}` : `${head} {}` };
}

function finallyClause(writer: Writer, handler: Handler, indent: string): { text: string } | HandlerProblem {
  const { file } = writer;
  if (handler.kind === 'name') {
    writer.copied.push([handler.node.range[0], handler.node.range[1]]);
    return { text: `await ${handler.node.name}();` };
  }
  const inline = handler.fn;
  const body = inline.body;
  if (body.type !== 'BlockStatement') {
    writer.copied.push([body.range[0], body.range[1]]);
    return { text: `${awaited(file, body)};` };
  }
  if (returnsOf(file, inline).length > 0) {
    return { reason: 'finally-returns-value', message: 'The `finally()` handler returns, and a `return` in a `finally` block would replace the function\'s result.' };
  }
  const text = copyStatements(writer, body, body.body, indent);
  return { text: text || '' };
}

/** The arrow's body with the parentheses around it (`() => (p.then(f))`). */
function bodyRange(file: AnalysisFile, fn: FunctionNode): [number, number] {
  let [start, end] = fn.body.range;
  for (;;) {
    const before = previousCodeOffset(file, start);
    if (before < 0 || file.text[before] !== '(') break;
    let after = end;
    while (after < file.text.length && /\s/.test(file.text.charAt(after))) after++;
    if (file.text[after] !== ')') break;
    start = before;
    end = after + 1;
  }
  return [start, end];
}

/** Where `async ` goes: before a method's key (after its modifiers), else before the function. */
function asyncOffset(file: AnalysisFile, fn: FunctionNode): number {
  const parent = fn.parent;
  if ((parent?.type === 'MethodDefinition' || (parent?.type === 'Property' && parent.method)) && parent.value === fn) {
    return parent.computed ? previousCodeOffset(file, parent.key.range[0]) : parent.key.range[0];
  }
  return fn.range[0];
}
