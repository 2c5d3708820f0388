/**
 * Whether an async generator's `return()` runs cleanup: called at a `yield`, it resumes the
 * generator with a return there, which runs the `finally` blocks and the disposals around that
 * `yield` and nothing else. Shared by the hand-driven-iterator check (generators of the file) and
 * the declaration index (generators other modules export, whose bodies it drops after reading this).
 */
import type { TSESTree } from '@typescript-eslint/types';
import { forEachChild, isFunctionNode, type VisitorKeys } from './walk';

type GeneratorFunction = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

const cleanupCache = new WeakMap<TSESTree.Node, boolean>();

const isUsing = (statement: TSESTree.Node): boolean => statement.type === 'VariableDeclaration' && (statement.kind === 'using' || statement.kind === 'await using');

/**
 * Whether `fn` (an async generator) yields inside the block or `catch` of a `try` with a `finally`,
 * or after a `using`/`await using` declaration of an enclosing block. Walks down from the body with
 * an explicit stack (no parent links: the declaration index's trees have none), skipping nested
 * functions and classes. Cached per function node, so the answer outlives a dropped body.
 */
export function returnRunsCleanup(fn: GeneratorFunction, keys: VisitorKeys): boolean {
  const cached = cleanupCache.get(fn);
  if (cached !== undefined) return cached;
  let found = false;
  const stack: { node: TSESTree.Node; covered: boolean }[] = [{ node: fn.body ?? fn, covered: false }];
  let entry: { node: TSESTree.Node; covered: boolean } | undefined;
  while (!found && (entry = stack.pop())) {
    const { node, covered } = entry;
    if (node !== fn.body && (isFunctionNode(node) || node.type === 'ClassBody')) continue;
    if (node.type === 'YieldExpression' && covered) {
      found = true;
      break;
    }
    if (node.type === 'TryStatement' && node.finalizer) {
      stack.push({ node: node.block, covered: true }, { node: node.finalizer, covered });
      if (node.handler) stack.push({ node: node.handler, covered: true });
      continue;
    }
    if (node.type === 'BlockStatement' || node.type === 'Program') {
      // A `using` covers the statements after it in its block.
      let usingSeen = covered;
      for (const statement of node.body) {
        stack.push({ node: statement, covered: usingSeen });
        if (isUsing(statement)) usingSeen = true;
      }
      continue;
    }
    forEachChild(node, keys, (child) => stack.push({ node: child, covered }));
  }
  cleanupCache.set(fn, found);
  return found;
}

/** The recorded answer for `fn`, when {@link returnRunsCleanup} has read it (before a body was dropped). */
export function recordedReturnCleanup(fn: TSESTree.Node): boolean | undefined {
  return cleanupCache.get(fn);
}
