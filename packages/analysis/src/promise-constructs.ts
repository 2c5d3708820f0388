/**
 * Three small judgements of eslint-plugin-promise about the built-in `Promise`, each exact from
 * syntax once scope shows `Promise` is the global one:
 * - `no-return-wrap`: a `then()`/`catch()`/`finally()` handler that returns `Promise.resolve(x)`
 *   (the chain wraps a returned value already) or `Promise.reject(e)` (a `throw` says it);
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
import { nextCodeOffset } from './trivia';
import { skipTransparentWrappers } from './walk';

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
  const name = promiseStaticCall(file, returned);
  if (name !== 'resolve' && (name !== 'reject' || options.allowReject)) return null;
  const fn = nearestFunction(reportNode);
  const chain = fn && handlerChainCall(fn);
  if (!chain) return null;
  const method = methodCallOf(chain);
  if (!method || !isBuiltinPromiseRoot(file, skipTransparentWrappers(method.receiver))) return { silenced: 'not-known-promise' };
  return { node: reportNode, kind: name };
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
  (['resolve', 'reject'] as const).forEach((role, index) => {
    const param = executor.params[index];
    if (param?.type === 'Identifier' && !new RegExp(patterns[role], 'u').test(param.name)) out.push({ param, role, pattern: patterns[role] });
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
