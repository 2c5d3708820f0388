/**
 * `return await` against `return`, as typescript-eslint's `return-await` judges them: a promise
 * returned from inside a `try` (or a `catch` followed by `finally`, or after a `using` declaration)
 * without `await` is not caught there, nor does the `finally` wait for it; outside such a context
 * the `await` only adds a microtask. The mode says which of the two each context wants:
 *
 * | mode | error-handling context | ordinary context |
 * | --- | --- | --- |
 * | `in-try-catch` (default) | `await` required | `await` disallowed |
 * | `always` | required | required |
 * | `error-handling-correctness-only` | required | either |
 * | `never` | disallowed | disallowed |
 *
 * A value is judged a promise only where the {@link TypeOracle} shows it is one on every path
 * (`isAlwaysPromiseLike`), and an awaited one not a thenable only where it shows it never is
 * (`isPromiseLike === 'no'`): with types the checker's answer, without them only what the code
 * shows. Every edit is a `review` plan: adding or removing an `await` moves when the code after it
 * runs by a microtask, and in an error-handling context it changes which handler sees a rejection.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { planRemoveAwait } from './await-thenable';
import type { Plan } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';

export const returnAwaitModes = ['in-try-catch', 'always', 'error-handling-correctness-only', 'never'] as const;
export type ReturnAwaitMode = (typeof returnAwaitModes)[number];

export type ReturnAwaitProblem =
  /** An awaited value the code shows is no thenable: the `await` does nothing but wait a microtask. */
  | 'non-promise-await'
  /** A returned promise this context wants awaited. */
  | 'required-await'
  /** An awaited returned promise this context wants returned as it is. */
  | 'disallowed-await';

export interface ReturnAwaitFinding {
  /** The returned expression (a branch of a returned `a ? b : c` on its own). */
  readonly node: TSESTree.Expression;
  readonly problem: ReturnAwaitProblem;
  /**
   * Whether the return is in an error-handling context: inside a `try` block, a `catch` block
   * followed by `finally`, or a block after a `using`/`await using` declaration of the function.
   */
  readonly errorHandling: boolean;
  /** Adding or removing the `await` (`review`), or `null` where the edit could not keep the code's shape. */
  readonly plan: Plan | null;
}

type Want = 'await' | 'no-await' | 'either';

const wants: Record<ReturnAwaitMode, { readonly errorHandling: Want; readonly ordinary: Want }> = {
  'in-try-catch': { errorHandling: 'await', ordinary: 'no-await' },
  always: { errorHandling: 'await', ordinary: 'await' },
  'error-handling-correctness-only': { errorHandling: 'await', ordinary: 'either' },
  never: { errorHandling: 'no-await', ordinary: 'no-await' },
};

/**
 * Findings for one place an async function returns a value: a `return` statement, or an async
 * arrow function's expression body. Anything else (a `return` of a function that is not async, a
 * bare `return;`, an arrow with a block body) has none.
 */
export function findReturnAwaitProblems(
  file: AnalysisFile,
  site: TSESTree.ReturnStatement | TSESTree.ArrowFunctionExpression,
  mode: ReturnAwaitMode = 'in-try-catch',
): ReturnAwaitFinding[] {
  let returned: TSESTree.Expression | null;
  if (site.type === 'ArrowFunctionExpression') {
    returned = site.async && site.body.type !== 'BlockStatement' ? site.body : null;
  } else {
    returned = site.argument && enclosingFunction(site)?.async === true ? site.argument : null;
  }
  if (!returned) return [];
  const findings: ReturnAwaitFinding[] = [];
  const resources = site.type === 'ReturnStatement' && followsUsingDeclaration(site);
  for (const node of possiblyReturned(returned)) {
    const finding = judge(file, node, mode, resources);
    if (finding) findings.push(finding);
  }
  return findings;
}

function judge(file: AnalysisFile, node: TSESTree.Expression, mode: ReturnAwaitMode, resources: boolean): ReturnAwaitFinding | null {
  const isAwait = node.type === 'AwaitExpression';
  const value = isAwait ? node.argument : node;
  if (file.oracle.isAlwaysPromiseLike(value) !== 'yes') {
    if (isAwait && file.oracle.isPromiseLike(value) === 'no') {
      return { node, problem: 'non-promise-await', errorHandling: false, plan: planRemoveAwait(file, node) };
    }
    return null;
  }
  const errorHandling = resources || affectsErrorHandling(node);
  const want = errorHandling ? wants[mode].errorHandling : wants[mode].ordinary;
  if (want === 'await' && !isAwait) return { node, problem: 'required-await', errorHandling, plan: planAddAwait(file, node) };
  if (want === 'no-await' && isAwait) return { node, problem: 'disallowed-await', errorHandling, plan: planRemoveAwait(file, node) };
  return null;
}

/** The expressions a returned value may be: each branch of a conditional on its own, as typescript-eslint splits them. */
function possiblyReturned(node: TSESTree.Expression): TSESTree.Expression[] {
  if (node.type === 'ConditionalExpression') return [...possiblyReturned(node.consequent), ...possiblyReturned(node.alternate)];
  return [node];
}

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

function isFunction(node: TSESTree.Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** Where the scope of a `return` ends: its function, or a place no `return` of an outer function reaches. */
function isBoundary(node: TSESTree.Node): boolean {
  return isFunction(node) || node.type === 'StaticBlock' || node.type === 'PropertyDefinition' || node.type === 'AccessorProperty';
}

function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
    if (isBoundary(current)) return null;
  }
  return null;
}

/**
 * Whether a rejection of `node` would be seen by a `try` statement around it: it is in a `try`
 * block (always followed by a `catch` or a `finally`), or in a `catch` block followed by a
 * `finally`; a `finally` block, or a `catch` without one, passes the question to the next `try` out.
 */
function affectsErrorHandling(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && !isBoundary(current); child = current, current = current.parent) {
    if (current.type !== 'TryStatement') continue;
    if (child === current.block) return true;
    if (child === current.handler && current.finalizer) return true;
  }
  return false;
}

/**
 * Whether a `using` or `await using` declaration of the same function comes before `site` in a
 * block around it: it is disposed of when the function returns, so a promise returned without
 * `await` would still be running after its resource was released.
 */
function followsUsingDeclaration(site: TSESTree.ReturnStatement): boolean {
  let child: TSESTree.Node = site;
  for (let current: TSESTree.Node | undefined = site.parent; current && !isBoundary(current); child = current, current = current.parent) {
    const statements: readonly TSESTree.Node[] | null =
      current.type === 'BlockStatement' || current.type === 'Program' ? current.body : current.type === 'SwitchCase' ? current.consequent : null;
    if (statements) {
      for (const statement of statements) {
        if (statement === child) break;
        if (isUsing(statement)) return true;
      }
    }
    if ((current.type === 'ForOfStatement' || current.type === 'ForInStatement') && child === current.body && isUsing(current.left)) return true;
    if (current.type === 'ForStatement' && child === current.body && current.init && isUsing(current.init)) return true;
  }
  return false;
}

function isUsing(node: TSESTree.Node): boolean {
  return node.type === 'VariableDeclaration' && (node.kind === 'using' || node.kind === 'await using');
}

/** Expressions `await` can precede as they are: higher precedence than a unary operator. */
const bindsTighterThanAwait = new Set<string>([
  'Identifier',
  'Literal',
  'TemplateLiteral',
  'TaggedTemplateExpression',
  'CallExpression',
  'NewExpression',
  'MemberExpression',
  'ChainExpression',
  'ThisExpression',
  'ArrayExpression',
  'ObjectExpression',
  'TSNonNullExpression',
  'MetaProperty',
  'ImportExpression',
  'AwaitExpression',
]);

function planAddAwait(file: AnalysisFile, node: TSESTree.Expression): Plan | null {
  const [start, end] = node.range;
  const source = file.text.slice(start, end);
  const text = bindsTighterThanAwait.has(node.type) ? `await ${source}` : `await (${source})`;
  return checkedPlan(file, 'review', [{ range: [start, end], text }], { owned: [node], vocabulary: { added: ['await'], removed: [] } });
}
