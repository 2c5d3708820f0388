/**
 * The array literal given to `Promise.all`, `allSettled`, `any` or `race` on the built-in `Promise`,
 * as eslint-plugin-unicorn's `no-await-in-promise-methods` and `no-single-promise-in-promise-methods`
 * read it: an `await` inside an element makes the call wait for that element before the next one
 * even starts (the concurrency the author asked for is gone); a single element needs no aggregator.
 *
 * Exact from syntax: the only question is whether `Promise` is the global one, which scope answers
 * (unicorn matches the name, so a local `Promise` is reported there, never here).
 */
import type { TSESTree } from '@typescript-eslint/types';
import { planRemoveAwait } from './await-thenable';
import { commentsWithin } from './comments';
import type { Plan, TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { promiseStaticCall } from './promise-methods';
import { nextCodeOffset, previousCodeOffset } from './trivia';
import { isFunctionNode } from './walk';

/** The statics that take an iterable of promises and start nothing themselves. */
const aggregators = new Set(['all', 'allSettled', 'any', 'race']);

/** `Promise.<method>([…])` on the built-in `Promise`, with one array literal and no `?.`: its method, else `null`. */
function aggregatorOfArray(file: AnalysisFile, call: TSESTree.Node | undefined, methods: ReadonlySet<string>): string | null {
  if (call?.type !== 'CallExpression' || call.optional || call.arguments.length !== 1 || call.arguments[0]?.type !== 'ArrayExpression') return null;
  if (call.callee.type !== 'MemberExpression' || call.callee.optional) return null;
  const method = promiseStaticCall(file, call);
  return method !== null && methods.has(method) ? method : null;
}

export interface AwaitInPromiseMethod {
  readonly node: TSESTree.AwaitExpression;
  /** `all`, `allSettled`, `any` or `race`. */
  readonly method: string;
  /**
   * Removing the `await`, a `review` plan (a suggestion): the element then starts together with the
   * others, which is the point, but also changes when its side effects happen. Only where the
   * `await` is the element itself (`[await a(), b()]`, not `[(await a()).b]`), and not where the
   * removal would let two lines run together (see `planRemoveAwait`).
   */
  readonly removeAwait: Plan | null;
}

/**
 * The finding for an `await` inside an element of a `Promise.all/allSettled/any/race([…])` array
 * literal, or `null`: an `await` in a nested function belongs to that function, and of nested
 * `await`s only the outermost is reported.
 */
export function findAwaitInPromiseMethod(file: AnalysisFile, node: TSESTree.AwaitExpression): AwaitInPromiseMethod | null {
  for (let current: TSESTree.Node = node; current.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (isFunctionNode(parent) || parent.type === 'AwaitExpression') return null;
    if (parent.type === 'ArrayExpression') {
      const method = aggregatorOfArray(file, parent.parent, aggregators);
      if (method === null) continue;
      return { node, method, removeAwait: current === node ? planRemoveAwait(file, node) : null };
    }
  }
  return null;
}

/** The statics where one promise alone is the same as the promise: `allSettled` always gives an array of outcomes. */
const singleAggregators = new Set(['all', 'any', 'race']);

export type SinglePromiseSuggestion = 'unwrap' | 'promiseResolve';

export interface SinglePromiseInPromiseMethod {
  readonly call: TSESTree.CallExpression;
  readonly array: TSESTree.ArrayExpression;
  readonly method: string;
  /**
   * unicorn's rewrites, each a `review` plan (a suggestion here; unicorn makes some of them fixes):
   * `unwrap` uses the element directly (`await Promise.race([p])` → `await p`, `const [x] = await
   * Promise.all([p])` → `const x = await p`), `promiseResolve` keeps a promise (`Promise.race([p])` →
   * `Promise.resolve(p)`). Either settles a microtask or two sooner, and `any`'s rejection is no
   * longer an `AggregateError`. Left out where they would drop a comment, or where unwrapping a
   * non-awaited call would hand on something that may not be a promise without saying so.
   */
  readonly suggestions: readonly { readonly kind: SinglePromiseSuggestion; readonly plan: Plan }[];
}

/** Expressions that keep their meaning as `await`'s operand, a callee's object or a statement's start without parentheses. */
const tight = new Set<string>(['Identifier', 'MemberExpression', 'CallExpression', 'ThisExpression', 'Literal', 'TemplateLiteral', 'TaggedTemplateExpression', 'ArrayExpression', 'Super']);

export function findSinglePromiseInPromiseMethod(file: AnalysisFile, call: TSESTree.CallExpression): SinglePromiseInPromiseMethod | null {
  const method = aggregatorOfArray(file, call, singleAggregators);
  if (method === null) return null;
  const array = call.arguments[0] as TSESTree.ArrayExpression;
  const element = array.elements[0];
  if (array.elements.length !== 1 || !element || element.type === 'SpreadElement') return null;
  const suggestions: { kind: SinglePromiseSuggestion; plan: Plan }[] = [];
  const awaited = call.parent.type === 'AwaitExpression' && call.parent.argument === call ? call.parent : null;
  if (awaited) {
    const unwrap = method === 'all' ? planUnwrapAll(file, call, awaited, element) : planUnwrap(file, call, element, [], []);
    if (unwrap) suggestions.push({ kind: 'unwrap', plan: unwrap });
  }
  if (method !== 'all') {
    if (!awaited && isPromiseElement(file, element)) {
      const unwrap = planUnwrap(file, call, element, [], []);
      if (unwrap) suggestions.push({ kind: 'unwrap', plan: unwrap });
    }
    const resolve = planPromiseResolve(file, call, array);
    if (resolve) suggestions.push({ kind: 'promiseResolve', plan: resolve });
  }
  return { call, array, method, suggestions };
}

/** Without an `await` the call's value goes on as a promise: unwrapping keeps that only for an element shown to be one. */
function isPromiseElement(file: AnalysisFile, element: TSESTree.Expression): boolean {
  return file.oracle.promiseKind(element) === 'promise';
}

function hasComments(file: AnalysisFile, start: number, end: number): boolean {
  return commentsWithin(file.comments, start, end).length > 0;
}

/**
 * The call replaced by its element: the text before the element (`Promise.race([`) and after it
 * (`,])`) removed, with parentheses where the element binds looser than a call (`a ?? b`). Not when
 * those parts hold a comment, and not where parentheses would open a statement after a line
 * without a semicolon (ASI would join them).
 */
function planUnwrap(
  file: AnalysisFile,
  call: TSESTree.CallExpression,
  element: TSESTree.Expression,
  extra: readonly TextEdit[],
  extraOwned: readonly TSESTree.Node[],
  extraRemoved: readonly string[] = [],
): Plan | null {
  const [first, last] = parenthesisedRange(file, element);
  if (hasComments(file, call.range[0], first) || hasComments(file, last, call.range[1])) return null;
  const parenthesised = first < element.range[0];
  const wrap = !parenthesised && !tight.has(element.type);
  if (wrap && startsStatement(call)) return null;
  const edits: TextEdit[] = [
    { range: [call.range[0], first], text: wrap ? '(' : '' },
    { range: [last, call.range[1]], text: wrap ? ')' : '' },
    ...extra,
  ];
  const method = call.callee.type === 'MemberExpression' && call.callee.property.type === 'Identifier' ? call.callee.property.name : '';
  return checkedPlan(file, 'review', edits, { owned: [call, ...extraOwned], vocabulary: { added: [], removed: ['Promise', method, ...extraRemoved] } });
}

/**
 * `Promise.all` gives an array: unwrapping fits only where the array is not used (`await
 * Promise.all([p]);`), destructured to one name (`const [x] = await …`, `[x] = await …;`), or read
 * at `[0]` in an initialiser or assignment.
 */
function planUnwrapAll(file: AnalysisFile, call: TSESTree.CallExpression, awaited: TSESTree.AwaitExpression, element: TSESTree.Expression): Plan | null {
  const holder = awaited.parent;
  if (holder.type === 'ExpressionStatement') return planUnwrap(file, call, element, [], []);
  const pattern =
    holder.type === 'VariableDeclarator' && holder.init === awaited
      ? holder.id
      : holder.type === 'AssignmentExpression' && holder.right === awaited && holder.operator === '=' && holder.parent.type === 'ExpressionStatement'
        ? holder.left
        : null;
  if (pattern?.type === 'ArrayPattern') {
    const only = pattern.elements[0];
    if (pattern.typeAnnotation || pattern.elements.length !== 1 || only?.type !== 'Identifier' || only.typeAnnotation) return null;
    if (hasComments(file, pattern.range[0], pattern.range[1])) return null;
    const unpack: TextEdit[] = [
      { range: [pattern.range[0], only.range[0]], text: '' },
      { range: [only.range[1], pattern.range[1]], text: '' },
    ];
    return planUnwrap(file, call, element, unpack, [pattern]);
  }
  // `(await Promise.all([p]))[0]` in an initialiser or an assignment.
  const member = holder.type === 'MemberExpression' && holder.object === awaited ? holder : null;
  if (!member?.computed || member.property.type !== 'Literal' || member.property.value !== 0) return null;
  const place = member.parent;
  const safe = (place.type === 'VariableDeclarator' && place.init === member) || (place.type === 'AssignmentExpression' && place.right === member);
  if (!safe) return null;
  // `(await Promise.all([p]))[0]` → `await p`: the parentheses go with `[0]`.
  const [awaitStart, awaitEnd] = [awaited.range[0], awaited.range[1]];
  if (hasComments(file, member.range[0], awaitStart) || hasComments(file, awaitEnd, member.range[1])) return null;
  const unindex: TextEdit[] = [
    { range: [member.range[0], awaitStart], text: '' },
    { range: [awaitEnd, member.range[1]], text: '' },
  ];
  return planUnwrap(file, call, element, unindex, [member], ['0']);
}

/** `Promise.race([p])` → `Promise.resolve(p)`: the method's name and the brackets (and a trailing comma) go. */
function planPromiseResolve(file: AnalysisFile, call: TSESTree.CallExpression, array: TSESTree.ArrayExpression): Plan | null {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
  const element = array.elements[0] as TSESTree.Expression;
  const [first, last] = parenthesisedRange(file, element);
  if (hasComments(file, array.range[0], first) || hasComments(file, last, array.range[1])) return null;
  const edits: TextEdit[] = [
    { range: callee.property.range, text: 'resolve' },
    { range: [array.range[0], array.range[0] + 1], text: '' },
    // The trailing comma and the closing bracket: everything after the element is punctuation or space.
    { range: [last, array.range[1]], text: '' },
  ];
  return checkedPlan(file, 'review', edits, { owned: [call], vocabulary: { added: ['resolve'], removed: [callee.property.name] } });
}

/**
 * The range of `node` with its own parentheses (`[((x))]` → from the first `(` to the last `)`). Only
 * for an array element or `await`'s place as a member's object, where a `(` right before and a `)`
 * right after can only be the node's own.
 */
function parenthesisedRange(file: AnalysisFile, node: TSESTree.Node): readonly [number, number] {
  let start = node.range[0];
  let end = node.range[1];
  for (;;) {
    const before = previousCodeOffset(file, start);
    const after = nextCodeOffset(file, end);
    if (before < 0 || file.text[before] !== '(' || file.text[after] !== ')') return [start, end];
    start = before;
    end = after + 1;
  }
}

/** Whether `node` starts an expression statement (so a `(` put first could join the previous line). */
function startsStatement(node: TSESTree.Node): boolean {
  let statement: TSESTree.Node | undefined = node.parent;
  while (statement && statement.range[0] === node.range[0] && statement.type !== 'ExpressionStatement') statement = statement.parent;
  return statement?.type === 'ExpressionStatement' && statement.range[0] === node.range[0];
}
