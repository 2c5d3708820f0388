/**
 * `async` functions that never wait: no `await`, no `for await`, no `await using`, and (as
 * typescript-eslint's `require-await` adds) not returning a promise and, for an async generator,
 * not delegating to an async iterable or yielding a promise. `async` then only wraps the result in
 * a promise, which is usually a leftover or a mistake.
 *
 * Returned and yielded values are asked of the {@link TypeOracle}: a function is reported only when
 * every value it returns or yields is shown not to be a promise. Without types that is literals,
 * object literals, arithmetic, calls the declaration index shows; a value nothing shows (a call of
 * an unknown function) keeps the rule quiet, since with it the function may return a promise on
 * purpose, and typescript-eslint's rule would accept it then.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { describeFunction, functionHeadRange, ownBodyFacts, planRemoveAsync } from './async-functions';
import type { Plan } from './edits';
import type { AnalysisFile } from './file';
import type { FunctionNode } from './walk';

/** Why an `async` function without `await` is still not reported. */
export type RequireAwaitSilence =
  /** Its body is empty: `async () => {}` is a deliberate no-op that returns a promise. */
  | 'empty-function'
  /** It returns a value shown to be a promise, or one nothing shows is not. */
  | 'may-return-promise'
  /** An async generator that delegates to (`yield*`) or yields something that may be async. */
  | 'may-yield-async'
  /**
   * It throws, and no `try` of its own catches it: `async` makes the error a rejection, which callers'
   * `await` and `.catch()` rely on (`async delete() { throw new Error('not supported') }`).
   */
  | 'throws-as-rejection'
  /**
   * A method marked `override`: it keeps the async signature of the member it overrides, whose callers
   * expect a promise (`override async close(): Promise<void> { this.open = false; }`).
   */
  | 'overrides-member'
  /**
   * A method of a class that extends or implements another type, which declares (or, without types,
   * may declare) a member of the same name: it keeps the async signature callers of that member rely
   * on (`class PgDriver implements Driver { async connect() { this.pool = new Pool(); } }`). So too a
   * method of an object literal written against a type (`{ async execute() { … } } satisfies Event`).
   */
  | 'implements-member';

export interface MissingAwait {
  readonly fn: FunctionNode;
  /** Where ESLint reports: the function's head (name and `async`, or an arrow's `=>`). */
  readonly head: readonly [number, number];
  /** ESLint's description of it, e.g. "Async function 'load'", for the message. */
  readonly name: string;
  /** Removing `async` (and unwrapping `Promise<T>`): a `review` plan, never a fix. */
  readonly removeAsync: Plan;
}

export type RequireAwaitResult = { readonly kind: 'report'; readonly finding: MissingAwait } | { readonly kind: 'silent'; readonly reason: RequireAwaitSilence } | null;

/** Values of a `yield*` that are plainly synchronous iterables: arrays and strings. */
function isSyncIterableLiteral(node: TSESTree.Expression): boolean {
  return node.type === 'ArrayExpression' || node.type === 'TemplateLiteral' || (node.type === 'Literal' && typeof node.value === 'string');
}

/** Whether a `throw` lies in the block of a `try` with a `catch`, inside `fn`: the error does not leave the function. */
function caughtWithin(statement: TSESTree.ThrowStatement, fn: FunctionNode): boolean {
  let child: TSESTree.Node = statement;
  let parent: TSESTree.Node | undefined = statement.parent;
  while (parent && parent !== fn) {
    if (parent.type === 'TryStatement' && parent.block === child && parent.handler) return true;
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/**
 * The judgement of `require-await` on one function: a report, a named reason for silence, or `null`
 * when the function is not `async` or awaits.
 */
export function judgeRequireAwait(file: AnalysisFile, fn: FunctionNode): RequireAwaitResult {
  if (!fn.async) return null;
  if (fn.body.type === 'BlockStatement' && fn.body.body.length === 0) return { kind: 'silent', reason: 'empty-function' };
  const facts = ownBodyFacts(file, fn);
  if (facts.awaits) return null;
  if (facts.returned.some((value) => file.oracle.isPromiseLike(value) !== 'no')) {
    return { kind: 'silent', reason: 'may-return-promise' };
  }
  if (facts.throws.some((t) => !caughtWithin(t, fn))) return { kind: 'silent', reason: 'throws-as-rejection' };
  if (fn.parent?.type === 'MethodDefinition' && fn.parent.value === fn) {
    if (fn.parent.override) return { kind: 'silent', reason: 'overrides-member' };
    if (file.oracle.implementsMember(fn.parent) !== 'no') return { kind: 'silent', reason: 'implements-member' };
  }
  if (fn.parent?.type === 'Property' && fn.parent.value === fn && fn.parent.parent.type === 'ObjectExpression' && file.oracle.implementsMember(fn.parent) !== 'no') {
    return { kind: 'silent', reason: 'implements-member' };
  }
  if (fn.generator) {
    for (const y of facts.yields) {
      if (!y.argument) continue;
      if (y.delegate ? !isSyncIterableLiteral(y.argument) : y.argument.type !== 'Literal' && file.oracle.isPromiseLike(y.argument) !== 'no') {
        return { kind: 'silent', reason: 'may-yield-async' };
      }
    }
  }
  return {
    kind: 'report',
    finding: { fn, head: functionHeadRange(file, fn), name: describeFunction(fn), removeAsync: planRemoveAsync(file, fn) },
  };
}
