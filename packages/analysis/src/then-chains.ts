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
import { canReachEnd } from './exits';
import { promiseExecutorOf } from './executors';
import { type Plan, type RefusalReason, refusedPlan, type TextEdit, thenChainReasons } from './edits';
import { type AnalysisFile, isTypeScriptFile } from './file';
import { checkedPlan } from './invariant';
import { hasLineBreak, indentUnitOf, lineEndingOf, lineIndent } from './layout';
import { staticPropertyName } from './modules';
import { isNameFreeAt, valueScopesWithin } from './names';
import { previousCodeOffset } from './trivia';
import { type FunctionNode, isFunctionNode, usesThis, walk, nearestFunctionOf, nodeWithin } from './walk';
import { PerFile } from './per-file';

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
  /** The function the chain is in. */
  readonly fn: FunctionNode;
  /** `then().catch()`, for messages. */
  readonly methods: string;
  /** Where the chain's value goes: returned by the function, awaited as a statement, or elsewhere (`strict` only). */
  readonly position: 'returned' | 'awaited' | 'elsewhere';
  /** The rewrite (`review`), or why there is none. */
  readonly plan: Plan;
}

export interface ThenChainOptions {
  /**
   * Also report chains on a known promise that are neither a function's result nor awaited as a
   * statement (yielded, passed on, started and left): eslint-plugin-promise's option name; the planner
   * refuses them (`chain-not-returned`). Implies `awaited`.
   */
  readonly strict?: boolean;
  /**
   * Also find chains awaited as a statement (`await p.then(f);`, `const x = await p.then(f);`,
   * `return await p.then(f)`), which eslint-plugin-promise reports only with `strict`; the codemod
   * always asks for them.
   */
  readonly awaited?: boolean;
}

/**
 * The statement a chain's value ends in, which the rewrite replaces: a `return` (of the chain, or of
 * `await` of it), an arrow's body, a statement `await chain;`, a declaration `const x = await chain;`;
 * `elsewhere` for every other place.
 */
type ChainSite =
  | { readonly kind: 'arrow-body' }
  | { readonly kind: 'return'; readonly statement: TSESTree.ReturnStatement; readonly awaited: boolean }
  | { readonly kind: 'expression'; readonly statement: TSESTree.ExpressionStatement }
  | { readonly kind: 'declaration'; readonly statement: TSESTree.VariableDeclaration; readonly declarator: TSESTree.VariableDeclarator }
  | { readonly kind: 'elsewhere' };

function siteOf(fn: FunctionNode, call: TSESTree.CallExpression): ChainSite {
  if (fn.body === call) return { kind: 'arrow-body' };
  const parent = call.parent;
  const awaited = parent.type === 'AwaitExpression' && parent.argument === call;
  const value: TSESTree.Node = awaited ? parent : call;
  const holder = value.parent;
  if (!holder) return { kind: 'elsewhere' };
  if (holder.type === 'ReturnStatement' && holder.argument === value) return { kind: 'return', statement: holder, awaited };
  if (!awaited) return { kind: 'elsewhere' };
  if (holder.type === 'ExpressionStatement' && holder.expression === value) return { kind: 'expression', statement: holder };
  if (holder.type === 'VariableDeclarator' && holder.init === value && holder.parent.type === 'VariableDeclaration') {
    return { kind: 'declaration', statement: holder.parent, declarator: holder };
  }
  return { kind: 'elsewhere' };
}

const cache = new PerFile<Map<string, readonly ThenChain[]>>();

/**
 * Every chain a function returns, with `awaited` every chain awaited as a statement, and with
 * `strict` every other chain on a known promise inside a function; each with its plan. Skipped
 * entirely when the file has no `.then`, `.catch` or `.finally`. Cached per file and options.
 */
export function findThenChains(file: AnalysisFile, options: ThenChainOptions = {}): readonly ThenChain[] {
  const strict = options.strict === true;
  const awaited = strict || options.awaited === true;
  const key = strict ? 'strict' : awaited ? 'awaited' : 'default';
  let byOptions = cache.get(file);
  const cached = byOptions?.get(key);
  if (cached) return cached;
  if (!byOptions) cache.set(file, (byOptions = new Map<string, readonly ThenChain[]>()));
  const chains: ThenChain[] = [];
  if (!/\.\s*(?:then|catch|finally)\b/.test(file.text)) {
    byOptions.set(key, chains);
    return chains;
  }
  walk(file.ast, file.visitorKeys, (node) => {
    if (node.type !== 'CallExpression' || isInnerChainCall(node)) return;
    const steps = chainSteps(node);
    const fn = steps ? nearestFunctionOf(node) : null;
    if (!steps || !fn) return;
    const site = siteOf(fn, node);
    const position = site.kind === 'elsewhere' ? 'elsewhere' : (site.kind === 'return' && !site.awaited) || site.kind === 'arrow-body' ? 'returned' : 'awaited';
    if (position === 'awaited' && !awaited) return;
    if (position === 'elsewhere') {
      if (!strict) return;
      const receiver = (steps[0] as ChainStep).call.callee as TSESTree.MemberExpression;
      if (file.oracle.promiseKind(receiver.object) !== 'promise') return;
      const plan = refusedPlan({
        reason: 'chain-not-returned',
        message: 'Only a chain a function returns or awaits as a statement is rewritten; this one is yielded, passed on or only started.',
      });
      chains.push(chainOf(fn, node, steps, position, plan));
      return;
    }
    if (site.kind !== 'elsewhere') chains.push(chainOf(fn, node, steps, position, planThenChain(file, fn, node, steps, site)));
  });
  chains.sort((a, b) => a.reportNode.range[0] - b.reportNode.range[0]);
  byOptions.set(key, chains);
  return chains;
}

function chainOf(fn: FunctionNode, node: TSESTree.CallExpression, steps: readonly ChainStep[], position: ThenChain['position'], plan: Plan): ThenChain {
  return {
    node,
    reportNode: (steps[0] as ChainStep).property,
    fn,
    methods: steps.map((s) => `${s.method}()`).join('.'),
    position,
    plan,
  };
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
 * The `async`/`await` rewrite of `call`, the chain `fn` returns or awaits at `site`, or the reason
 * there is none. `review` when it exists: the awaits take other ticks than the chain's callbacks,
 * and a synchronous throw of the function's code becomes a rejection.
 */
function planThenChain(file: AnalysisFile, fn: FunctionNode, call: TSESTree.CallExpression, steps: readonly ChainStep[], site: Exclude<ChainSite, { kind: 'elsewhere' }>): Plan {
  const receiver = ((steps[0] as ChainStep).call.callee as TSESTree.MemberExpression).object;
  const kind = file.oracle.promiseKind(receiver);
  if (kind === 'unknown') {
    return refuse(
      'receiver-not-known-promise',
      'Nothing shows the chain starts on a promise (a method named `then` proves nothing); with type information, or a declared `Promise` type, it can be rewritten.',
    );
  }
  // Shown not to be a built-in promise: a custom thenable (a query builder, a deferred) whose `.then`
  // may run its callbacks as `await` would not, or no thenable at all (zod's `.catch`).
  if (kind !== 'promise') {
    return refuse(
      'receiver-not-promise',
      kind === 'thenable'
        ? 'The chain starts on a thenable that is not a built-in promise, whose `.then` may not behave as `await` does.'
        : `The chain starts on a value ${file.oracle.source === 'types' ? 'whose type' : 'that'} is no promise, so its \`.${(steps[0] as ChainStep).method}\` is another method.`,
    );
  }
  if (site.kind === 'return' || site.kind === 'arrow-body') {
    // An async generator's `return` awaits as well, but a generator's result is an iterator: left alone.
    if (fn.generator) return refuse('generator-function', 'A generator cannot become an async function without changing what it returns.');
    const functionProblem = fn.async ? null : functionRefusal(file, fn, call);
    if (functionProblem) return functionProblem;
  }
  const placeProblem = siteRefusal(fn, site);
  if (placeProblem) return placeProblem;

  // then(f)* catch(g)? finally(h)?, or then(f)* catch(g) then(h)+ catch(k)? finally(z)?
  const planned: PlannedStep[] = [];
  if (!isSupportedShape(steps)) {
    return refuse('chain-shape-not-supported', `A chain of the shape ${steps.map((s) => `${s.method}()`).join('.')} is not rewritten: only \`then()\`s with at most one \`catch()\` among or after them (and one more \`catch()\` after the \`then()\`s that follow it), then at most one \`finally()\`.`);
  }
  for (const step of steps) {
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
  return writePlan(file, fn, site, receiver, planned);
}

/**
 * `then()`s, at most one `catch()`, and, when `then()`s follow that `catch()`, at most one more
 * `catch()` after them; then at most one `finally()`. A `catch()` followed by `then()`s is written
 * as a `try/catch` of its own whose value the later handlers take.
 */
function isSupportedShape(steps: readonly ChainStep[]): boolean {
  const methods = steps.map((s) => s.method[0]).join('');
  return /^t*(?:c(?:t+c?)?)?f?$/.test(methods);
}

/** Why the statement at `site` cannot be replaced by the rewrite, or `null`. */
function siteRefusal(fn: FunctionNode, site: Exclude<ChainSite, { kind: 'elsewhere' }>): Plan | null {
  if (site.kind === 'arrow-body') return null;
  const statement = site.statement;
  if (site.kind === 'return' && !site.awaited && insideTry(fn, statement)) {
    return refuse('returned-inside-try', 'The chain is returned from inside a `try`, whose `catch` never sees its rejection and whose `finally` runs before it settles; once awaited there, both would change.');
  }
  if (site.kind === 'declaration') {
    const declaration = site.statement;
    const parent = declaration.parent;
    if ((parent.type !== 'BlockStatement' && parent.type !== 'SwitchCase') || declaration.declarations.length !== 1) {
      return refuse('statement-not-rewritable', 'The awaited chain initialises one of several declarations, or a declaration that is not a statement of its own (a `for` head); it cannot be replaced by statements.');
    }
    if (declaration.kind !== 'const' && declaration.kind !== 'let' && declaration.kind !== 'var') {
      return refuse('statement-not-rewritable', `A \`${declaration.kind}\` declaration disposes of its value; it is not rewritten.`);
    }
  }
  return null;
}

/** Whether `statement` is inside a `try` block, or a `catch` block with a `finally`, of `fn` itself. */
function insideTry(fn: FunctionNode, statement: TSESTree.Node): boolean {
  let child: TSESTree.Node = statement;
  for (let current = statement.parent; current && current !== fn; child = current, current = current.parent) {
    if (current.type === 'TryStatement' && (child === current.block || (child === current.handler && current.finalizer !== null))) return true;
  }
  return false;
}

function functionRefusal(file: AnalysisFile, fn: FunctionNode, call: TSESTree.CallExpression): Plan | null {
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

/** Whether the statement is the last of the function's body (an arrow's body counts): nothing runs after it. */
function isTail(fn: FunctionNode, site: Exclude<ChainSite, { kind: 'elsewhere' }>): boolean {
  if (site.kind === 'arrow-body') return true;
  return fn.body.type === 'BlockStatement' && fn.body.body[fn.body.body.length - 1] === site.statement;
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

/**
 * The names an inlined handler brings into the function (its parameters and the declarations of its
 * body) must mean nothing else there: no other declaration of the name in the function, and no
 * reference to the name outside the handler (which would now see the handler's binding, or meet it
 * in its temporal dead zone). Returns the sentence that says which name clashes, or `null`.
 */
function nameClash(file: AnalysisFile, fn: FunctionNode, planned: readonly PlannedStep[]): string | null {
  const scopes = valueScopesWithin(file, fn);
  for (const { handler, step } of planned) {
    if (handler.kind !== 'inline') continue;
    const own = handler.fn;
    for (const variable of handler.scope.variables) {
      const name = variable.name;
      if (name === 'arguments') continue;
      for (const scope of scopes) {
        if (nodeWithin(scope.block, own)) continue;
        if (scope.set.has(name)) return `The \`${step.method}()\` handler's \`${name}\` would meet another \`${name}\` of the function once written in place.`;
        if (scope.references.some((r) => r.identifier.name === name && !nodeWithin(r.identifier, own))) {
          return `The \`${step.method}()\` handler's \`${name}\` would capture a use of \`${name}\` elsewhere in the function once written in place.`;
        }
      }
    }
  }
  return null;
}

/** A name no scope of `fn` or around it declares and nothing inside `fn` refers to: `base`, else `base2`, `base3`, …. */
function freshName(file: AnalysisFile, fn: FunctionNode, base: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    if (!taken.has(name) && isNameFreeAt(file, fn, name)) return name;
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

/** What the chain's final value becomes in the rewrite. */
type Target =
  /** Returned: the last `then()` handler's block is written in place with its own returns. */
  | { readonly kind: 'return' }
  /** Dropped: `await chain;`. */
  | { readonly kind: 'discard' }
  /** Assigned to a name declared before the `try`: a declaration's, or the value a `catch()` hands on. */
  | { readonly kind: 'assign'; readonly name: string }
  /** Declared: `const x = value;` (`head` is `const x`). */
  | { readonly kind: 'declare'; readonly head: string };

/** The current value of the chain as an expression; `pure` when dropping it drops nothing (`undefined`, a name). */
interface ChainValue {
  readonly text: string;
  readonly pure: boolean;
}

const declarationTypeUnknown = (what: string) =>
  refuse(
    'declaration-type-unknown',
    `${what} would be declared before a \`try\` and assigned in it; in TypeScript such a variable needs a type, which only the checker knows (an annotation on the declaration or the handler's parameter lets it be written).`,
  );


function writePlan(
  file: AnalysisFile,
  fn: FunctionNode,
  site: Exclude<ChainSite, { kind: 'elsewhere' }>,
  receiver: TSESTree.Expression,
  planned: readonly PlannedStep[],
): Plan {
  const writer: Writer = {
    file,
    eol: lineEndingOf(file),
    unit: indentUnitOf(file),
    copied: [],
    added: new Set(['async', 'await', 'const', 'let', 'try', 'catch', 'finally', 'return', 'undefined']),
    removed: new Set(['then', 'catch', 'finally', 'return', 'function', 'async', 'await', 'const']),
  };
  for (const { handler } of planned) if (handler.kind === 'inline' && handler.fn.id) writer.removed.add(handler.fn.id.name);
  // A `catch()` followed by `then()`s ends a prefix written as a `try/catch` of its own.
  const firstCatch = planned.findIndex((p) => p.step.method === 'catch');
  const split = firstCatch >= 0 && planned[firstCatch + 1]?.step.method === 'then' ? firstCatch + 1 : 0;
  const prefix = planned.slice(0, split);
  const rest = planned.slice(split);
  const thens = rest.filter((p) => p.step.method === 'then');
  const catchStep = rest.find((p) => p.step.method === 'catch');
  const finallyStep = rest.find((p) => p.step.method === 'finally');
  const inTry = catchStep !== undefined || finallyStep !== undefined;
  const statement = site.kind === 'arrow-body' ? null : site.statement;
  // A statement that is not in a block (`if (x) return p.then(f);`, a `case`) becomes a block of its own.
  const braces = statement !== null && site.kind !== 'declaration' && statement.parent?.type !== 'BlockStatement';
  const outerIndent = lineIndent(file.text, (statement ?? fn.body).range[0]);
  const baseIndent = statement && !braces ? outerIndent : outerIndent + writer.unit;
  const innerIndent = inTry ? baseIndent + writer.unit : baseIndent;
  const tail = isTail(fn, site);
  // `return await chain` inside the user's `try` must still be awaited there.
  const awaitedReturn = site.kind === 'return' && site.awaited;

  // Where the final value goes; a declaration around a `try` is declared before it.
  const before: string[] = [];
  let target: Target;
  if (site.kind === 'return' || site.kind === 'arrow-body') {
    target = { kind: 'return' };
  } else if (site.kind === 'expression') {
    target = { kind: 'discard' };
  } else {
    const id = site.declarator.id;
    writer.copied.push([id.range[0], id.range[1]]);
    const idText = file.text.slice(id.range[0], id.range[1]);
    if (!inTry) {
      target = { kind: 'declare', head: `${site.statement.kind} ${idText}` };
    } else {
      if (id.type !== 'Identifier') {
        return refuse('statement-not-rewritable', 'The awaited chain with `catch()` or `finally()` initialises a destructuring pattern, which would have to be declared before the `try` and assigned in it.');
      }
      if (!id.typeAnnotation && isTypeScriptFile(file)) return declarationTypeUnknown(`\`${id.name}\``);
      before.push(`${site.statement.kind === 'const' ? 'let' : site.statement.kind} ${idText};`);
      writer.added.add(id.name);
      if (site.statement.kind === 'var') writer.added.add('var');
      target = { kind: 'assign', name: id.name };
    }
  }

  const lines: string[] = [];
  writer.copied.push([receiver.range[0], receiver.range[1]]);
  let value: ChainValue = { text: `await ${wrapped(file, receiver, innerIndent)}`, pure: false };
  let bound: Handler | null = null;
  const taken = new Set<string>();
  if (prefix.length > 0) {
    // p.then(f).catch(g).then(h): `let x; try { x = f(await p); } catch (e) { x = g(e); }`, then h(x).
    const next = (thens[0] as PlannedStep).handler;
    const param = next.kind === 'inline' ? next.fn.params[0] : undefined;
    let carried: string;
    if (param?.type === 'Identifier') {
      if (!param.typeAnnotation && isTypeScriptFile(file)) return declarationTypeUnknown(`The value \`catch()\` hands on, \`${param.name}\`,`);
      carried = param.name;
      bound = next;
      writer.copied.push([param.range[0], param.range[1]]);
      lines.push(`let ${file.text.slice(param.range[0], param.range[1])};`);
    } else {
      if (isTypeScriptFile(file)) return declarationTypeUnknown('The value `catch()` hands on');
      carried = freshName(file, fn, 'value', taken);
      taken.add(carried);
      lines.push(`let ${carried};`);
    }
    writer.added.add(carried);
    const prefixIndent = innerIndent + writer.unit;
    const carriedTarget: Target = { kind: 'assign', name: carried };
    const written = writeThens(writer, prefix.slice(0, -1), value, { target: carriedTarget, awaitReturns: true, tail: true, bound: null, indent: prefixIndent });
    if ('level' in written) return written;
    const clause = catchValueClause(writer, fn, (prefix[prefix.length - 1] as PlannedStep).handler, prefixIndent, carriedTarget, taken);
    if ('reason' in clause) return refuse(clause.reason, clause.message);
    lines.push(`try {${writer.eol}${indentLines(writer, written.lines, prefixIndent)}${writer.eol}${innerIndent}} ${clause.text}`);
    value = { text: carried, pure: true };
  }
  const written = writeThens(writer, thens, value, { target, awaitReturns: inTry || awaitedReturn, tail, bound, indent: innerIndent });
  if ('level' in written) return written;
  lines.push(...written.lines);

  let statements: string;
  if (inTry) {
    statements = `try {${writer.eol}${indentLines(writer, lines, innerIndent)}${writer.eol}${baseIndent}}`;
    if (catchStep) {
      const clause =
        target.kind === 'return'
          ? catchClause(writer, fn, catchStep.handler, finallyStep !== undefined || awaitedReturn, innerIndent, tail, taken)
          : catchValueClause(writer, fn, catchStep.handler, innerIndent, target, taken);
      if ('reason' in clause) return refuse(clause.reason, clause.message);
      statements += ` ${clause.text}`;
    }
    if (finallyStep) {
      const clause = finallyClause(writer, finallyStep.handler, innerIndent);
      if ('reason' in clause) return refuse(clause.reason, clause.message);
      statements += ` finally {${writer.eol}${innerIndent}${clause.text}${writer.eol}${baseIndent}}`;
    }
    statements = before.map((line) => `${line}${writer.eol}${baseIndent}`).join('') + statements;
  } else {
    statements = indentLines(writer, lines, baseIndent).slice(baseIndent.length);
  }

  // Comments of the replaced text outside every copied part go before the new statements.
  const replaced: [number, number] = statement ? [statement.range[0], statement.range[1]] : bodyRange(file, fn);
  const moved = commentsWithin(file.comments, replaced[0], replaced[1]).filter(
    (c) => !writer.copied.some(([start, end]) => c.range[0] >= start && c.range[1] <= end),
  );
  const movedText = moved.map((c) => `${file.text.slice(c.range[0], c.range[1])}${writer.eol}${baseIndent}`).join('');
  const edits: TextEdit[] = [];
  if (statement && !braces) {
    edits.push({ range: replaced, text: `${movedText}${statements}` });
  } else {
    edits.push({ range: replaced, text: `{${writer.eol}${baseIndent}${movedText}${statements}${writer.eol}${outerIndent}}` });
  }
  if (!fn.async) edits.push({ range: [asyncOffset(file, fn), asyncOffset(file, fn)], text: 'async ' });
  return checkedPlan(file, 'review', edits, {
    owned: [statement ?? fn],
    vocabulary: { added: [...writer.added], removed: [...writer.removed] },
  });
}

interface ThensContext {
  readonly target: Target;
  /** Whether returned values are awaited where they are returned (inside a `try`, or `return await`). */
  readonly awaitReturns: boolean;
  /** Whether nothing runs after the statement, so a handler's block may end without `return`. */
  readonly tail: boolean;
  /** A handler whose parameter is already declared and holds the value. */
  readonly bound: Handler | null;
  readonly indent?: string;
}

/**
 * The statements of the `then()` handlers, starting from `start`, ending with the value given to
 * the target (`return x;`, `const y = x;`, `y = x;`, `x;`); or a refusal.
 */
function writeThens(writer: Writer, thens: readonly PlannedStep[], start: ChainValue, context: ThensContext): { lines: string[] } | Plan {
  const { file } = writer;
  const { target, awaitReturns, bound } = context;
  const indent = context.indent ?? '';
  const lines: string[] = [];
  let value: ChainValue | null = start;
  for (const [index, { handler }] of thens.entries()) {
    const current: ChainValue = value ?? { text: 'undefined', pure: true };
    // Only a returned chain's last handler is written with its own returns; every other gives a value.
    const returnsHere = target.kind === 'return' && index === thens.length - 1;
    if (handler.kind === 'name') {
      writer.copied.push([handler.node.range[0], handler.node.range[1]]);
      const called = `${handler.node.name}(${handler.zeroParameters ? '' : current.text})`;
      if (handler.zeroParameters && !current.pure) lines.push(asStatement(current.text));
      value = { text: returnsHere && !awaitReturns ? called : `await ${called}`, pure: false };
      continue;
    }
    const inline = handler.fn;
    const param = inline.params[0];
    if (param && handler !== bound) {
      writer.copied.push([param.range[0], param.range[1]]);
      lines.push(`${declarationKind(file, handler)} ${file.text.slice(param.range[0], param.range[1])} = ${current.text};`);
    } else if (!param && !current.pure) {
      lines.push(asStatement(current.text));
    }
    const body = inline.body;
    if (body.type !== 'BlockStatement') {
      writer.copied.push([body.range[0], body.range[1]]);
      value = { text: !returnsHere || awaitReturns ? awaited(file, body, indent) : expressionText(file, body, indent), pure: false };
      continue;
    }
    const ownReturns = returnsOf(file, inline);
    if (!returnsHere) {
      // A handler that gives a value: only a last `return x;` may give it.
      const finalStatement = body.body[body.body.length - 1];
      const next = thens[index + 1];
      const nextTakesValue =
        next === undefined
          ? target.kind === 'assign' || target.kind === 'declare'
          : next.handler.kind === 'name'
            ? !next.handler.zeroParameters
            : next.handler.fn.params.length > 0;
      const givesValue = finalStatement?.type === 'ReturnStatement' && finalStatement.argument !== null;
      if (ownReturns.some((r) => r !== finalStatement) || (!givesValue && nextTakesValue) || (finalStatement?.type === 'ReturnStatement' && !givesValue)) {
        return refuse(
          'return-in-non-final-handler',
          target.kind === 'return'
            ? 'A `then()` handler before the last returns from inside a block or passes nothing on; written in place, its `return` would end the whole function.'
            : 'A `then()` handler of an awaited chain returns from inside a block or passes nothing on; written in place, its `return` would end the whole function.',
        );
      }
      const statements = givesValue ? body.body.slice(0, -1) : body.body;
      const text = copyStatements(writer, body, statements, indent);
      if (text) lines.push(text);
      const returned = finalStatement?.type === 'ReturnStatement' ? finalStatement.argument : null;
      if (returned && finalStatement?.type === 'ReturnStatement') {
        lines.push(...leadingComments(writer, finalStatement, returned));
        writer.copied.push([returned.range[0], returned.range[1]]);
        value = { text: awaited(file, returned, indent), pure: false };
      } else {
        value = { text: 'undefined', pure: true };
      }
      continue;
    }
    // The last then of a returned chain: its body ends the statement; inside a try, its returns await their value.
    const text = copyStatements(writer, body, body.body, indent, awaitReturns ? ownReturns : []);
    if (text) lines.push(text);
    // Past it, the function would go on to the statements after the return: the chain gave `undefined`.
    if (!context.tail && canReachEnd(file, body)) lines.push('return;');
    value = null;
  }
  if (value !== null) lines.push(...finish(target, value));
  return { lines };
}

/** The statement that hands the final value to the target. */
function finish(target: Target, value: ChainValue): string[] {
  switch (target.kind) {
    case 'return':
      return [`return ${value.text};`];
    case 'discard':
      return value.pure ? [] : [asStatement(value.text)];
    case 'assign':
      return [`${target.name} = ${value.text};`];
    case 'declare':
      return [`${target.head} = ${value.text};`];
    default: {
      const never: never = target;
      return never;
    }
  }
}

/** A `catch` clause whose handler gives a value to `target` (an awaited chain, or a `catch()` followed by `then()`s). */
function catchValueClause(writer: Writer, fn: FunctionNode, handler: Handler, indent: string, target: Target, taken: Set<string>): { text: string } | HandlerProblem {
  const { file, eol } = writer;
  const closing = indent.slice(0, indent.length - writer.unit.length);
  const clause = (head: string, lines: readonly string[]) =>
    lines.length > 0 ? `${head} {${eol}${indentLines(writer, lines, indent)}${eol}${closing}}` : `${head} {}`;
  if (handler.kind === 'name') {
    writer.copied.push([handler.node.range[0], handler.node.range[1]]);
    if (handler.zeroParameters) return { text: clause('catch', finish(target, { text: `await ${handler.node.name}()`, pure: false })) };
    const error = freshName(file, fn, 'error', taken);
    taken.add(error);
    writer.added.add(error);
    return { text: clause(`catch (${error})`, finish(target, { text: `await ${handler.node.name}(${error})`, pure: false })) };
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
    return { text: clause(head, finish(target, { text: awaited(file, body, indent), pure: false })) };
  }
  const finalStatement = body.body[body.body.length - 1];
  const givesValue = finalStatement?.type === 'ReturnStatement' && finalStatement.argument !== null;
  if (returnsOf(file, inline).some((r) => r !== finalStatement) || (finalStatement?.type === 'ReturnStatement' && !givesValue)) {
    return {
      reason: 'return-in-non-final-handler',
      message: 'The `catch()` handler returns from inside a block or returns nothing; written in place, its `return` would end the whole function.',
    };
  }
  const lines: string[] = [];
  const text = copyStatements(writer, body, givesValue ? body.body.slice(0, -1) : body.body, indent);
  if (text) lines.push(text);
  if (givesValue && finalStatement?.type === 'ReturnStatement' && finalStatement.argument) {
    lines.push(...leadingComments(writer, finalStatement, finalStatement.argument));
    writer.copied.push([finalStatement.argument.range[0], finalStatement.argument.range[1]]);
    lines.push(...finish(target, { text: awaited(file, finalStatement.argument, indent), pure: false }));
  }
  // A handler that gives nothing leaves an assigned variable `undefined`: it was declared just before the `try` and not yet assigned.
  return { text: clause(head, lines) };
}

/** `const`, or `let` when the handler writes its parameter. */
function declarationKind(file: AnalysisFile, handler: Extract<Handler, { kind: 'inline' }>): 'const' | 'let' {
  const param = handler.fn.params[0];
  if (!param) return 'const';
  const variables = file.scopeManager.getDeclaredVariables(handler.fn).filter((v) => v.defs.some((d) => d.type === 'Parameter'));
  return variables.some((v) => v.references.some((r) => r.isWrite())) ? 'let' : 'const';
}

/**
 * `await x`, or `x` alone when it is shown not to be a promise (awaiting it would only take a tick);
 * written on a line indented `indent`, see {@link expressionText}.
 */
function awaited(file: AnalysisFile, node: TSESTree.Expression, indent?: string): string {
  if (file.oracle.isPromiseLike(node) !== 'no') return `await ${wrapped(file, node, indent)}`;
  // Alone it is a declaration's initialiser, an assignment's or a return's value: only a sequence needs parentheses there.
  return node.type === 'SequenceExpression' ? wrapped(file, node, indent) : expressionText(file, node, indent);
}

/**
 * The text of `node` as it reads on a statement indented `indent`: its continuation lines move from
 * the indentation of the line it starts on to `indent` (a handler's `({` … `})` written under a
 * `.then(` keeps its shape under the new `return`); comments and strings spanning lines stay as
 * written. Without `indent`, or on one line, the text as it is.
 */
function expressionText(file: AnalysisFile, node: TSESTree.Node, indent?: string): string {
  const text = file.text.slice(node.range[0], node.range[1]);
  if (indent === undefined || !hasLineBreak(text)) return text;
  return render(file, node.range[0], node.range[1], [], lineIndent(file.text, node.range[0]), indent);
}

/** `x;` as a statement: an expression that would start a block, a declaration or a `let [` is parenthesised. */
function asStatement(text: string): string {
  return /^(?:\{|function\b|async\s+function\b|class\b|let\s*\[)/.test(text) ? `(${text});` : `${text};`;
}

function wrapped(file: AnalysisFile, node: TSESTree.Node, indent?: string): string {
  const text = expressionText(file, node, indent);
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
  tail: boolean,
  taken: Set<string>,
): { text: string } | HandlerProblem {
  const { file, eol } = writer;
  const closing = indent.slice(0, indent.length - writer.unit.length);
  if (handler.kind === 'name') {
    writer.copied.push([handler.node.range[0], handler.node.range[1]]);
    if (handler.zeroParameters) return { text: `catch {${eol}${indent}return ${awaitReturns ? 'await ' : ''}${handler.node.name}();${eol}${closing}}` };
    const error = freshName(file, fn, 'error', taken);
    taken.add(error);
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
    const value = awaitReturns ? awaited(file, body, indent) : expressionText(file, body, indent);
    return { text: `${head} {${eol}${indent}return ${value};${eol}${closing}}` };
  }
  const copied = copyStatements(writer, body, body.body, indent, awaitReturns ? returnsOf(file, inline) : []);
  // Past its end the function would go on to the statements after the return: the chain gave `undefined`.
  const text = !tail && canReachEnd(file, body) ? (copied ? `${copied}${eol}${indent}return;` : 'return;') : copied;
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
    return { text: `${awaited(file, body, indent)};` };
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
