import type { TSESTree } from '@typescript-eslint/types';
import { commentsWithin, commentText, firstCommentFrom } from './comments';
import { type Plan, refusedPlan } from './edits';
import type { AnalysisFile } from './file';
import { checkedPlan, type PlanVocabulary } from './invariant';
import { canReindent, hasLineBreak, indentUnitOf, isLineTerminator, lineEndingOf, lineIndent, reindent } from './layout';
import { isBuiltinGlobal } from './scope';
import type { AwaitStatement } from './sequential-awaits';

const MAX_LINE = 80;

/** Statements after which a line starting with `[` can never continue the previous statement. */
const closedStatementTypes = new Set<string>([
  'FunctionDeclaration',
  'ClassDeclaration',
  'BlockStatement',
  'TryStatement',
  'SwitchStatement',
  'TSInterfaceDeclaration',
  'TSModuleDeclaration',
  'TSEnumDeclaration',
]);

/**
 * The words the rewrite adds (`Promise.all`, and `unknown` for a hole in a tuple type) and removes
 * (every `await` and declaration keyword but the first). Everything else must come through.
 */
const promiseAllVocabulary: PlanVocabulary = {
  added: ['Promise', 'all', 'unknown'],
  removed: ['await', 'const', 'let', 'var'],
};

/** With `settled`: `Promise.allSettled` and the words of the unpacking `.map` (see `unpackSettled`). */
const promiseAllSettledVocabulary: PlanVocabulary = {
  added: ['Promise', 'allSettled', 'unknown', 'map', 'r', 'status', "'fulfilled'", 'value', 'reason'],
  removed: promiseAllVocabulary.removed,
};

interface Element {
  readonly statement: AwaitStatement;
  readonly text: string;
  /** Ranges of comments inside `text`, relative to it: kept verbatim when the text is re-indented. */
  readonly comments: readonly (readonly [number, number])[];
  readonly leading: string[];
  readonly trailing: string[];
}

export interface PlanPromiseAllOptions {
  /**
   * Write `Promise.allSettled` with the results unpacked, asyncio's `gather(…, return_exceptions=True)`:
   * every operation runs to its end, and each target receives its value or, if it rejected, its reason.
   */
  readonly settled?: boolean;
}

/** What unpacks `Promise.allSettled` results in place: the value, or the rejection's reason. */
const unpackSettled = '.map((r) => (r.status === \'fulfilled\' ? r.value : r.reason))';

/**
 * Plans the rewrite of a run of independent awaits into one `Promise.all`:
 * `const a = await f(); const b = await g();` becomes `const [a, b] = await Promise.all([f(), g()]);`.
 *
 * Declarations keep their kind, destructuring and type annotations (as a tuple type); assignments
 * become one destructuring assignment; bare awaits become holes. Every comment in the replaced range
 * survives, moved beside the operation it belonged to. The plan is `review`: the calls now start
 * together, so their side effects may interleave, and a later call runs even when an earlier one
 * rejects. It is refused when the statements cannot share one declaration, or `Promise` is not the
 * built-in.
 */
export function planPromiseAll(
  file: AnalysisFile,
  run: readonly AwaitStatement[],
  previous: TSESTree.Node | undefined,
  options: PlanPromiseAllOptions = {},
): Plan {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last || run.length < 2) throw new Error('planPromiseAll needs a run of at least two statements.');
  const { text } = file;

  if (!isBuiltinGlobal(file.scopeManager, first.node, 'Promise')) {
    return refusedPlan({
      reason: 'promise-shadowed',
      message: '`Promise` is not the built-in here; the rewrite would call a different `Promise.all`.',
    });
  }
  // A JSDoc type on a declaration (`/** @type {User} */ const user = …`) would end up typing the
  // destructuring, or stranded inside the array.
  const typedByJsdoc = run.find((s) => s.form === 'declaration' && jsdocTypeBefore(file, s.node));
  if (typedByJsdoc) {
    return refusedPlan({
      reason: 'jsdoc-type-annotation',
      message: 'A JSDoc type annotates one of these declarations; it cannot type one element of a destructuring.',
    });
  }
  const declarations = run.filter((s) => s.form === 'declaration');
  const assignments = run.filter((s) => s.form === 'assignment');
  if (declarations.length > 0 && assignments.length > 0) {
    return refusedPlan({
      reason: 'mixed-declarations-and-assignments',
      message: 'The run both declares and assigns; one destructuring cannot do both. Declare the results or assign them, not both.',
    });
  }
  const kinds = new Set(declarations.map((s) => s.declarationKind));
  if (kinds.size > 1) {
    return refusedPlan({
      reason: 'mixed-declaration-kinds',
      message: `The run mixes ${[...kinds].join(' and ')} declarations, which one destructuring cannot keep.`,
    });
  }
  const annotated = declarations.filter((s) => s.typeAnnotation !== null).length;
  if (annotated > 0 && annotated < declarations.length) {
    return refusedPlan({
      reason: 'partial-type-annotations',
      message: 'Only some declarations have type annotations; a tuple annotation would need a type for every one.',
    });
  }

  // A comment after the last statement on its line belongs to it: take it into the range, so it
  // stays beside that statement's call instead of trailing the whole `Promise.all`.
  const trailing = trailingLineComment(file, last.node.range[1]);
  const end = trailing ? trailing.range[1] : last.node.range[1];
  const elements = collectElements(file, run, end);
  const targets = run.map((s) => (s.target ? targetText(text, s) : ''));
  while (targets.length > 0 && targets[targets.length - 1] === '') targets.pop();
  const types = annotated > 0 ? run.map((s) => annotationText(text, s)) : [];

  let head: string;
  if (declarations.length > 0) {
    head = `${declarations[0]?.declarationKind} [${targets.join(', ')}]${types.length > 0 ? `: [${types.join(', ')}]` : ''} = `;
  } else if (assignments.length > 0) {
    head = `${needsAsiGuard(text, previous) ? ';' : ''}[${targets.join(', ')}] = `;
  } else {
    head = '';
  }
  // The last statement's own ending, kept as written when it is only a semicolon: in files without
  // semicolons a guard `;` can sit on the next line, before the statement that follows.
  const tail = text.slice(last.awaitExpression.range[1], last.node.range[1]);
  const semicolon = /^\s*;$/.test(tail) ? tail : tail.trimEnd().endsWith(';') ? ';' : '';
  const indent = lineIndent(text, first.node.range[0]);
  const unit = indentUnitOf(file);

  // `Promise.allSettled` results unpacked: the await is parenthesised so `.map` applies to its value.
  const [open, close] = options.settled ? ['(await Promise.allSettled([', `]))${unpackSettled}`] : ['await Promise.all([', '])'];
  const oneLine = `${head}${open}${elements.map((e) => e.text).join(', ')}${close}`;
  const fitsOneLine =
    !hasLineBreak(oneLine) &&
    elements.every((e) => e.leading.length === 0 && e.trailing.length === 0) &&
    indent.length + oneLine.length + semicolon.trim().length <= MAX_LINE;
  let replacement: string;
  if (fitsOneLine) {
    replacement = oneLine + semicolon;
  } else {
    const inner = indent + unit;
    const lines: string[] = [`${head}${open}`];
    for (const element of elements) {
      for (const comment of element.leading) lines.push(`${inner}${comment}`);
      const body = canReindent(element.statement.operand, file) ? reindent(element.text, unit, element.comments) : element.text;
      lines.push(`${inner}${body},${element.trailing.map((c) => ` ${c}`).join('')}`);
    }
    lines.push(`${indent}${close}${semicolon}`);
    replacement = lines.join(lineEndingOf(file));
  }

  const range: [number, number] = [first.node.range[0], end];
  // Comments move beside the element they belonged to; their order must survive that move.
  if (!keepsEveryComment(file, range, replacement)) {
    return refusedPlan({ reason: 'would-drop-comment', message: 'A comment in these statements would be lost by the rewrite.' });
  }
  return checkedPlan(file, 'review', [{ range, text: replacement }], {
    owned: run.map((s) => s.node),
    vocabulary: options.settled ? promiseAllSettledVocabulary : promiseAllVocabulary,
  });
}

/** Whether every comment inside `range` of the file appears in `replacement`, in order. */
export function keepsEveryComment(file: AnalysisFile, range: readonly [number, number], replacement: string): boolean {
  let searchFrom = 0;
  for (const comment of commentsWithin(file.comments, range[0], range[1])) {
    const at = replacement.indexOf(commentText(file.text, comment), searchFrom);
    if (at < 0) return false;
    searchFrom = at;
  }
  return true;
}

function sliceOf(text: string, node: TSESTree.Node): string {
  return text.slice(node.range[0], node.range[1]);
}

/** The annotated type as written, comments included, or `unknown` for a hole. */
function annotationText(text: string, statement: AwaitStatement): string {
  const type = statement.typeAnnotation;
  if (!type) return 'unknown';
  // The type's parent is the `: Type` annotation; everything after its colon is the type as written.
  const annotation = type.parent;
  if (annotation?.type !== 'TSTypeAnnotation') return sliceOf(text, type);
  return text.slice(annotation.range[0] + 1, annotation.range[1]).trim();
}

/** The target without its type annotation: `{ id, name }` of `const { id, name }: User = …`. */
function targetText(text: string, statement: AwaitStatement): string {
  const target = statement.target as TSESTree.Node;
  const annotation = 'typeAnnotation' in target ? (target.typeAnnotation as TSESTree.TSTypeAnnotation | undefined) : undefined;
  if (annotation) return text.slice(target.range[0], annotation.range[0]).trimEnd();
  return sliceOf(text, target);
}

/**
 * Each statement's awaited expression as text (parentheses and inner comments kept, `await` dropped),
 * with the comments that sat elsewhere in the statement or between statements. A comment on the
 * same line after a statement, or after the awaited call inside it, trails that statement's element;
 * any other goes before its element.
 */
function collectElements(file: AnalysisFile, run: readonly AwaitStatement[], end: number): Element[] {
  const { text } = file;
  const elements: Element[] = run.map((statement) => {
    const raw = text.slice(statement.awaitExpression.range[0] + 'await'.length, statement.awaitExpression.range[1]);
    const trimmed = raw.trim();
    const base = statement.awaitExpression.range[0] + 'await'.length + raw.indexOf(trimmed);
    const comments = commentsWithin(file.comments, base, base + trimmed.length).map(
      (c): [number, number] => [c.range[0] - base, c.range[1] - base],
    );
    return { statement, text: trimmed, comments, leading: [], trailing: [] };
  });
  let regionStart = run[0]?.node.range[0] ?? 0;
  run.forEach((statement, i) => {
    const kept: [number, number][] = [[statement.awaitExpression.range[0], statement.awaitExpression.range[1]]];
    if (statement.target) kept.push([statement.target.range[0], statement.target.range[1]]);
    const previousEnd = i > 0 ? (run[i - 1] as AwaitStatement).node.range[1] : -1;
    for (const comment of commentsWithin(file.comments, regionStart, statement.node.range[1])) {
      if (kept.some(([s, e]) => comment.range[0] >= s && comment.range[1] <= e)) continue;
      const trailsPrevious = i > 0 && comment.range[0] >= previousEnd && !hasLineBreak(text.slice(previousEnd, comment.range[0]));
      // A comment after the awaited call, before the statement's end (`await f() /* c */;`), follows its call.
      const followsOperand = comment.range[0] >= statement.awaitExpression.range[1];
      if (trailsPrevious) elements[i - 1]?.trailing.push(commentText(text, comment));
      else if (followsOperand) elements[i]?.trailing.push(commentText(text, comment));
      else elements[i]?.leading.push(commentText(text, comment));
    }
    regionStart = statement.node.range[1];
  });
  const lastElement = elements[elements.length - 1];
  for (const comment of commentsWithin(file.comments, regionStart, end)) lastElement?.trailing.push(commentText(text, comment));
  return elements;
}

/** Whether the comment right before `node` (only whitespace between) is a JSDoc with a type tag. */
function jsdocTypeBefore(file: AnalysisFile, node: TSESTree.Node): boolean {
  const before = commentsWithin(file.comments, Math.max(0, node.range[0] - 2000), node.range[0]);
  const comment = before[before.length - 1];
  if (!comment || comment.type !== 'Block' || !comment.value.startsWith('*')) return false;
  if (file.text.slice(comment.range[1], node.range[0]).trim() !== '') return false;
  return /@(type|satisfies)\b/.test(comment.value);
}

/**
 * The last of the comments that follow `offset` on its line and end it: only spaces, tabs and
 * comments stand between `offset` and the line's end (a line terminator of any kind, or the end of
 * the file). Code anywhere after `offset` on the line (a call after a block comment) means no
 * comment is taken, so the rewrite's range never passes over code.
 */
function trailingLineComment(file: AnalysisFile, offset: number): TSESTree.Comment | null {
  const { text } = file;
  let cursor = offset;
  let last: TSESTree.Comment | null = null;
  for (let i = firstCommentFrom(file.comments, offset); ; ) {
    while (cursor < text.length && isHorizontalSpace(text.charAt(cursor))) cursor++;
    const comment = file.comments[i];
    if (comment?.range[0] === cursor) {
      last = comment;
      cursor = comment.range[1];
      i++;
      // A `//` comment ends at its line's end, and so does every comment after it.
      if (comment.type === 'Line') return last;
      continue;
    }
    return cursor >= text.length || isLineTerminator(text.charCodeAt(cursor)) ? last : null;
  }
}

/** White space that does not end a line. */
const horizontalSpace = /[^\S\n\r\u2028\u2029]/;

function isHorizontalSpace(char: string): boolean {
  return horizontalSpace.test(char);
}

/**
 * Whether a statement starting with `[` needs a leading `;`: when the previous statement does not end
 * with one, the `[` could otherwise be read as a member access on it.
 */
function needsAsiGuard(text: string, previous: TSESTree.Node | undefined): boolean {
  if (!previous) return false;
  if (text.slice(previous.range[0], previous.range[1]).trimEnd().endsWith(';')) return false;
  return !closedStatementTypes.has(previous.type);
}
