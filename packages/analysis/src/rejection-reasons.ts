/**
 * Rejection reasons that are not `Error`s: `reject('failed')` in a built-in Promise executor, or
 * `Promise.reject({ code })`. Whoever catches it gets no stack trace and no `message`.
 *
 * The judgement is ESLint core's `prefer-promise-reject-errors` without types (a reason is reported
 * only when its syntax shows it can never be an `Error`: literals, templates, object and array
 * literals, arithmetic, `undefined`) and typescript-eslint's with them (reported unless its type is
 * an `Error`), asked of the {@link TypeOracle}'s `errorKind`.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { promiseExecutorOf } from './executors';
import type { AnalysisFile } from './file';
import { isBuiltinGlobal } from './scope';

export interface RejectionReasonOptions {
  /** `reject()` and `Promise.reject()` without an argument are allowed (default false). */
  readonly allowEmptyReject?: boolean;
  /** With types: a reason typed `any` is allowed (default false). */
  readonly allowThrowingAny?: boolean;
  /** With types: a reason typed `unknown` is allowed (default false). */
  readonly allowThrowingUnknown?: boolean;
}

function isStaticReject(callee: TSESTree.Expression): callee is TSESTree.MemberExpression {
  if (callee.type !== 'MemberExpression') return false;
  const property = callee.property;
  if (!callee.computed) return property.type === 'Identifier' && property.name === 'reject';
  if (property.type === 'Literal') return property.value === 'reject';
  return property.type === 'TemplateLiteral' && property.expressions.length === 0 && property.quasis[0]?.value.cooked === 'reject';
}

/** `Promise.reject(…)` (also `Promise?.reject`, `Promise['reject']`) on the built-in `Promise`. */
export function isPromiseRejectCall(file: AnalysisFile, call: TSESTree.CallExpression): boolean {
  const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
  if (!isStaticReject(callee)) return false;
  const object = callee.object;
  return object.type === 'Identifier' && object.name === 'Promise' && isBuiltinGlobal(file.scopeManager, object, 'Promise');
}

/** The calls of an executor's `reject` parameter (`new Promise((resolve, reject) => …)`), in source order. */
export function rejectCallsOf(file: AnalysisFile, node: TSESTree.NewExpression): TSESTree.CallExpression[] {
  const executor = promiseExecutorOf(file, node);
  const param = executor?.params[1];
  if (!executor || param?.type !== 'Identifier') return [];
  // With duplicate parameter names (sloppy mode), the second one wins: it is the reject function.
  const variable = file.scopeManager.getDeclaredVariables(executor).find((v) => v.name === param.name);
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable?.references ?? []) {
    const parent = reference.identifier.parent;
    if (reference.isRead() && parent?.type === 'CallExpression' && parent.callee === reference.identifier) calls.push(parent);
  }
  return calls.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * Whether a call that rejects a promise (`reject(x)`, `Promise.reject(x)`) rejects with something
 * that is not an `Error`: `'yes'` when shown, `'no'` when it is one or allowed, `'unknown'` when
 * nothing shows what it is (a name, a call, a member: without types, the rule stays quiet).
 */
export function rejectsWithNonError(file: AnalysisFile, call: TSESTree.CallExpression, options: RejectionReasonOptions = {}): 'yes' | 'no' | 'unknown' {
  const reason = call.arguments[0];
  if (!reason) return options.allowEmptyReject ? 'no' : 'yes';
  // `reject(...reasons)`: what the first element is, no syntax tells.
  if (reason.type === 'SpreadElement') return 'unknown';
  switch (file.oracle.errorKind(reason)) {
    case 'error':
      return 'no';
    case 'not-error':
      return 'yes';
    case 'any':
      return options.allowThrowingAny ? 'no' : 'yes';
    case 'unknown-type':
      return options.allowThrowingUnknown ? 'no' : 'yes';
    case 'unknown':
      return 'unknown';
  }
}
