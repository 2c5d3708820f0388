/**
 * Async callbacks given to methods that do not wait for them: `xs.forEach(async …)`,
 * `xs.filter(async …)`, `xs.sort(async …)`, a `map(async …)` whose result is dropped, the same
 * methods of `Iterator.prototype`, and lodash/underscore's collection functions resolved through
 * imports. The receiver is an array shown by the type oracle (a literal, `Array.from`,
 * `Object.keys`, an array method's result, a declared array type), or — unless proof is required —
 * any receiver whose method is one of these, as long as nothing shows it is something else (a Node
 * stream, whose methods take async callbacks; a promise library's `map`).
 */
import type { TSESTree } from '@typescript-eslint/types';
import {
  arrayCallbackMethods,
  type AsyncCallbackHarm,
  collectionLibraries,
  collectionLibraryFunctions,
} from './catalogues/array-callbacks';
import { type Plan, refusedPlan, type TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { isReadableStream } from './limiter-calls';
import { resolveModuleMember, staticPropertyName } from './modules';
import { isBuiltinGlobal } from './scope';
import { type FunctionNode, isFunctionNode, skipTransparentWrappers, usesThis, walk } from './walk';

/**
 * Why an async callback of a catalogued method is not reported:
 * - `map-result-used`: a `map` whose result is kept, returned or passed on (to `Promise.all`): its promises are not lost;
 * - `reduce-promise-chain`: a `reduce` whose callback awaits its accumulator: the deliberate sequential chain;
 * - `stream-method`: the receiver is a Node `Readable`, whose `map`/`filter`/`forEach` wait for async callbacks;
 * - `promise-library`: the receiver is a promise (Bluebird's `map`/`filter`/`each` on a promise wait for the callback);
 * - `own-async-method`: the method is shown to return a promise (a class's own `async forEach`): it is no array method, and it may await the callback;
 * - `not-an-array`: the type checker shows the receiver is no array;
 * - `receiver-unproven`: `requireArrayProof` is set and nothing shows the receiver is an array or an iterator.
 */
export const asyncCallbackSilenceReasons = [
  'map-result-used',
  'reduce-promise-chain',
  'stream-method',
  'promise-library',
  'own-async-method',
  'not-an-array',
  'receiver-unproven',
] as const;

export type AsyncCallbackSilenceReason = (typeof asyncCallbackSilenceReasons)[number];

export interface AsyncArrayCallback {
  readonly call: TSESTree.CallExpression;
  readonly callback: TSESTree.Expression;
  /** The method or library function as written: `forEach`, `_.filter`. */
  readonly method: string;
  readonly harm: AsyncCallbackHarm;
  /** `forEach` (or a dropped `map`) rewritten as a sequential `for…of` with `await`: `review`, or refused. */
  readonly forOf: Plan;
  /** `forEach` (or a dropped `map`) rewritten as `await Promise.all(xs.map(…))`: `review`, or refused. */
  readonly promiseAll: Plan;
}

export interface AsyncArrayCallbackOptions {
  /** Report only receivers shown to be arrays or iterators (default `false`: any receiver of these methods, unless shown to be something else). */
  readonly requireArrayProof?: boolean;
}

// Maps, not the records themselves: a lookup by a name from the code must not find `constructor` or
// `hasOwnProperty` on Object.prototype.
const methodHarms: ReadonlyMap<string, AsyncCallbackHarm> = new Map(Object.entries(arrayCallbackMethods));
const libraryHarms: ReadonlyMap<string, AsyncCallbackHarm> = new Map(Object.entries(collectionLibraryFunctions));
const libraries: ReadonlySet<string> = new Set(collectionLibraries);

/** Whether a call could be one of these at all, from its shape alone: the listener's gate before any scope or oracle question. */
export function mayTakeAsyncArrayCallback(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  const name = callee.type === 'MemberExpression' ? staticPropertyName(callee) : callee.type === 'Identifier' ? callee.name : null;
  if (name === null) return false;
  if (callee.type === 'MemberExpression' && methodHarms.has(name) && mayBeAsyncFunction(call.arguments[0])) return true;
  return libraryHarms.has(name) && mayBeAsyncFunction(call.arguments[1]);
}

function mayBeAsyncFunction(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') return node.async && !node.generator;
  return node.type === 'Identifier' || node.type === 'MemberExpression';
}

/** Whether the callback returns a promise: an `async` function expression, or a name the oracle shows returns one. */
function isAsyncCallback(file: AnalysisFile, node: TSESTree.Node | undefined): node is TSESTree.Expression {
  if (!node || node.type === 'SpreadElement') return false;
  if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') return node.async && !node.generator;
  if (node.type !== 'Identifier' && node.type !== 'MemberExpression') return false;
  return file.oracle.returnsPromise(node) === 'yes';
}

/**
 * The finding for one call, a silence reason, or `null` when the call is none of these (no async
 * callback, another method, a library function that does not resolve to lodash or underscore).
 */
export function asyncArrayCallbackAt(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  options: AsyncArrayCallbackOptions = {},
): AsyncArrayCallback | AsyncCallbackSilenceReason | null {
  if (!mayTakeAsyncArrayCallback(call)) return null;
  const callee = call.callee;
  if (callee.type === 'MemberExpression') {
    const name = staticPropertyName(callee) as string;
    const harm = methodHarms.get(name);
    const callback = call.arguments[0];
    if (harm && isAsyncCallback(file, callback)) {
      const receiver = callee.object;
      // An array method never returns a promise; a method declared to is the receiver's own.
      if (file.oracle.returnsPromise(callee) === 'yes') return 'own-async-method';
      const proof = receiverProof(file, receiver, options.requireArrayProof ?? false);
      const reason = typeof proof === 'string' ? proof : usageReason(file, name, call, callback);
      if (reason) return reason;
      return finding(file, call, callback, name, harm, receiver, proof === true);
    }
  }
  // `_.forEach(xs, async …)`, `forEach(xs, async …)` from lodash or underscore.
  const member = callee.type === 'Identifier' || callee.type === 'MemberExpression' ? resolveModuleMember(file.scopeManager, callee) : null;
  if (!member) return null;
  const slash = member.module.indexOf('/');
  const pkg = slash > 0 ? member.module.slice(0, slash) : member.module;
  const name = slash > 0 && member.path.length === 0 ? member.module.slice(slash + 1) : member.path.length === 1 ? member.path[0] : undefined;
  if (!libraries.has(pkg) || name === undefined || member.module === 'lodash/fp') return null;
  const harm = libraryHarms.get(name);
  const callback = call.arguments[1];
  if (!harm || !isAsyncCallback(file, callback)) return null;
  const method = name === 'collect' ? 'map' : name;
  const reason = usageReason(file, method, call, callback);
  if (reason) return reason;
  const written = callee.type === 'MemberExpression' && callee.object.type === 'Identifier' ? `${callee.object.name}.${name}` : name;
  const noPlan = refusedPlan({ reason: 'unsupported-call-shape', message: `A rewrite is offered for the method form \`xs.forEach(…)\`, not for \`${written}(…)\`.` });
  return { call, callback, method: written, harm, forOf: noPlan, promiseAll: noPlan };
}

/**
 * Why the receiver keeps the call quiet; else `true` when it is shown to be an array or iterator
 * (the rewrites need that: a `Map`'s `forEach` is no `for…of`), `false` when nothing shows what it is.
 */
function receiverProof(file: AnalysisFile, receiver: TSESTree.Expression, requireProof: boolean): AsyncCallbackSilenceReason | boolean {
  const core = skipTransparentWrappers(receiver);
  const isArray = file.oracle.isArray(receiver);
  if (isArray === 'yes' || isIteratorShown(file, core)) return true;
  if (isArray === 'no' && file.oracle.source === 'types') return 'not-an-array';
  if (isReadableStream(file.scopeManager, core)) return 'stream-method';
  if (file.oracle.isPromiseLike(receiver) === 'yes') return 'promise-library';
  return requireProof ? 'receiver-unproven' : false;
}

/** `Iterator.from(…)`, or `.values()`/`.keys()`/`.entries()` of an array: an iterator with the helpers. */
function isIteratorShown(file: AnalysisFile, node: TSESTree.Expression): boolean {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return false;
  const name = staticPropertyName(node.callee);
  const object = node.callee.object;
  if (name === 'from' && object.type === 'Identifier' && object.name === 'Iterator') return isBuiltinGlobal(file.scopeManager, object, 'Iterator');
  return (name === 'values' || name === 'keys' || name === 'entries') && file.oracle.isArray(object) === 'yes';
}

/** `map` reports only when its result is dropped; `reduce` not when the callback awaits its accumulator. */
function usageReason(file: AnalysisFile, method: string, call: TSESTree.CallExpression, callback: TSESTree.Expression): AsyncCallbackSilenceReason | null {
  if (method === 'map') return isDiscarded(call) ? null : 'map-result-used';
  if ((method === 'reduce' || method === 'reduceRight' || method === 'inject' || method === 'foldl' || method === 'foldr') && awaitsAccumulator(file, callback)) {
    return 'reduce-promise-chain';
  }
  return null;
}

/** Whether the call's value is dropped: an expression statement of its own, or `void`. */
function isDiscarded(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent?.type === 'ChainExpression' || node.parent?.type === 'TSNonNullExpression') node = node.parent;
  const parent = node.parent;
  return parent?.type === 'ExpressionStatement' || (parent?.type === 'UnaryExpression' && parent.operator === 'void');
}

/** Whether an async reducer awaits its first parameter (`await acc`, `(await acc).concat(…)`). */
function awaitsAccumulator(file: AnalysisFile, callback: TSESTree.Expression): boolean {
  if (!isFunctionNode(callback)) return true;
  const first = callback.params[0];
  const name = first?.type === 'Identifier' ? first.name : first?.type === 'AssignmentPattern' && first.left.type === 'Identifier' ? first.left.name : null;
  if (name === null) return false;
  let found = false;
  walk(callback.body, file.visitorKeys, (node) => {
    if (found || (node !== callback.body && isFunctionNode(node))) return false;
    if (node.type === 'AwaitExpression') {
      const argument = skipTransparentWrappers(node.argument);
      if (argument.type === 'Identifier' && argument.name === name) found = true;
    }
    return !found;
  });
  return found;
}


function finding(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  callback: TSESTree.Expression,
  method: string,
  harm: AsyncCallbackHarm,
  receiver: TSESTree.Expression,
  proven: boolean,
): AsyncArrayCallback {
  const rewritable = (method === 'forEach' || method === 'map') && proven;
  const noPlan = refusedPlan(
    proven
      ? { reason: 'unsupported-call-shape', message: `\`${method}\` has no loop or \`Promise.all\` form that keeps what it computes.` }
      : { reason: 'unsupported-call-shape', message: 'Nothing shows the receiver is an array, and a `Map` or `Set` iterates otherwise: rewrite it by hand.' },
  );
  return {
    call,
    callback,
    method,
    harm,
    forOf: rewritable && method === 'forEach' ? planForOf(file, call, callback, receiver) : noPlan,
    promiseAll: rewritable ? planPromiseAllOfMap(file, call, method) : noPlan,
  };
}

/** The statement the call is, when it is one on its own (`xs.forEach(…);`). */
function statementOf(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | null {
  const parent = call.parent;
  return parent?.type === 'ExpressionStatement' && parent.expression === call ? parent : null;
}

/** The nearest enclosing function, if it is `async` (an `await` can be added there). */
function awaitableHere(call: TSESTree.Node): boolean {
  for (let node = call.parent; node; node = node.parent) {
    if (isFunctionNode(node)) return node.async;
  }
  // Module top level: only an ES module can await there.
  return false;
}

const notAwaitable = (): Plan =>
  refusedPlan({ reason: 'not-awaitable-here', message: 'The enclosing function is not async, so the call cannot be awaited there; make it async first (its callers then get a promise).' });

/** Comments inside `outer` that lie in none of `kept`: a rewrite that keeps only `kept` would drop them. */
function dropsComment(file: AnalysisFile, outer: TSESTree.Node, kept: readonly TSESTree.Node[]): boolean {
  return file.comments.some(
    (c) => c.range[0] >= outer.range[0] && c.range[1] <= outer.range[1] && !kept.some((k) => c.range[0] >= k.range[0] && c.range[1] <= k.range[1]),
  );
}

/** `xs.forEach(async (x) => { … });` → `for (const x of xs) { … }`, awaiting in turn what each call did. */
function planForOf(file: AnalysisFile, call: TSESTree.CallExpression, callback: TSESTree.Expression, receiver: TSESTree.Expression): Plan {
  const statement = statementOf(call);
  if (!statement || call.optional || call.callee.type !== 'MemberExpression' || call.callee.optional || call.arguments.length !== 1) {
    return refusedPlan({ reason: 'unsupported-call-shape', message: 'Only a `forEach` call standing as a statement of its own, with one argument, becomes a loop.' });
  }
  if (!awaitableHere(call)) return notAwaitable();
  if (!isFunctionNode(callback)) {
    return refusedPlan({ reason: 'unsupported-call-shape', message: 'The callback is a name, not a function written here; a loop needs its body.' });
  }
  const fn: FunctionNode = callback;
  const param = fn.params[0];
  if (
    fn.params.length !== 1 ||
    !param ||
    (param.type !== 'Identifier' && param.type !== 'ObjectPattern' && param.type !== 'ArrayPattern') ||
    ('typeAnnotation' in param && param.typeAnnotation) ||
    (fn.type === 'FunctionExpression' && (usesThis(fn.body, file.visitorKeys) || readsArguments(file, fn))) ||
    hasOwnReturn(file, fn) ||
    skipTransparentWrappers(receiver).type === 'SequenceExpression'
  ) {
    return refusedPlan({
      reason: 'unsupported-call-shape',
      message: 'The callback takes the index or array too, has a typed parameter, returns early or uses its own `this`: a loop would not mean the same.',
    });
  }
  const scopeProblem = loopScopeProblem(file, fn, receiver);
  if (scopeProblem !== null) return refusedPlan({ reason: 'loop-scope-differs', message: scopeProblem });
  const body = fn.body;
  if (dropsComment(file, statement, [receiver, param, body])) {
    return refusedPlan({ reason: 'would-drop-comment', message: 'A comment between the call and its callback would be lost.' });
  }
  const text = file.text;
  const source = (node: TSESTree.Node) => text.slice(node.range[0], node.range[1]);
  const loopBody = body.type === 'BlockStatement' ? source(body) : `${awaitedStatementText(body, source(body))};`;
  // A parameter the body assigns stays assignable: `let` gives each iteration its own binding, as each call had.
  const declaration = writesParameter(file, fn) ? 'let' : 'const';
  const edit: TextEdit = { range: statement.range, text: `for (${declaration} ${source(param)} of ${source(receiver)}) ${loopBody}` };
  return checkedPlan(file, 'review', [edit], {
    owned: [statement],
    vocabulary: { added: ['for', declaration, 'of', 'await'], removed: ['forEach', 'async', 'function'] },
  });
}

/** Expressions `await` binds tighter than: `await a ? b : c` would await `a` alone, so those are parenthesised. */
const awaitOperandTypes: ReadonlySet<string> = new Set([
  'CallExpression',
  'NewExpression',
  'MemberExpression',
  'ChainExpression',
  'Identifier',
  'Literal',
  'TemplateLiteral',
  'TaggedTemplateExpression',
  'ArrayExpression',
  'ObjectExpression',
  'ThisExpression',
  'UnaryExpression',
  'AwaitExpression',
]);

/** An expression body as a loop statement that awaits what the callback returned. */
function awaitedStatementText(body: TSESTree.Expression, text: string): string {
  if (body.type === 'AwaitExpression') return text;
  return awaitOperandTypes.has(body.type) ? `await ${text}` : `await (${text})`;
}

/** Whether the callback's body assigns one of its parameters' bindings. */
function writesParameter(file: AnalysisFile, fn: FunctionNode): boolean {
  const [start, end] = fn.body.range;
  return file.scopeManager
    .getDeclaredVariables(fn)
    .some((variable) => variable.references.some((ref) => ref.isWrite() && ref.identifier.range[0] >= start && ref.identifier.range[1] <= end));
}

/**
 * Why the callback's body, moved into a loop in the enclosing function, would not see or do what it
 * did as a function of its own; `null` when nothing shows a difference:
 * a `var` (or, outside strict code, a function declaration) would be hoisted into the enclosing
 * function; a named function expression may call itself; the receiver reads a name the parameter
 * binds (in `for (const x of x)` it is not yet initialised); the body reads or changes the receiver
 * itself (`for…of` sees elements added during the loop, `forEach` does not); a sparse receiver
 * (`[a, , b]`, `new Array(n)`), whose holes `forEach` skips and `for…of` visits.
 */
function loopScopeProblem(file: AnalysisFile, fn: FunctionNode, receiver: TSESTree.Expression): string | null {
  if (fn.type === 'FunctionExpression' && fn.id) return `The callback is a named function expression (\`${fn.id.name}\`) that could refer to itself; a loop has no such name.`;
  const hoisted = hoistedDeclarationIn(file, fn);
  if (hoisted !== null) return `The callback declares ${hoisted}, which in a loop would belong to the enclosing function.`;
  const core = skipTransparentWrappers(receiver);
  if (core.type === 'ArrayExpression' && core.elements.some((e) => e === null)) return 'The array literal has holes: `forEach` skips them, `for…of` visits them.';
  if ((core.type === 'NewExpression' || core.type === 'CallExpression') && core.callee.type === 'Identifier' && core.callee.name === 'Array') {
    return '`Array(n)` makes holes: `forEach` skips them, `for…of` visits them.';
  }
  const names = new Set(file.scopeManager.getDeclaredVariables(fn).map((v) => v.name));
  if (referencesName(file, receiver, (name) => names.has(name))) return 'The receiver reads a name the callback’s parameter binds; in the loop head it would read the loop variable.';
  return receiverReadInCallback(file, fn, receiver, '`for…of` sees elements added during the loop, `forEach` does not');
}

/**
 * Why iterating `receiver` otherwise than `forEach` does could visit other elements — holes, which
 * `forEach` skips, or a callback that reads or changes the receiver while the calls run — or
 * `null`. For `foreach-async-to-for-of --concurrent`'s bounded form (`planBoundedForEach`).
 */
export function forEachReceiverProblem(file: AnalysisFile, fn: FunctionNode, receiver: TSESTree.Expression): string | null {
  const core = skipTransparentWrappers(receiver);
  if (core.type === 'ArrayExpression' && core.elements.some((e) => e === null)) return 'The array literal has holes: `forEach` skips them, a bounded map visits them.';
  if ((core.type === 'NewExpression' || core.type === 'CallExpression') && core.callee.type === 'Identifier' && core.callee.name === 'Array') {
    return '`Array(n)` makes holes: `forEach` skips them, a bounded map visits them.';
  }
  return receiverReadInCallback(file, fn, receiver, '`forEach` starts every call before any of them resumes, a bounded map starts later calls after earlier ones ran');
}

function receiverReadInCallback(file: AnalysisFile, fn: FunctionNode, receiver: TSESTree.Expression, why: string): string | null {
  const core = skipTransparentWrappers(receiver);
  const receiverText = file.text.slice(core.range[0], core.range[1]);
  if (core.type === 'Identifier' ? referencesName(file, fn.body, (name) => name === core.name) : core.type === 'MemberExpression' && containsText(file, fn.body, receiverText)) {
    return `The callback reads or changes \`${receiverText}\` itself: ${why}.`;
  }
  return null;
}

/** `var`, or outside strict code a function declaration, in the callback's own body: what a loop would hoist into the enclosing function. */
function hoistedDeclarationIn(file: AnalysisFile, fn: FunctionNode): string | null {
  const strict = file.ast.sourceType === 'module';
  const found: { kind: string | null } = { kind: null };
  walk(fn.body, file.visitorKeys, (node) => {
    if (found.kind !== null || (node !== fn.body && isFunctionNode(node) && node.type !== 'FunctionDeclaration')) return false;
    if (node.type === 'VariableDeclaration' && node.kind === 'var') found.kind = '`var`';
    else if (node.type === 'FunctionDeclaration') {
      if (!strict) found.kind = 'a function declaration';
      return false;
    }
    return found.kind === null;
  });
  return found.kind;
}

/** Whether `root` holds an identifier read as a value (not a property name) that `test` accepts. */
function referencesName(file: AnalysisFile, root: TSESTree.Node, test: (name: string) => boolean): boolean {
  let found = false;
  walk(root, file.visitorKeys, (node) => {
    if (found) return false;
    if (node.type === 'Identifier' && test(node.name)) {
      const parent = node.parent;
      const propertyName =
        (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
        (parent?.type === 'Property' && parent.key === node && !parent.computed && !parent.shorthand);
      if (!propertyName) found = true;
    }
    return !found;
  });
  return found;
}

/** Whether `root` holds a member expression written exactly as `wanted`. */
function containsText(file: AnalysisFile, root: TSESTree.Node, wanted: string): boolean {
  let found = false;
  walk(root, file.visitorKeys, (node) => {
    if (found) return false;
    if (node.type === 'MemberExpression' && node.range[1] - node.range[0] === wanted.length && file.text.slice(node.range[0], node.range[1]) === wanted) found = true;
    return !found;
  });
  return found;
}

/** `xs.forEach(async …)` → `await Promise.all(xs.map(async …))`; a dropped `xs.map(async …)` → `await Promise.all(xs.map(async …))`. */
function planPromiseAllOfMap(file: AnalysisFile, call: TSESTree.CallExpression, method: string): Plan {
  const statement = statementOf(call);
  const callee = call.callee;
  if (!statement || call.optional || callee.type !== 'MemberExpression' || callee.optional || callee.computed) {
    return refusedPlan({ reason: 'unsupported-call-shape', message: 'Only a call standing as a statement of its own becomes an awaited `Promise.all`.' });
  }
  if (!awaitableHere(call)) return notAwaitable();
  if (!isBuiltinGlobal(file.scopeManager, call, 'Promise')) {
    return refusedPlan({ reason: 'promise-shadowed', message: 'A local binding named `Promise` shadows the global one here.' });
  }
  const edits: TextEdit[] = [
    { range: [call.range[0], call.range[0]], text: 'await Promise.all(' },
    { range: [call.range[1], call.range[1]], text: ')' },
  ];
  if (method === 'forEach') edits.push({ range: callee.property.range, text: 'map' });
  return checkedPlan(file, 'review', edits, {
    owned: [statement],
    vocabulary: { added: ['await', 'Promise', 'all', 'map'], removed: ['forEach'] },
  });
}

function hasOwnReturn(file: AnalysisFile, fn: FunctionNode): boolean {
  let found = false;
  walk(fn.body, file.visitorKeys, (node) => {
    if (found || (node !== fn.body && isFunctionNode(node))) return false;
    if (node.type === 'ReturnStatement') found = true;
    return !found;
  });
  return found;
}

function readsArguments(file: AnalysisFile, fn: FunctionNode): boolean {
  let found = false;
  walk(fn.body, file.visitorKeys, (node) => {
    if (found || (node !== fn.body && (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration'))) return false;
    if (node.type === 'Identifier' && node.name === 'arguments') found = true;
    return !found;
  });
  return found;
}

/** Whether the finding is a `forEach` (`xs.forEach`, an iterator's, lodash's or underscore's `forEach`/`each`): what `foreach-async-to-for-of` converts or refuses. */
export function isForEachCallback(found: AsyncArrayCallback): boolean {
  return /(?:^|\.)(?:forEach|each)$/.test(found.method);
}

/** Every finding in the file, for codemods and tests; the rule asks {@link asyncArrayCallbackAt} per call instead. */
export function findAsyncArrayCallbacks(file: AnalysisFile, options: AsyncArrayCallbackOptions = {}): AsyncArrayCallback[] {
  const found: AsyncArrayCallback[] = [];
  walk(file.ast, file.visitorKeys, (node) => {
    if (node.type === 'CallExpression' && mayTakeAsyncArrayCallback(node)) {
      const result = asyncArrayCallbackAt(file, node, options);
      if (result !== null && typeof result !== 'string') found.push(result);
    }
    return true;
  });
  return found;
}
