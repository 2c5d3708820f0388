/**
 * The per-file judgements and rewrites of `callback-to-async` (the project planner is
 * `callback-to-async.ts`): whether a function's last parameter is an error-first callback it calls
 * exactly once on every path, as the last thing it does, and that never escapes; how each call of
 * that callback reads in the `async` function (`cb(err)` → `throw err`, `cb(null, v)` → `return v`);
 * and how a caller keeps its meaning (`await`, or `.then(onValue, onError)`).
 *
 * Everything here reads one ESTree file. Which calls are the project's own callback-last functions is
 * the planner's answer (resolved through the TypeScript checker), handed in as {@link AwaitableCalls}.
 */
import type { Scope, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { type TwinCallee, twinReference } from './blocking-calls';
import { type AwaitedCallbackShape, callbackParts, keptRanges, planAwaitedCallback, reindented, tailProblem, usesOwnThis } from './callback-to-await';
import type { RefusalReason, TextEdit } from './edits';
import { isNeverAnError, judgeCallbackReturn, runsNothing } from './error-first-callbacks';
import type { AnalysisFile } from './file';
import { indentUnitOf, lineEndingOf, lineIndent } from './layout';
import { importEdit } from './module-references';
import { callbackApiAt } from './promise-wrappers';
import { type FunctionNode, isFunctionNode, nearestFunctionOf, walk } from './walk';

export interface CallbackProblem {
  readonly reason: RefusalReason;
  readonly message: string;
  /** Where the problem is (a file offset): the call or statement it names. */
  readonly at: number;
}

/**
 * Which calls of the file have an awaitable form: a catalogued Node callback API with a promise
 * twin (`catalogue`), or a call of a project function this run makes `async` (`project`, with the
 * callee text it keeps). Null for any other call.
 */
export type AwaitableCalls = (call: TSESTree.CallExpression) => { readonly kind: 'catalogue' } | { readonly kind: 'project'; readonly name: string } | null;

/** The awaitable kinds a file always has: its catalogued callback APIs (error-first ones: a timer's callback comes first). */
export function catalogueCalls(file: AnalysisFile): AwaitableCalls {
  return (call) => (callbackApiAt(file, call)?.style === 'error-first' ? { kind: 'catalogue' } : null);
}

/** A module-level function or a method whose last parameter is a plain name the function calls or forwards: what callback-to-async looks at. */
export interface CallbackLastFunction {
  readonly fn: FunctionNode;
  /** The name it is declared or held under (a method's key). */
  readonly name: TSESTree.Identifier;
  readonly callback: TSESTree.Identifier;
  /** A class's or object literal's method: the how-many-th of the file's methods with its name (see {@link methodsNamed}), which no rewrite changes. */
  readonly method?: { readonly ordinal: number };
  /** A function declared in another function's body: the how-many-th of the file's such functions with its name (see {@link nestedFunctionsNamed}). */
  readonly nested?: { readonly ordinal: number; readonly outer: FunctionNode };
}

/** Whether the file assigns the variable `id` declares nowhere but in its declaration (and declares it once). */
function isNeverReassigned(file: AnalysisFile, id: TSESTree.Identifier): boolean {
  const variable = file.scopeManager.getDeclaredVariables(id.parent as TSESTree.VariableDeclarator).find((v) => v.name === id.name);
  return variable !== undefined && variable.defs.length === 1 && variable.references.every((r) => !r.isWrite() || r.init === true);
}

/** Where `async ` goes: before the function, or before a method's name (after `static` and the like). */
export function asyncOffsetOf(candidate: CallbackLastFunction): number {
  return candidate.method ? candidate.name.range[0] : candidate.fn.range[0];
}

/** A method's function, when `node` is a class's or object literal's method with a plain name (no getter, setter or constructor). */
function methodFunction(node: TSESTree.Node): { readonly fn: TSESTree.FunctionExpression; readonly key: TSESTree.Identifier } | null {
  const plain = (key: TSESTree.Node, computed: boolean) => (!computed && key.type === 'Identifier' ? key : null);
  if (node.type === 'MethodDefinition' && node.kind === 'method' && node.value.type === 'FunctionExpression') {
    const key = plain(node.key, node.computed);
    return key ? { fn: node.value, key } : null;
  }
  if (node.type === 'Property' && node.method && node.value.type === 'FunctionExpression' && node.parent.type === 'ObjectExpression') {
    const key = plain(node.key, node.computed);
    return key ? { fn: node.value, key } : null;
  }
  return null;
}

/** A function declaration that is a statement of another function's body (not of a block inside it). */
function isNestedDeclaration(node: TSESTree.Node): node is TSESTree.FunctionDeclaration & { id: TSESTree.Identifier } {
  return node.type === 'FunctionDeclaration' && node.id !== null && node.parent.type === 'BlockStatement' && isFunctionNode(node.parent.parent);
}

/** The file's function declarations named `name` that are statements of another function's body, in the order of the text. */
export function nestedFunctionsNamed(file: AnalysisFile, name: string): TSESTree.FunctionDeclaration[] {
  const found: TSESTree.FunctionDeclaration[] = [];
  walk(file.ast, file.visitorKeys, (node) => {
    if (isNestedDeclaration(node) && node.id.name === name) found.push(node);
  });
  return found;
}

/** The file's methods named `name` (classes' and object literals'), in the order of the text. */
export function methodsNamed(file: AnalysisFile, name: string): TSESTree.FunctionExpression[] {
  const found: TSESTree.FunctionExpression[] = [];
  walk(file.ast, file.visitorKeys, (node) => {
    const method = methodFunction(node);
    if (method?.key.name === name) found.push(method.fn);
  });
  return found;
}

/**
 * The file's callback-last functions: module-level declarations (exported or not), `const`
 * functions and arrows (and `var`/`let` ones never assigned again), declarations in another
 * function's body, and classes' and object literals' methods, neither `async` nor generators,
 * whose last parameter is a name the body calls, or hands on as the callback of a call
 * `takesCallback` accepts (a catalogued callback API, a project function already found).
 */
export function findCallbackLastFunctions(file: AnalysisFile, takesCallback: AwaitableCalls = catalogueCalls(file)): CallbackLastFunction[] {
  const found: CallbackLastFunction[] = [];
  const consider = (fn: FunctionNode, name: TSESTree.Identifier, place: Pick<CallbackLastFunction, 'method' | 'nested'> = {}) => {
    if (fn.async || fn.generator) return;
    const last = fn.params[fn.params.length - 1];
    if (last?.type !== 'Identifier') return;
    const variable = callbackVariable(file, fn, last);
    // Error-first by the way it is used: handed to a callback API as its callback, or called with
    // `null`/nothing for the error, an error it is shown to have, or the error of a callback around it.
    // A visitor called with the items it visits (`statusOf(item)`) is no candidate, and not listed.
    const used = variable?.references.some((r) => {
      const parent = r.identifier.parent;
      if (parent.type !== 'CallExpression') return false;
      if (parent.callee !== r.identifier) return parent.arguments[parent.arguments.length - 1] === r.identifier && takesCallback(parent) !== null;
      const first = parent.arguments[0];
      return first === undefined || isNullish(first) || isShownError(first, parent) || isEnclosingError(first, parent, takesCallback);
    });
    if (used) found.push({ fn, name, callback: last, ...place });
  };
  for (const statement of file.ast.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) consider(declaration, declaration.id);
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        const init = declarator.init;
        if (declarator.id.type !== 'Identifier' || (init?.type !== 'ArrowFunctionExpression' && init?.type !== 'FunctionExpression')) continue;
        // A `var` or `let` is one only when nothing in the file assigns it again (the planner asks the checker about the other files).
        if (declaration.kind !== 'const' && !isNeverReassigned(file, declarator.id)) continue;
        consider(init, declarator.id);
      }
    }
  }
  const methods = new Map<string, number>();
  const nested = new Map<string, number>();
  walk(file.ast, file.visitorKeys, (node) => {
    const method = methodFunction(node);
    if (method) {
      const ordinal = methods.get(method.key.name) ?? 0;
      methods.set(method.key.name, ordinal + 1);
      consider(method.fn, method.key, { method: { ordinal } });
    } else if (isNestedDeclaration(node)) {
      const ordinal = nested.get(node.id.name) ?? 0;
      nested.set(node.id.name, ordinal + 1);
      consider(node, node.id, { nested: { ordinal, outer: node.parent.parent as FunctionNode } });
    }
  });
  return found;
}

function callbackVariable(file: AnalysisFile, fn: FunctionNode, param: TSESTree.Identifier): Variable | undefined {
  return file.scopeManager.acquire(fn, true)?.set.get(param.name) ?? file.scopeManager.acquire(fn)?.set.get(param.name);
}

const isNullish = (node: TSESTree.Node | undefined): boolean =>
  node === undefined || (node.type === 'Literal' && node.value === null && !('regex' in node)) || (node.type === 'Identifier' && node.name === 'undefined') || (node.type === 'UnaryExpression' && node.operator === 'void');

/** Whether `value` is shown to be an error where `call` runs: a `new …`, or a name an enclosing `if (name)` tested before the call's branch. */
function isShownError(value: TSESTree.Node, call: TSESTree.Node): boolean {
  if (value.type === 'NewExpression') return true;
  if (value.type !== 'Identifier') return false;
  for (let child: TSESTree.Node = call; child.parent && !isFunctionNode(child); child = child.parent) {
    const parent: TSESTree.Node = child.parent;
    if (parent.type === 'IfStatement' && parent.consequent === child && parent.test.type === 'Identifier' && parent.test.name === value.name) return true;
  }
  return false;
}

/** Whether `value` is the error parameter of the inline callback of a call `takesCallback` accepts, around `call`. */
function isEnclosingError(value: TSESTree.Node, call: TSESTree.Node, takesCallback: AwaitableCalls): boolean {
  if (value.type !== 'Identifier') return false;
  const owner = nearestFunctionOf(call);
  const first = owner?.params[0];
  const around = owner?.parent;
  return first?.type === 'Identifier' && first.name === value.name && around?.type === 'CallExpression' && around.arguments[around.arguments.length - 1] === owner && takesCallback(around) !== null;
}

/** The statement `cb(…)` is written as, in the async function: `return v`, `throw err`, `return`, or why it cannot be. */
function asyncStatementOf(file: AnalysisFile, call: TSESTree.CallExpression): { readonly text: string } | CallbackProblem {
  const args = call.arguments;
  const at = call.range[0];
  const slice = (node: TSESTree.Node) => file.text.slice(node.range[0], node.range[1]);
  if (args.some((a) => a.type === 'SpreadElement')) return { reason: 'dynamic-call', message: 'The callback is called with spread arguments.', at };
  if (args.length > 2) return { reason: 'several-values', message: 'The callback is given several values; an async function returns one.', at };
  const [first, second] = args;
  if (args.length === 2 && second) {
    if (!isNullish(first)) return { reason: 'error-may-be-falsy', message: 'The callback is given an error and a value together.', at };
    return { text: `return ${slice(second)}` };
  }
  if (isNullish(first)) return { text: 'return' };
  if (first && isShownError(first, call)) return { text: `throw ${slice(first)}` };
  return {
    reason: 'error-may-be-falsy',
    message: `\`${file.text.slice(call.range[0], call.range[1])}\` may pass \`null\` (success) as well as an error; test it (\`if (err) return cb(err)\`) so it can become \`throw\`.`,
    at,
  };
}

/**
 * The edit that writes one callback call of the function's own body as the async function's
 * `return`/`throw` (a `return;` right after the call goes with it), or why it cannot.
 */
export function callbackCallEdit(file: AnalysisFile, call: TSESTree.CallExpression): TextEdit | CallbackProblem {
  const statement = asyncStatementOf(file, call);
  if ('reason' in statement) return statement;
  const parent = call.parent;
  const owner = nearestFunctionOf(call);
  if (owner?.type === 'ArrowFunctionExpression' && owner.body === call) return { range: call.range, text: `{ ${statement.text}; }` };
  const whole = parent.type === 'ReturnStatement' || parent.type === 'ExpressionStatement' ? parent : null;
  if (!whole) return { reason: 'callback-escapes', message: 'The callback\'s result is used.', at: call.range[0] };
  const semi = file.text.slice(whole.range[0], whole.range[1]).endsWith(';') ? ';' : '';
  let end = whole.range[1];
  const block = whole.parent;
  if (whole.type === 'ExpressionStatement' && (block.type === 'BlockStatement' || block.type === 'Program')) {
    const next = (block.body as TSESTree.Node[])[(block.body as TSESTree.Node[]).indexOf(whole) + 1];
    if (next?.type === 'ReturnStatement' && !next.argument && !file.comments.some((c) => c.range[0] >= whole.range[1] && c.range[1] <= next.range[0])) end = next.range[1];
  }
  return { range: [whole.range[0], end], text: `${statement.text}${semi}` };
}

/**
 * Judges a callback-last function: null when its callback `cb` is called exactly once on every
 * path, each call the last thing its function does, each giving an error it is shown to have or
 * a value after `null`; when `cb` is read nowhere else than in those calls and as the callback of
 * an awaitable call (`fs.readFile(p, cb)`); and when every function between the body and a call of
 * `cb` is the inline callback of an awaitable call. Otherwise the first problem, named.
 */
export function judgeCallbackLastFunction(file: AnalysisFile, candidate: CallbackLastFunction, awaitable: AwaitableCalls): CallbackProblem | null {
  const { fn, callback } = candidate;
  const variable = callbackVariable(file, fn, callback);
  if (!variable) return { reason: 'callback-escapes', message: 'The callback parameter has no scope of its own.', at: callback.range[0] };
  const scope = file.scopeManager.acquire(fn);
  if (scope && (scope.set.get('arguments')?.references.length ?? 0) > 0) return { reason: 'callback-escapes', message: 'The function reads `arguments`, which holds the callback.', at: fn.range[0] };
  const refs = new Set(variable.references.map((r) => r.identifier));
  const mentions = (node: TSESTree.Node) => [...refs].some((id) => node.range[0] <= id.range[0] && id.range[1] <= node.range[1]);
  const isCallbackCall = (node: TSESTree.Node): boolean => node.type === 'CallExpression' && refs.has(node.callee as TSESTree.Identifier);
  /** The inline callback of an awaitable call, or the call's `cb` forward. */
  const awaitedArgument = (call: TSESTree.CallExpression): TSESTree.Node | null => {
    if (!awaitable(call)) return null;
    const last = call.arguments[call.arguments.length - 1];
    return last && (refs.has(last as TSESTree.Identifier) || last.type === 'ArrowFunctionExpression' || last.type === 'FunctionExpression') ? last : null;
  };
  // Every function between a reference and `fn` must be the inline callback of an awaitable call.
  const reachable = (node: TSESTree.Node): boolean => {
    for (let current = nearestFunctionOf(node); current !== fn; current = nearestFunctionOf(current)) {
      const parent = current?.parent;
      if (!current || parent?.type !== 'CallExpression' || awaitedArgument(parent) !== current) return false;
    }
    return true;
  };
  for (const ref of refs) {
    const parent = ref.parent;
    const called = parent.type === 'CallExpression' && parent.callee === ref && !parent.optional;
    const forwarded = parent.type === 'CallExpression' && awaitedArgument(parent) === ref;
    if (!called && !forwarded) {
      const handed = parent.type === 'CallExpression' && parent.callee !== ref ? `handed to \`${file.text.slice(parent.callee.range[0], parent.callee.range[1])}(…)\`, which has no promise form here (not a catalogued callback API, nor a function this run migrates)` : 'read as a value (stored, tested or returned)';
      return { reason: 'callback-escapes', message: `\`${ref.name}\` is ${handed}, so it may be called from elsewhere.`, at: ref.range[0] };
    }
    if (!reachable(parent)) return { reason: 'callback-escapes', message: `\`${ref.name}\` is called from a function that may run at any time (not the callback of a call that has a promise form).`, at: ref.range[0] };
    if (called) {
      const first = parent.arguments[0];
      if (first && first.type !== 'SpreadElement' && isNeverAnError(first)) return { reason: 'not-error-first', message: `\`${ref.name}\` is given a first argument that can never be an error: it is not an error-first callback.`, at: parent.range[0] };
    }
  }
  const walked = walkFunction(fn);
  if (walked === 'falls') return { reason: 'not-called-on-some-path', message: `A path through ${candidate.name.name} ends without calling \`${callback.name}\`.`, at: fn.range[0] };
  if (walked !== 'ends') return walked;
  for (const ref of refs) {
    const call = ref.parent as TSESTree.CallExpression;
    if (call.callee !== ref) continue;
    const statement = asyncStatementOf(file, call);
    if ('reason' in statement) return statement;
    const tail = judgeCallbackReturn(file, call, [callback.name]);
    if (tail === null || ('silenced' in tail && tail.silenced === 'last-on-path')) continue;
    if ('silenced' in tail && tail.silenced === 'called-each-iteration') return { reason: 'called-more-than-once', message: `\`${callback.name}\` is called on every iteration of a loop.`, at: call.range[0] };
    if ('silenced' in tail && tail.silenced === 'value-used') return { reason: 'callback-escapes', message: `The result of \`${callback.name}(…)\` is used.`, at: call.range[0] };
    return { reason: 'callback-not-in-tail-position', message: `Code runs after \`${callback.name}(…)\`; in an async function it would not run after the \`return\`.`, at: call.range[0] };
  }
  return null;

  function walkFunction(owner: FunctionNode): 'ends' | 'falls' | CallbackProblem {
    if (owner.body.type !== 'BlockStatement') return isCallbackCall(owner.body) ? 'ends' : mentions(owner.body) ? unsupported(owner.body) : 'falls';
    return walkList(owner.body.body, owner);
  }

  function unsupported(node: TSESTree.Node): CallbackProblem {
    return { reason: 'callback-in-unsupported-statement', message: 'The callback is called inside a statement the rewrite does not follow (a loop, `try`, `switch`, an expression).', at: node.range[0] };
  }

  function walkList(list: readonly TSESTree.Node[], owner: FunctionNode): 'ends' | 'falls' | CallbackProblem {
    for (const [i, statement] of list.entries()) {
      const result = walkStatement(statement, owner);
      if (result === 'falls') continue;
      if (result !== 'ends') return result;
      const rest = list.slice(i + 1).filter((s) => !runsNothing(s));
      const after = rest[0]?.type === 'ReturnStatement' && !rest[0].argument ? rest.slice(1) : rest;
      const again = after.find(mentions);
      if (again) return { reason: 'called-more-than-once', message: `\`${callback.name}\` can be called again after a call of it on the same path.`, at: again.range[0] };
      return 'ends';
    }
    return 'falls';
  }

  function walkStatement(statement: TSESTree.Node, owner: FunctionNode): 'ends' | 'falls' | CallbackProblem {
    switch (statement.type) {
      case 'ExpressionStatement':
      case 'ReturnStatement': {
        const expression = statement.type === 'ExpressionStatement' ? statement.expression : statement.argument;
        if (expression && isCallbackCall(expression)) return 'ends';
        if (expression?.type === 'CallExpression') {
          const argument = awaitedArgument(expression);
          if (argument && mentions(argument)) {
            const tail = statement.type === 'ExpressionStatement' ? tailProblem(statement, owner) : null;
            if (tail) return { reason: 'callback-not-in-tail-position', message: tail, at: statement.range[0] };
            if (refs.has(argument as TSESTree.Identifier)) return 'ends';
            const inner = walkFunction(argument as FunctionNode);
            if (inner === 'falls') return { reason: 'not-called-on-some-path', message: `A path through the callback of \`${file.text.slice(expression.callee.range[0], expression.callee.range[1])}(…)\` ends without calling \`${callback.name}\`.`, at: argument.range[0] };
            return inner;
          }
        }
        if (expression && mentions(expression)) return unsupported(statement);
        if (statement.type === 'ReturnStatement') {
          return owner === fn && expression
            ? { reason: 'returns-value', message: 'The function returns a value besides calling back; an async function returns one thing.', at: statement.range[0] }
            : { reason: 'not-called-on-some-path', message: `A \`return\` leaves without calling \`${callback.name}\`.`, at: statement.range[0] };
        }
        return 'falls';
      }
      case 'IfStatement': {
        const consequent = walkStatement(statement.consequent, owner);
        if (consequent !== 'ends' && consequent !== 'falls') return consequent;
        const alternate = statement.alternate ? walkStatement(statement.alternate, owner) : 'falls';
        if (alternate !== 'ends' && alternate !== 'falls') return alternate;
        if (mentions(statement.test)) return unsupported(statement.test);
        return consequent === 'ends' && alternate === 'ends' ? 'ends' : 'falls';
      }
      case 'BlockStatement':
        return walkList(statement.body, owner);
      case 'ThrowStatement':
        return owner === fn
          ? { reason: 'throws-synchronously', message: 'The function throws: its caller catches that today, and the callback would get it as a rejection.', at: statement.range[0] }
          : 'falls';
      default: {
        if (mentions(statement)) return unsupported(statement);
        let exit: TSESTree.Node | null = null;
        walk(statement, file.visitorKeys, (node) => {
          if (exit || isFunctionNode(node) || node.type === 'ClassBody') return false;
          if (node.type === 'ReturnStatement' || (node.type === 'ThrowStatement' && owner === fn)) exit = node;
          return exit === null;
        });
        const found = exit as TSESTree.Node | null;
        if (found?.type === 'ThrowStatement') return { reason: 'throws-synchronously', message: 'The function throws: its caller catches that today, and the callback would get it as a rejection.', at: found.range[0] };
        if (found) return { reason: 'not-called-on-some-path', message: `A \`return\` leaves without calling \`${callback.name}\`.`, at: found.range[0] };
        return 'falls';
      }
    }
  }
}

/**
 * The awaitable calls on the way from the function to each place its callback is called or handed
 * on, outermost first (a forward ends with the call it is handed to). The callback can run before
 * the function returns only along a route each call of which can call back synchronously; an empty
 * route is a call in the function's own body, which does.
 */
export function callbackRoutes(file: AnalysisFile, candidate: CallbackLastFunction): TSESTree.CallExpression[][] {
  const variable = callbackVariable(file, candidate.fn, candidate.callback);
  return (variable?.references ?? [])
    .map((r) => r.identifier)
    .filter((id) => id !== candidate.callback)
    .map((id) => {
      const route: TSESTree.CallExpression[] = [];
      if (id.parent.type === 'CallExpression' && id.parent.callee !== id) route.push(id.parent);
      for (let current = nearestFunctionOf(id); current && current !== candidate.fn; current = nearestFunctionOf(current)) {
        if (current.parent.type === 'CallExpression') route.unshift(current.parent);
      }
      return route;
    });
}

/** What the callback of a project function gets: an error, or `null` and one value. */
export function projectCallbackShape(name: string): AwaitedCallbackShape {
  return { module: '', name, style: 'error-first', result: { kind: 'value' } };
}

/** The callee a project call keeps once the function returns a promise: the same text, minus its callback. */
export function sameCallee(file: AnalysisFile, call: TSESTree.CallExpression): TwinCallee {
  return { callee: file.text.slice(call.callee.range[0], call.callee.range[1]), words: [], removed: [], imports: [] };
}

/** One rewrite of a caller, and how it keeps the contract (for the report). */
export interface CallerRewrite {
  readonly edits: readonly TextEdit[];
  readonly how: 'await' | 'then';
}

/**
 * A call of a project function becoming async, written so it means what it did: awaited, where the
 * callback-to-await judgement shows that exact (an async caller, the call its last statement); else
 * `f(a).then((v) => cb(null, v), cb)` for a named callback, or the inline callback split into
 * `.then((v) => { rest }, (err) => { handler })`. Both handlers are given to one `.then`, so an
 * error thrown by the value's handler is never routed to the error's. Or why none fits.
 */
export function rewriteCaller(file: AnalysisFile, call: TSESTree.CallExpression, name: string, options: { readonly allowAwait: boolean }): CallerRewrite | CallbackProblem {
  const at = call.range[0];
  const callback = call.arguments[call.arguments.length - 1];
  if (!callback || callback.type === 'SpreadElement') return { reason: 'dynamic-call', message: 'The call passes no callback it can see.', at };
  const shape = projectCallbackShape(name);
  const inline = callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression';
  if (options.allowAwait && inline) {
    const plan = planAwaitedCallback(file, call, shape, callback, () => sameCallee(file, call));
    if (plan.level !== 'refused') return { edits: plan.edits, how: 'await' };
  }
  const statement = call.parent;
  if (statement.type !== 'ExpressionStatement') return { reason: 'result-used', message: `The result of ${name}(…) is used; it would become a promise.`, at };
  const previous = call.arguments[call.arguments.length - 2];
  const open = file.text.indexOf('(', (call.typeArguments ?? call.callee).range[1]);
  const cut: readonly [number, number] = [previous ? previous.range[1] : open + 1, call.range[1]];
  const argsEnd = call.range[1];
  if (file.comments.some((c) => c.range[0] >= cut[0] && c.range[1] <= argsEnd && !(c.range[0] >= callback.range[0] && c.range[1] <= callback.range[1]))) {
    return { reason: 'would-drop-comment', message: 'A comment sits beside the callback argument; move it and run again.', at };
  }
  if (callback.type === 'Identifier') {
    const value = callback.name === 'value' ? 'result' : 'value';
    return { edits: [{ range: cut, text: `).then((${value}) => ${callback.name}(null, ${value}), ${callback.name})` }], how: 'then' };
  }
  if (!inline) return { reason: 'caller-not-migratable', message: 'The callback is neither a name nor written at the call.', at };
  if (callback.async || callback.generator) return { reason: 'caller-not-migratable', message: 'The callback is async or a generator.', at };
  if (callback.type === 'FunctionExpression' && (usesOwnThis(file, callback) || (file.scopeManager.acquire(callback)?.set.get('arguments')?.references.length ?? 0) > 0)) {
    return { reason: 'caller-not-migratable', message: 'The callback is a `function` that reads its own `this` or `arguments`.', at };
  }
  const scope: Scope | null = file.scopeManager.acquire(callback);
  if (!scope) return { reason: 'caller-not-migratable', message: 'The callback has no scope of its own.', at };
  const parts = callbackParts(file, shape, call, callback, scope);
  if ('reason' in parts) return { reason: 'caller-not-migratable', message: `The callback cannot be split into a value and an error handler: ${parts.message}`, at };
  if (parts.leading) return { reason: 'caller-not-migratable', message: 'Statements come before the callback\'s `if (err)`; they run on both paths.', at };
  const copied = [parts.handler, parts.rest].filter((r) => r !== null);
  for (const comment of file.comments) {
    if (comment.range[0] < callback.range[0] || comment.range[1] > callback.range[1]) continue;
    if (!copied.some(([s, e]) => s <= comment.range[0] && comment.range[1] <= e)) return { reason: 'would-drop-comment', message: 'A comment sits in the callback\'s head or its error check.', at };
  }
  const nl = lineEndingOf(file);
  const indent = lineIndent(file.text, statement.range[0]);
  const inside = indent + indentUnitOf(file);
  const kept = keptRanges(file, callback);
  const body = (range: readonly [number, number] | null) => (range ? `{${nl}${inside}${reindented(file, range, lineIndent(file.text, range[0]), inside, kept)}${nl}${indent}}` : '{}');
  // The handler's closing `return;` left the callback; the arrow it becomes ends there anyway.
  const handler = parts.handler && parts.handlerExits ? withoutClosingReturn(file.text, parts.handler) : parts.handler;
  const values = parts.values.map((v) => file.text.slice(v.param.range[0], v.param.range[1])).join(', ');
  const onValue = `(${values}) => ${parts.restIsExpression && parts.rest ? file.text.slice(...parts.rest) : body(parts.rest)}`;
  const onError = parts.errName === null ? '' : `, (${parts.errName}) => ${body(handler)}`;
  return { edits: [{ range: cut, text: `).then(${onValue}${onError})` }], how: 'then' };
}

/**
 * The edit for a `cb` handed straight to an awaitable call in the function's own body
 * (`fs.readFile(p, cb)` → `return fs.promises.readFile(p)`, `load(p, cb)` → `return load(p)`), or why not.
 */
export function forwardEdits(file: AnalysisFile, call: TSESTree.CallExpression, awaitable: AwaitableCalls): readonly TextEdit[] | CallbackProblem {
  const kind = awaitable(call);
  const at = call.range[0];
  const statement = call.parent;
  if (!kind || (statement.type !== 'ExpressionStatement' && statement.type !== 'ReturnStatement')) return { reason: 'callback-escapes', message: 'The callback is handed to a call whose result is used.', at };
  let callee: TwinCallee | null;
  if (kind.kind === 'project') callee = sameCallee(file, call);
  else {
    const api = callbackApiAt(file, call);
    if (api?.result.kind === 'fields') return { reason: 'several-values', message: `The callback is handed to ${file.text.slice(call.callee.range[0], call.callee.range[1])}(…), which calls back with several values; its promise twin resolves to an object of them.`, at };
    if (!api || api.twin.kind === 'global') return { reason: 'callback-escapes', message: 'The callback API\'s twin resolves to something other than the callback\'s one value.', at };
    callee = twinReference(file, call, api.twin, { viaAliasImport: true });
  }
  if (!callee) return { reason: 'callback-escapes', message: 'The promise twin needs a name this file already uses.', at };
  const args = call.arguments.slice(0, -1);
  const first = args[0];
  const last = args[args.length - 1];
  const argsText = first && last ? file.text.slice(first.range[0], last.range[1]) : '';
  const semi = file.text.slice(statement.range[0], statement.range[1]).endsWith(';') ? ';' : '';
  const edits: TextEdit[] = [{ range: statement.range, text: `return ${callee.callee}(${argsText})${semi}` }];
  if (callee.imports.length > 0) {
    const imports = importEdit(file, callee.imports);
    if (!imports) return { reason: 'callback-escapes', message: 'There is no place for the import the twin needs.', at };
    edits.push(...imports.edits);
  }
  return edits;
}

/** The range without a bare `return;` that ends it (and the space before it); the range as it is otherwise. */
function withoutClosingReturn(text: string, [start, end]: readonly [number, number]): readonly [number, number] | null {
  const closing = /\s*\breturn\s*;?$/.exec(text.slice(start, end));
  if (!closing) return [start, end];
  const cut = end - closing[0].length;
  return cut > start ? [start, cut] : null;
}
