/**
 * Calls of a promise's own methods (`then`, `catch`, `finally`) and of the built-in `Promise`'s
 * statics, by shape. The shape alone never says a value is a promise (zod's `.catch`, fp-ts's
 * `.then`): callers ask the {@link TypeOracle} about the receiver before they judge.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { isBuiltinGlobal } from './scope';
import { skipTransparentWrappers } from './walk';

export type PromiseMethod = 'then' | 'catch' | 'finally';

export interface MethodCall {
  readonly call: TSESTree.CallExpression;
  /** The object the method is called on. */
  readonly receiver: TSESTree.Expression;
  /** The method's name: `p.then`, `p['then']`, `p?.then`. */
  readonly method: string;
  /** Whether the name is written as a string key (`p['catch']`). */
  readonly computed: boolean;
}

/** The method name of a member callee, for `a.b` and `a['b']`; `null` for other computed keys. */
export function memberName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.computed && member.property.type === 'Literal' && typeof member.property.value === 'string') return member.property.value;
  return null;
}

/** `receiver.method(…)` (through `?.`, `!` and type assertions), or `null`. */
export function methodCallOf(node: TSESTree.Node): MethodCall | null {
  const call = node.type === 'CallExpression' ? node : node.type === 'ChainExpression' && node.expression.type === 'CallExpression' ? node.expression : null;
  if (!call) return null;
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== 'MemberExpression' || callee.object.type === 'Super') return null;
  const method = memberName(callee);
  return method === null ? null : { call, receiver: callee.object, method, computed: callee.computed };
}

export function isPromiseMethod(method: string): method is PromiseMethod {
  return method === 'then' || method === 'catch' || method === 'finally';
}

/** The static's name when `node` is `Promise.<static>(…)` on the built-in `Promise`; else `null`. */
export function promiseStaticCall(file: AnalysisFile, node: TSESTree.Node): string | null {
  const call = methodCallOf(node);
  if (!call) return null;
  const receiver = skipTransparentWrappers(call.receiver);
  if (receiver.type !== 'Identifier' || receiver.name !== 'Promise') return null;
  return isBuiltinGlobal(file.scopeManager, receiver, 'Promise') ? call.method : null;
}

/**
 * Whether the value a chain of `then`/`catch`/`finally` calls starts from is a built-in promise, not
 * a declared thenable whose `then` (a Cypress chainable's) may return anything.
 */
export function isBuiltinPromiseRoot(file: AnalysisFile, expression: TSESTree.Expression): boolean {
  return file.oracle.promiseKind(expression) === 'promise';
}
