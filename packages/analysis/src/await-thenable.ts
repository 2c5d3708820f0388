/**
 * `await` of a value that cannot be a promise or any other thenable, as typescript-eslint's
 * `await-thenable` reports it: awaiting it only delays the code after it by a microtask, and it is
 * usually a mistake (a function awaited without being called, a sync API mistaken for its promise
 * twin, an `await` left over after a refactor).
 *
 * The judgement is the {@link TypeOracle}'s `isPromiseLike(argument) === 'no'`: with types, the
 * checker's (any and unknown are vague and fall back to the syntax); without, only what the code
 * shows: literals, templates, arithmetic, array and object literals (no `then`, no spread), function
 * and class values, the result of another `await`, and calls the declaration index shows return a
 * declared non-promise type. A value nothing shows is never reported.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { Plan } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan } from './invariant';
import { isLineTerminator } from './layout';
import { nextCodeOffset, previousCodeOffset } from './trivia';

export interface NonThenableAwait {
  readonly node: TSESTree.AwaitExpression;
  /**
   * Removing the `await` (a `review` plan: the code after it then runs a microtask earlier), or
   * `null` where removing it would let the lines around it run together (a line break after
   * `await`, or an argument starting with `(`, `[` or a template at the start of a statement that
   * follows a line without a semicolon).
   */
  readonly removeAwait: Plan | null;
}

/** The finding for one `await`, or `null` when its value may be a thenable. */
export function findNonThenableAwait(file: AnalysisFile, node: TSESTree.AwaitExpression): NonThenableAwait | null {
  if (file.oracle.isPromiseLike(node.argument) !== 'no') return null;
  return { node, removeAwait: planRemoveAwait(file, node) };
}

const KEYWORD = 'await';

function isIdentifierChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{ID_Continue}$\u200c\u200d\\]/u.test(char);
}

/** Characters that would fuse into another token with the one before them once the space between goes. */
function wouldFuse(before: string | undefined, after: string | undefined): boolean {
  if (isIdentifierChar(before) && isIdentifierChar(after)) return true;
  return (before === '+' && after === '+') || (before === '-' && after === '-') || (before === '/' && (after === '/' || after === '*'));
}

/**
 * Removing an `await` keyword (a `review` plan), or `null` where the code around it would then read
 * differently: a line break after `await` (`return await\n x` would return nothing), an argument
 * that would continue the previous line, or an arrow function body that would become a block
 * (`async () => await {}`).
 */
export function planRemoveAwait(file: AnalysisFile, node: TSESTree.AwaitExpression): Plan | null {
  const { text } = file;
  const start = node.range[0];
  const keywordEnd = start + KEYWORD.length;
  if (text.slice(start, keywordEnd) !== KEYWORD) return null;
  const argumentStart = nextCodeOffset(file, keywordEnd);
  // `return await\n  value`: without `await` the line break ends the statement after `return`.
  for (let i = keywordEnd; i < argumentStart; i++) if (isLineTerminator(text.charCodeAt(i))) return null;
  if (startsStatementAfterOpenLine(file, node) && '([`+-/'.includes(text[argumentStart] ?? '')) return null;
  if (node.parent.type === 'ArrowFunctionExpression' && node.parent.body === node && text[argumentStart] === '{') return null;
  let end = keywordEnd;
  while (end < argumentStart && (text[end] === ' ' || text[end] === '\t')) end++;
  const glue = wouldFuse(text[start - 1], text[end]) ? ' ' : '';
  return checkedPlan(file, 'review', [{ range: [start, end], text: glue }], {
    owned: [node],
    vocabulary: { added: [], removed: [KEYWORD] },
  });
}

/** Whether `node` begins an expression statement whose previous code does not end a statement for sure. */
function startsStatementAfterOpenLine(file: AnalysisFile, node: TSESTree.Node): boolean {
  let statement: TSESTree.Node | undefined = node.parent;
  while (statement && statement.range[0] === node.range[0] && statement.type !== 'ExpressionStatement') statement = statement.parent;
  if (!statement || statement.type !== 'ExpressionStatement' || statement.range[0] !== node.range[0]) return false;
  const before = previousCodeOffset(file, statement.range[0]);
  if (before < 0) return false;
  // A `}` may close an object literal (`const o = {}` then `(x)` calls it), so only these end a statement for sure.
  const char = file.text[before];
  return char !== ';' && char !== '{' && char !== ':';
}
