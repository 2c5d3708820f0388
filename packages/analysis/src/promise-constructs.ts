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
