/**
 * A member read straight off an `await` (`(await load()).user`), as eslint-plugin-unicorn's
 * `no-await-expression-member` reports it: the parentheses hide where the waiting happens and read
 * worse than a destructuring, which says the same thing.
 *
 * Exact from syntax. The rewrite into a destructuring is a `safe` plan only where it provably reads
 * the same property the same way (`const user = (await load()).user` → `const { user } = await
 * load()`: one property get, a `TypeError` for `null` either way); an index (`[0]`) becomes an array
 * pattern, which iterates instead of indexing, so that one is a `review` plan.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { commentsWithin } from './comments';
import type { Plan, TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { nextCodeOffset, previousCodeOffset } from './trivia';

export interface AwaitMemberAccess {
  readonly member: TSESTree.MemberExpression;
  /** What unicorn reports: the property. */
  readonly property: TSESTree.Node;
  /**
   * The destructuring, or `null`: only for a `const`/`let`/`var` declarator of one plain name
   * without a type annotation, whose initialiser is the member, with no comment the rewrite would
   * drop. `safe` for `.name` read into the same name, `review` for `[0]`/`[1]`.
   */
  readonly destructure: Plan | null;
}

/** The finding for a member expression whose object is an `await`, or `null`. */
export function findAwaitMemberAccess(file: AnalysisFile, member: TSESTree.MemberExpression): AwaitMemberAccess | null {
  if (member.object.type !== 'AwaitExpression') return null;
  return { member, property: member.property, destructure: planDestructure(file, member, member.object) };
}

function planDestructure(file: AnalysisFile, member: TSESTree.MemberExpression, awaited: TSESTree.AwaitExpression): Plan | null {
  const declarator = member.parent;
  if (member.optional || declarator.type !== 'VariableDeclarator' || declarator.init !== member) return null;
  const declaration = declarator.parent;
  // `using` and `await using` take no patterns.
  if (declaration.kind !== 'const' && declaration.kind !== 'let' && declaration.kind !== 'var') return null;
  const id = declarator.id;
  if (id.type !== 'Identifier' || id.typeAnnotation) return null;
  const { text } = file;
  // The member's own parentheses around the `await`: `(await x).y`.
  const open = previousCodeOffset(file, awaited.range[0]);
  const close = nextCodeOffset(file, awaited.range[1]);
  if (open < member.range[0] || text[open] !== '(' || text[close] !== ')') return null;
  if (commentsWithin(file.comments, member.range[0], awaited.range[0]).length > 0) return null;
  if (commentsWithin(file.comments, awaited.range[1], member.range[1]).length > 0) return null;
  const unwrap: TextEdit[] = [
    { range: [member.range[0], awaited.range[0]], text: '' },
    { range: [awaited.range[1], member.range[1]], text: '' },
  ];
  if (!member.computed) {
    if (member.property.type !== 'Identifier' || member.property.name !== id.name) return null;
    return checkedPlan(file, 'safe', [{ range: [id.range[0], id.range[0]], text: '{ ' }, { range: [id.range[1], id.range[1]], text: ' }' }, ...unwrap], {
      owned: [declarator],
      vocabulary: { added: [], removed: [id.name] },
    });
  }
  const index = member.property.type === 'Literal' && (member.property.value === 0 || member.property.value === 1) ? member.property.value : null;
  if (index === null || member.property.type !== 'Literal' || member.property.raw !== String(index)) return null;
  return checkedPlan(file, 'review', [{ range: [id.range[0], id.range[0]], text: index === 0 ? '[' : '[, ' }, { range: [id.range[1], id.range[1]], text: ']' }, ...unwrap], {
    owned: [declarator],
    vocabulary: { added: [], removed: [String(index)] },
  });
}

export interface AsyncFinallyCallback {
  readonly call: TSESTree.CallExpression;
  /** The async function passed to `finally`. */
  readonly callback: TSESTree.Expression;
}

/**
 * `promise.finally(async () => …)` on a receiver the oracle shows is a promise (unicorn's
 * `no-async-promise-finally`): `finally` waits for the callback's promise, so cleanup that was meant
 * to run on the side delays the result, and a rejection of the callback replaces the promise's own
 * outcome. A `.finally` on anything else (a query builder's, an unknown receiver) is not judged.
 */
export function findAsyncFinallyCallback(file: AnalysisFile, call: TSESTree.CallExpression): AsyncFinallyCallback | null {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.object.type === 'Super') return null;
  const name = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : callee.property.type === 'Literal' ? callee.property.value : null;
  if (name !== 'finally') return null;
  const callback = call.arguments[0];
  if (!callback || callback.type === 'SpreadElement') return null;
  // A function written there; a name is left alone (what it holds may change).
  if (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression') return null;
  if (!callback.async || callback.generator) return null;
  if (file.oracle.promiseKind(callee.object) !== 'promise') return null;
  return { call, callback };
}
