/**
 * Three small judgements of eslint-plugin-promise about the built-in `Promise`, each exact from
 * syntax once scope shows `Promise` is the global one:
 * - `no-return-wrap`: a `then()`/`catch()`/`finally()` handler that returns `Promise.resolve(x)`
 *   (the chain wraps a returned value already) or `Promise.reject(e)` (a `throw` says it), and
 *   unicorn's `no-useless-promise-resolve-reject`, the same judgement extended to async functions,
 *   `yield` and `await`, with the rewrite;
 * - `param-names`: a `new Promise` executor's parameters named as the pattern says;
 * - `no-new-statics`: `new Promise.resolve(x)` and the other statics, which are no constructors.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { Plan } from './edits';
import { promiseExecutorOf } from './executors';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { isBuiltinPromiseRoot, isPromiseMethod, methodCallOf, promiseStaticCall } from './promise-methods';
import { isBuiltinGlobal } from './scope';
import { nextCodeOffset, previousCodeOffset } from './trivia';
import { type FunctionNode, isFunctionNode, skipTransparentWrappers } from './walk';

// no-return-wrap ---------------------------------------------------------------------------------

export interface ReturnWrapOptions {
  /** `return Promise.reject(e)` is allowed (eslint-plugin-promise's `allowReject`, default false). */
  readonly allowReject?: boolean;
}

export interface ReturnWrap {
  /** The `return` statement, or the arrow body's call, where eslint-plugin-promise reports. */
  readonly node: TSESTree.Node;
  readonly kind: 'resolve' | 'reject';
}

/** Why a returned `Promise.resolve`/`Promise.reject` is not reported. */
export const returnWrapSilenceReasons = [
  /** The handler's chain does not start from a value shown to be a built-in promise. */
  'not-known-promise',
] as const;
export type ReturnWrapSilenceReason = (typeof returnWrapSilenceReasons)[number];

/** The function of a handler passed to a promise method, looking through `.bind(…)`; else `null`. */
function handlerChainCall(fn: TSESTree.Node): TSESTree.CallExpression | null {
  let current: TSESTree.Node = fn;
  // `function () {}.bind(this)`: the bound function is the handler.
  while (
    current.parent?.type === 'MemberExpression' &&
    current.parent.object === current &&
    !current.parent.computed &&
    current.parent.property.type === 'Identifier' &&
    current.parent.property.name === 'bind' &&
    current.parent.parent.type === 'CallExpression' &&
    current.parent.parent.callee === current.parent
  ) {
    current = current.parent.parent;
  }
  const parent = current.parent;
  if (parent?.type !== 'CallExpression' || !parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return null;
  const method = methodCallOf(parent);
  return method && isPromiseMethod(method.method) ? parent : null;
}

function nearestFunction(node: TSESTree.Node): TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'FunctionExpression' || current.type === 'ArrowFunctionExpression') return current;
    if (current.type === 'FunctionDeclaration') return null;
  }
  return null;
}

/**
 * Whether `fn` is a handler of `then`/`catch`/`finally`: `'handler'` on a chain shown to start from a
 * built-in promise, `{ silenced }` on a chain nothing shows is a promise, `null` when it is no handler.
 */
function handlerContext(file: AnalysisFile, fn: TSESTree.Node): 'handler' | { readonly silenced: ReturnWrapSilenceReason } | null {
  const chain = handlerChainCall(fn);
  if (!chain) return null;
  const method = methodCallOf(chain);
  if (!method || !isBuiltinPromiseRoot(file, skipTransparentWrappers(method.receiver))) return { silenced: 'not-known-promise' };
  return 'handler';
}

/** `resolve`/`reject` when `call` is `Promise.resolve(…)`/`Promise.reject(…)` on the global `Promise` (and `reject` is not allowed); else `null`. */
function wrapKind(file: AnalysisFile, call: TSESTree.CallExpression, options: ReturnWrapOptions): 'resolve' | 'reject' | null {
  const name = promiseStaticCall(file, call);
  return name === 'resolve' || (name === 'reject' && !options.allowReject) ? name : null;
}

/**
 * Judges a returned call (`return <call>` or an arrow's body): a {@link ReturnWrap} when it is
 * `Promise.resolve(…)`/`Promise.reject(…)` on the global `Promise`, returned by a handler of
 * `then`/`catch`/`finally` on a chain shown to start from a built-in promise; `{ silenced }` for
 * one on a chain nothing shows is a promise; `null` otherwise.
 */
export function judgeReturnWrap(
  file: AnalysisFile,
  returned: TSESTree.CallExpression,
  reportNode: TSESTree.Node,
  options: ReturnWrapOptions = {},
): ReturnWrap | { readonly silenced: ReturnWrapSilenceReason } | null {
  const name = wrapKind(file, returned, options);
  if (!name) return null;
  const fn = nearestFunction(reportNode);
  const context = fn && handlerContext(file, fn);
  if (!context) return null;
  if (context !== 'handler') return context;
  return { node: reportNode, kind: name };
}

// no-useless-promise-resolve-reject --------------------------------------------------------------

export interface UselessPromiseWrap {
  /** The `Promise.resolve`/`Promise.reject` callee, where eslint-plugin-unicorn reports. */
  readonly node: TSESTree.MemberExpression;
  readonly kind: 'resolve' | 'reject';
  /** Whether the wrapped value is returned (or an arrow's body) or yielded. */
  readonly keyword: 'return' | 'yield';
  /**
   * The value itself, or `throw`, in its place; `null` where the rewrite cannot be written (several
   * arguments, a spread, type arguments, a comment it would drop, a rejection inside `try` that the
   * `catch` would then catch, a rejection yielded as part of an expression). `safe` for a resolved
   * value that is awaited anyway — `await Promise.resolve(x)`, or an async generator's `yield`/`return`,
   * which await their operand — since awaiting `Promise.resolve(x)` and `x` is the same promise
   * resolution step for step; `review` otherwise, as the outcome is the same but it settles a few
   * microtask ticks sooner (resolving with a promise costs two more ticks than with a value, and a
   * `throw` rejects at once).
   */
  readonly plan: Plan | null;
}

/** The function around `node`, and whether a `try` statement lies between them. */
function enclosingFunction(node: TSESTree.Node): { fn: FunctionNode | null; inTry: boolean } {
  let inTry = false;
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return { fn: current, inTry };
    if (current.type === 'TryStatement') inTry = true;
  }
  return { fn: null, inTry };
}

/** The place of a `Promise.resolve/reject` call (awaited or not) whose value a function hands back, or `null`. */
function wrapPlace(call: TSESTree.CallExpression): { expression: TSESTree.Expression; place: TSESTree.Node; awaited: boolean } | null {
  const awaited = call.parent.type === 'AwaitExpression' && call.parent.argument === call;
  const expression: TSESTree.Expression = awaited ? (call.parent as TSESTree.AwaitExpression) : call;
  const place = expression.parent;
  if (!place) return null;
  if (place.type === 'ArrowFunctionExpression' && place.body === expression) return { expression, place, awaited };
  if (place.type === 'ReturnStatement' && place.argument === expression) return { expression, place, awaited };
  if (place.type === 'YieldExpression' && !place.delegate && place.argument === expression) return { expression, place, awaited };
  return null;
}

/**
 * `return Promise.resolve(x)`, `return Promise.reject(e)` and their `yield`, arrow-body and awaited
 * forms on the global `Promise`, as eslint-plugin-unicorn's `no-useless-promise-resolve-reject`
 * reports them: inside an `async` function (a `yield` only in an async generator), or in a handler of
 * `then`/`catch`/`finally` on a chain shown to start from a built-in promise — the judgement of
 * `no-return-wrap` ({@link judgeReturnWrap}), which also names the silence on an unknown chain.
 */
export function findUselessPromiseWrap(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  options: ReturnWrapOptions = {},
): UselessPromiseWrap | { readonly silenced: ReturnWrapSilenceReason } | null {
  const callee = call.callee;
  if (call.optional || callee.type !== 'MemberExpression' || callee.optional || callee.computed) return null;
  const kind = wrapKind(file, call, options);
  if (!kind) return null;
  const where = wrapPlace(call);
  if (!where) return null;
  const { fn, inTry } = enclosingFunction(call);
  if (!fn) return null;
  const keyword = where.place.type === 'YieldExpression' ? 'yield' : 'return';
  // A plain generator's `yield` hands the promise itself to its reader.
  if (keyword === 'yield' && !(fn.async && fn.generator)) return null;
  if (!fn.async) {
    const context = handlerContext(file, fn);
    if (!context) return null;
    if (context !== 'handler') return context;
  }
  const awaitedAnyway = kind === 'resolve' && (where.awaited || (fn.async && fn.generator));
  const plan = planUnwrap(file, call, where, kind, inTry, awaitedAnyway ? 'safe' : 'review');
  return { node: callee, kind, keyword, plan };
}

/** Kinds of expression that stay one operand after `await` without parentheses. */
const awaitOperandTypes = new Set<string>([
  'Identifier',
  'Literal',
  'TemplateLiteral',
  'TaggedTemplateExpression',
  'MemberExpression',
  'CallExpression',
  'ChainExpression',
  'NewExpression',
  'ArrayExpression',
  'ObjectExpression',
  'ThisExpression',
  'AwaitExpression',
  'UnaryExpression',
  'MetaProperty',
  'FunctionExpression',
  'ClassExpression',
  'TSNonNullExpression',
]);

function planUnwrap(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  where: { expression: TSESTree.Expression; place: TSESTree.Node; awaited: boolean },
  kind: 'resolve' | 'reject',
  inTry: boolean,
  level: 'safe' | 'review',
): Plan | null {
  const [value, ...rest] = call.arguments;
  if (rest.length > 0 || value?.type === 'SpreadElement' || call.typeArguments) return null;
  const { place, expression, awaited } = where;
  // Inside `try` a `throw` is caught by its own `catch`, a returned rejection is not; a `yield` inside an expression has no statement to become.
  if (kind === 'reject' && (inTry || (place.type === 'YieldExpression' && place.parent.type !== 'ExpressionStatement'))) return null;
  const raw = value ? file.text.slice(value.range[0], value.range[1]) : '';
  const valueText = value?.type === 'SequenceExpression' ? `(${raw})` : raw;
  let range: readonly [number, number];
  let text: string;
  if (kind === 'reject') {
    const thrown = `throw ${valueText || 'undefined'}`;
    if (place.type === 'YieldExpression') [range, text] = [parenthesizedRange(file, place), thrown];
    else if (place.type === 'ArrowFunctionExpression') [range, text] = [parenthesizedRange(file, expression), `{ ${thrown}; }`];
    else [range, text] = [place.range, `${thrown};`];
  } else if (awaited) {
    const needsParens = value !== undefined && value.type !== 'SequenceExpression' && !awaitOperandTypes.has(value.type);
    [range, text] = [parenthesizedRange(file, call), needsParens ? `(${raw})` : valueText || 'undefined'];
  } else if (place.type === 'YieldExpression') {
    [range, text] = [place.range, `yield${valueText ? ' ' : ''}${valueText}`];
  } else if (place.type === 'ReturnStatement') {
    [range, text] = [place.range, `return${valueText ? ' ' : ''}${valueText};`];
  } else {
    // No value: the body becomes `{}`, a block, so parentheses around the call must go with it.
    [range, text] = value ? [call.range, value.type === 'ObjectExpression' ? `(${raw})` : valueText] : [parenthesizedRange(file, call), '{}'];
  }
  // Comments inside the value travel with it; any other comment in the range would be lost.
  const kept = value ? value.range : null;
  if (file.comments.some((c) => c.range[0] >= range[0] && c.range[1] <= range[1] && !(kept && c.range[0] >= kept[0] && c.range[1] <= kept[1]))) return null;
  return checkedPlan(file, level, [{ range, text }], {
    // Parentheses around an arrow body or a yielded rejection go too: the arrow and the statement own them.
    owned: [place.type === 'YieldExpression' ? place.parent : place],
    vocabulary: { added: ['throw', 'undefined'], removed: ['Promise', 'resolve', 'reject', 'await', 'return', 'yield'] },
  });
}

/**
 * `node`'s range with the parentheses wrapped around it, for a node whose parent has no
 * parentheses of its own next to it (an arrow body, an `await` operand, a statement's expression).
 */
function parenthesizedRange(file: AnalysisFile, node: TSESTree.Node): readonly [number, number] {
  let [start, end] = node.range;
  const parent = node.parent;
  for (;;) {
    const before = previousCodeOffset(file, start);
    const after = nextCodeOffset(file, end);
    if (before < 0 || file.text[before] !== '(' || file.text[after] !== ')') return [start, end];
    if (parent && (before < parent.range[0] || after >= parent.range[1])) return [start, end];
    [start, end] = [before, after + 1];
  }
}

// param-names ------------------------------------------------------------------------------------

export interface ParamNamesOptions {
  /** Default `^_?resolve$`. */
  readonly resolvePattern?: string;
  /** Default `^_?reject$`. */
  readonly rejectPattern?: string;
}

export interface MisnamedExecutorParam {
  readonly param: TSESTree.Identifier;
  readonly role: 'resolve' | 'reject';
  readonly pattern: string;
}

/** The executor parameters of `new Promise(executor)` (global `Promise`, one argument) whose names do not match the patterns. */
export function findMisnamedExecutorParams(file: AnalysisFile, node: TSESTree.NewExpression, options: ParamNamesOptions = {}): MisnamedExecutorParam[] {
  if (node.arguments.length !== 1) return [];
  const executor = promiseExecutorOf(file, node);
  if (!executor) return [];
  const patterns = { resolve: options.resolvePattern ?? '^_?resolve$', reject: options.rejectPattern ?? '^_?reject$' };
  const out: MisnamedExecutorParam[] = [];
  // Names the executor uses from outside (`let resolve; new Promise((res) => (resolve = res))`): a
  // parameter renamed to one of them would hide it, so a name the pattern allows is taken.
  const outer = file.scopeManager.acquire(executor)?.through.map((r) => r.identifier.name) ?? [];
  (['resolve', 'reject'] as const).forEach((role, index) => {
    const param = executor.params[index];
    const pattern = new RegExp(patterns[role], 'u');
    if (param?.type !== 'Identifier' || pattern.test(param.name)) return;
    if (outer.some((name) => pattern.test(name))) return;
    out.push({ param, role, pattern: patterns[role] });
  });
  return out;
}

// no-new-statics ---------------------------------------------------------------------------------

const promiseStatics = new Set(['all', 'allSettled', 'any', 'race', 'reject', 'resolve', 'try', 'withResolvers']);

export interface NewStatic {
  readonly node: TSESTree.NewExpression;
  readonly name: string;
  /**
   * Removing `new`: a `review` plan. `new Promise.resolve(x)` throws a TypeError (the statics are no
   * constructors), so removing it changes what runs — what the code meant, but not a fix.
   */
  readonly plan: Plan;
}

/** `new Promise.<static>(…)` on the global `Promise`, or `null`. */
export function findNewStatic(file: AnalysisFile, node: TSESTree.NewExpression): NewStatic | null {
  const callee = skipTransparentWrappers(node.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
  if (!promiseStatics.has(callee.property.name)) return null;
  const object = skipTransparentWrappers(callee.object);
  if (object.type !== 'Identifier' || object.name !== 'Promise' || !isBuiltinGlobal(file.scopeManager, object, 'Promise')) return null;
  // `new` and the space after it; comments between `new` and the callee stay.
  const keywordEnd = node.range[0] + 3;
  const calleeStart = nextCodeOffset(file, keywordEnd);
  const spaceEnd = /^\s*/.exec(file.text.slice(keywordEnd, calleeStart))?.[0].length ?? 0;
  // Without arguments `new Promise.resolve` has no call to keep: adding `()` is beyond removing a word.
  const plan =
    node.arguments.length === 0 && file.text.slice(node.range[1] - 1, node.range[1]) !== ')'
      ? checkedPlan(file, 'review', [{ range: [node.range[0], keywordEnd + spaceEnd], text: '' }, { range: [node.range[1], node.range[1]], text: '()' }], {
          owned: [node],
          vocabulary: { added: [], removed: ['new'] },
        })
      : checkedPlan(file, 'review', [{ range: [node.range[0], keywordEnd + spaceEnd], text: '' }], {
          owned: [node],
          vocabulary: { added: [], removed: ['new'] },
        });
  return { node, name: callee.property.name, plan };
}

export interface TrivialPromiseConstructor {
  readonly node: TSESTree.NewExpression;
  /** What the executor does at once: `resolve` or `reject` with one simple value (or none). */
  readonly method: 'resolve' | 'reject';
  /**
   * `Promise.resolve(x)` / `Promise.reject(x)` in its place, or `null` where type annotations, a
   * comment or a `new (new Promise(…))` would not survive. `safe` for no value, a literal, a template
   * without expressions or the global `undefined`: the new promise settles the same way with the same
   * value. `review` for a name: `Promise.resolve(p)` of a promise is `p` itself rather than a new
   * promise following it, and a name read before its declaration throws at once instead of rejecting.
   */
  readonly plan: Plan | null;
}

/** The one call an executor makes: an arrow's expression body, or a body of one expression statement. */
function onlyCallOf(executor: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): TSESTree.CallExpression | null {
  const body = executor.body;
  let expression: TSESTree.Node | undefined = body;
  if (body.type === 'BlockStatement') {
    const [only, ...rest] = body.body;
    expression = rest.length === 0 && only?.type === 'ExpressionStatement' ? only.expression : undefined;
  }
  return expression?.type === 'CallExpression' ? expression : null;
}

/**
 * `new Promise((resolve) => resolve(x))` and `new Promise((_, reject) => reject(e))` on the built-in
 * `Promise`, with `x` a name, a literal, a template without expressions or nothing, as
 * eslint-plugin-unicorn's `prefer-promise-static-methods` reports it; else `null`.
 */
export function findTrivialPromiseConstructor(file: AnalysisFile, node: TSESTree.NewExpression): TrivialPromiseConstructor | null {
  if (node.arguments.length !== 1) return null;
  const executor = promiseExecutorOf(file, node);
  if (!executor || executor.async || executor.generator) return null;
  const params = executor.params;
  if (params.length === 0 || params.length > 2) return null;
  const names: string[] = [];
  for (const param of params) {
    if (param.type !== 'Identifier' || param.name === 'this') return null;
    names.push(param.name);
  }
  if (names.length === 2 && names[0] === names[1]) return null;
  const call = onlyCallOf(executor);
  if (!call || call.optional || call.callee.type !== 'Identifier' || call.arguments.length > 1) return null;
  const method = call.callee.name === names[0] ? 'resolve' : names.length === 2 && call.callee.name === names[1] ? 'reject' : null;
  if (method === null) return null;
  const value = call.arguments[0];
  if (value) {
    if (value.type === 'SpreadElement') return null;
    const simple = value.type === 'Identifier' || value.type === 'Literal' || (value.type === 'TemplateLiteral' && value.expressions.length === 0);
    if (!simple) return null;
    if (value.type === 'Identifier') {
      const own = names.includes(value.name) || (executor.type === 'FunctionExpression' && (value.name === 'arguments' || executor.id?.name === value.name));
      if (own) return null;
    }
  }
  return { node, method, plan: planStaticPromise(file, node, executor, method, value ?? null, names) };
}

function planStaticPromise(
  file: AnalysisFile,
  node: TSESTree.NewExpression,
  executor: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
  method: 'resolve' | 'reject',
  value: TSESTree.Expression | null,
  names: readonly string[],
): Plan | null {
  if (executor.params.some((p) => p.type === 'Identifier' && p.typeAnnotation) || executor.returnType || executor.typeParameters) return null;
  // `Promise.resolve<T>` takes a value or a promise of `T`: a type argument written for the constructor may not fit it.
  if (method === 'resolve' && node.typeArguments) return null;
  // `new (new Promise(…))()` would become `new Promise.reject(…)()`.
  if (node.parent.type === 'NewExpression' && node.parent.callee === node) return null;
  const keep = value ? value.range : null;
  const comments = file.comments.filter((c) => c.range[0] >= node.range[0] && c.range[1] <= node.range[1] && !(keep && c.range[0] >= keep[0] && c.range[1] <= keep[1]));
  if (comments.length > 0) return null;
  const typeArguments = node.typeArguments ? file.text.slice(node.typeArguments.range[0], node.typeArguments.range[1]) : '';
  const valueText = value ? file.text.slice(value.range[0], value.range[1]) : '';
  const globalUndefined = value?.type === 'Identifier' && value.name === 'undefined' && isBuiltinGlobal(file.scopeManager, value, 'undefined');
  const level = value === null || value.type !== 'Identifier' || globalUndefined ? 'safe' : 'review';
  return checkedPlan(file, level, [{ range: node.range, text: `Promise.${method}${typeArguments}(${valueText})` }], {
    owned: [node],
    vocabulary: { added: [method], removed: ['new', 'function', ...names] },
  });
}
