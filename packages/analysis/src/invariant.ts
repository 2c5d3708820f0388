/**
 * The invariant every plan is checked against before either face may use it: a rewrite changes
 * nothing it does not own, and keeps every word of what it owns.
 *
 * A planner says which source ranges it owns (the statements it rewrites) and which structure words
 * it may add or remove (for `Promise.all`: `Promise`, `all` and `unknown` in, surplus `await`, `const`
 * … out). The check then proves, from the text alone:
 * - every part of an edit's range outside the owned ranges is whitespace or comments: no code a
 *   planner merely passed over (a call after a comment on the same line) can be replaced;
 * - every identifier, keyword, literal, template part, JSX text and comment of the replaced text is
 *   still in the replacement, as often as before and byte for byte, except the removable structure
 *   words; and the replacement adds no word but the documented ones. Punctuation is structure and
 *   may change (brackets, commas, semicolons).
 *
 * Text outside the edits is untouched by construction (`applyEdits` copies it), so together this is
 * "nothing outside the edit changes, nothing inside it is lost". A plan that fails is refused with
 * `would-lose-code`, which the faces treat as an asyncwise bug: never applied, always reported.
 */
import type { TSESTree } from '@typescript-eslint/types';
import jsTokens from 'js-tokens';
import { type Plan, planOf, refusedPlan, type SafetyLevel, sortEdits, type TextEdit } from './edits';
import type { AnalysisFile } from './file';
import { walk } from './walk';

/** Words a planner may add to, or remove from, the text it rewrites. */
export interface PlanVocabulary {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface PlanOwnership {
  /** The nodes the plan rewrites (statements); edits must stay within them, comments and whitespace aside. */
  readonly owned: readonly TSESTree.Node[];
  readonly vocabulary: PlanVocabulary;
}

/** Token kinds that are the user's code: everything but punctuation, whitespace and line breaks. */
const structureTokenTypes = new Set(['Punctuator', 'JSXPunctuator', 'WhiteSpace', 'LineTerminatorSequence']);
const triviaTokenTypes = new Set(['WhiteSpace', 'LineTerminatorSequence', 'MultiLineComment', 'SingleLineComment']);

/**
 * A plan at `level` with `edits`, after checking the invariant; or a plan refused with
 * `would-lose-code` when the edits would replace code outside `owned` or drop, change or add a word
 * the vocabulary does not allow. The one way planners build applicable plans.
 */
export function checkedPlan(file: AnalysisFile, level: SafetyLevel, edits: readonly TextEdit[], ownership: PlanOwnership): Plan {
  const problem = invariantProblem(file, edits, ownership);
  if (problem === null) return planOf(level, edits);
  return refusedPlan({
    reason: 'would-lose-code',
    message: `The rewrite asyncwise built would ${problem}, so it is not offered. This is an asyncwise bug; please report it with this code.`,
  });
}

/** What the edits would break, as the end of a sentence ("lose `x`"), or `null` when they keep the invariant. */
export function invariantProblem(file: AnalysisFile, edits: readonly TextEdit[], ownership: PlanOwnership): string | null {
  const { text } = file;
  let sorted: TextEdit[];
  try {
    sorted = sortEdits(edits);
  } catch {
    return 'apply two overlapping edits';
  }
  const owned = [...ownership.owned].sort((a, b) => a.range[0] - b.range[0]);
  for (const edit of sorted) {
    const [start, end] = edit.range;
    if (start < 0 || end > text.length || start > end) return 'edit outside the file';
    const stray = codeOutsideOwned(text, start, end, owned);
    if (stray !== null) return `replace code it does not own (\`${shorten(stray)}\`)`;
    const jsx = owned.some((node) => node.range[0] < end && node.range[1] > start && containsJsx(node, file));
    const difference = wordDifference(text.slice(start, end), edit.text, jsx, ownership.vocabulary);
    if (difference !== null) return difference;
  }
  return null;
}

/** The first token of code in `[start, end)` that lies outside every owned range, or `null`. */
function codeOutsideOwned(text: string, start: number, end: number, owned: readonly TSESTree.Node[]): string | null {
  let cursor = start;
  for (const { range: [ownedStart, ownedEnd] } of owned) {
    if (ownedEnd <= cursor) continue;
    if (ownedStart >= end) break;
    if (ownedStart > cursor) {
      const stray = firstCode(text.slice(cursor, ownedStart));
      if (stray !== null) return stray;
    }
    cursor = Math.max(cursor, ownedEnd);
  }
  return cursor < end ? firstCode(text.slice(cursor, end)) : null;
}

function firstCode(gap: string): string | null {
  for (const token of jsTokens(gap)) if (!triviaTokenTypes.has(token.type)) return token.value;
  return null;
}

/**
 * How `after` differs from `before` in words, beyond what the vocabulary allows, as a sentence end;
 * `null` when it does not.
 */
function wordDifference(before: string, after: string, jsx: boolean, vocabulary: PlanVocabulary): string | null {
  const counts = new Map<string, number>();
  for (const word of words(before, jsx)) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const word of words(after, jsx)) counts.set(word, (counts.get(word) ?? 0) - 1);
  const removable = new Set(vocabulary.removed);
  const addable = new Set(vocabulary.added);
  for (const [word, count] of counts) {
    if (count > 0 && !removable.has(word)) return `lose ${describeWord(word)}`;
    if (count < 0 && !addable.has(word)) return `add ${describeWord(word)}`;
  }
  return null;
}

/**
 * The code words of a text, by their text alone: a word's text tells its kind (a comment starts
 * with `//` or `/*`, a string with its quote), so the type need not be part of the key.
 */
function* words(text: string, jsx: boolean): Generator<string> {
  for (const token of jsTokens(text, { jsx })) {
    if (!structureTokenTypes.has(token.type)) yield token.value;
  }
}

function describeWord(word: string): string {
  const kind = word.startsWith('//') || word.startsWith('/*') ? 'the comment' : 'the code';
  return `${kind} \`${shorten(word)}\``;
}

function shorten(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}

/** Whether JSX occurs in `node`: JSX text tokenizes differently from code. */
function containsJsx(node: TSESTree.Node, file: AnalysisFile): boolean {
  if (!file.text.slice(node.range[0], node.range[1]).includes('<')) return false;
  let found = false;
  walk(node, file.visitorKeys, (n) => {
    if (found) return false;
    if (n.type.startsWith('JSX')) found = true;
    return !found;
  });
  return found;
}
