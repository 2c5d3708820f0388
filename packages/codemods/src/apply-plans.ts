import {
  type AnalysisFile,
  applyEdits,
  isLevelAllowed,
  ParseError,
  parseFile,
  type ParseFileOptions,
  type Plan,
  type SafetyLevel,
  sortEdits,
  type TextEdit,
  typedOracleFactory,
  type TypesUse,
  withBom,
  withoutBom,
} from '@asyncwise/analysis';
import { NotConvergingError, OutputParseError } from './errors';
import type { Change, RefusalNote, TextRange, TransformOptions, TransformResult } from './types';

/** One plan a transform found in a file, with where it starts and how to describe it. */
export interface FoundPlan {
  /** Offset in the analysed text where the rewrite starts; reported as line and column. */
  readonly start: number;
  readonly description: string;
  readonly plan: Plan;
}

/** Asks the analysis for a file's plans. Called once per pass on the current text. */
export type FindPlans = (file: AnalysisFile) => readonly FoundPlan[];

interface Pass {
  /** The edits applied in this pass, sorted, in the coordinates of the text before the pass. */
  readonly edits: readonly TextEdit[];
  /**
   * For each edit, how much longer the text is after it and every earlier edit of the pass than
   * before them: maps an offset back through the pass with one binary search.
   */
  readonly deltas: readonly number[];
}

/**
 * Applies every plan at or below `level` to `source` and reports each plan found: applied changes,
 * changes above the level (listed, not applied) and refusals. Everything outside an edit stays
 * byte-identical.
 *
 * The text is read as ESLint reads it: without its byte order mark (put back on output), as the
 * `sourceType` given or ESLint's default for the file name. So every rule report and codemod change
 * sits at the same offsets. With a `project`, the analysis gets the program's types for each pass's
 * text (see `typedOracleFactory`), and the result says how the file was read (`types`).
 *
 * Plans can nest: a run inside a callback that is itself awaited in an outer run. The outer plan's
 * edit covers the inner one, so they cannot go in one `applyEdits` call. Each pass applies the
 * innermost plans only, re-parses, and asks again; the outer plan, found again on the new text,
 * then carries the inner rewrite inside its own. However deep the nesting, this ends: every applied
 * plan leaves fewer `await`s than it found, and each pass applies at least one, so there are never
 * more passes than the input has `await`s (more would be an asyncwise bug, reported as such).
 * A transform whose plans add `await`s (sync-to-async-io) gives its own bound, `passBound`: what
 * each of its plans removes from the text.
 * Positions are mapped back to the input, so every change is reported where the user wrote it.
 * The result of every pass is re-parsed: a rewrite that does not parse throws {@link OutputParseError}.
 */
export function applyPlans(
  input: string,
  filePath: string,
  level: SafetyLevel,
  findPlans: FindPlans,
  read: Pick<TransformOptions, 'sourceType' | 'project' | 'earlierChanges'> = {},
  passBound: (text: string) => number = countAwaits,
): TransformResult {
  const { text: source, bom } = withoutBom(input);
  // oxc-parser, as oxlint: the same TS-ESTree shapes as typescript-estree (the fuzz test holds the
  // codemod to ESLint's reports), read several times faster, and cheap to load in every worker.
  const { sourceType, project, earlierChanges = [] } = read;
  // With a project, every pass asks the program for types (brought up to date for this file's
  // rewritten text); the first answer says how the file was read.
  let types: TypesUse | undefined;
  const oracle = project === undefined ? undefined : typedOracleFactory(project, (use) => (types ??= use));
  const parseOptions: ParseFileOptions = {
    parser: 'oxc',
    ...(sourceType === undefined ? {} : { sourceType }),
    ...(oracle === undefined ? {} : { oracle }),
  };
  const lineStarts = lineStartsOf(source);
  const passes: Pass[] = [];
  const changes: Change[] = [];
  const refusals: RefusalNote[] = [];
  const seen = new Set<string>();

  const note = (found: FoundPlan, applied: boolean) => {
    const { offset, exact } = toSourceOffset(passes, found.start);
    // A site inside text an earlier pass rewrote has no place of its own in the input; it was
    // noted, where the user wrote it, in the pass before its surroundings were rewritten.
    if (!exact && !applied) return;
    const { line, column } = positionOf(lineStarts, offset);
    const plan = found.plan;
    if (plan.level === 'refused') {
      for (const refusal of plan.refusals) {
        const key = `refusal:${line}:${column}:${refusal.reason}`;
        if (seen.has(key)) continue;
        seen.add(key);
        refusals.push({ line, column, reason: refusal.reason, message: refusal.message });
      }
      return;
    }
    const key = `change:${line}:${column}`;
    if (seen.has(key)) return;
    seen.add(key);
    // A run refused in an earlier pass can be rewritten once the runs nested in it were (their
    // rewrite can settle what stopped it, such as the order of comments); one site, one outcome.
    if (applied) {
      for (let i = refusals.length - 1; i >= 0; i--) {
        const refusal = refusals[i] as RefusalNote;
        if (refusal.line === line && refusal.column === column) refusals.splice(i, 1);
      }
    }
    changes.push({ line, column, level: plan.level, description: found.description, applied });
  };

  /** What an earlier codemod wrote, in the current text's coordinates; a plan that touches it is refused. */
  let earlier: TextRange[] = mergeRanges(earlierChanges);
  /** What this transform wrote, in the current text's coordinates. */
  let own: TextRange[] = [];
  const refuseOverlap = (found: FoundPlan) => {
    const { offset } = toSourceOffset(passes, found.start);
    const { line, column } = positionOf(lineStarts, offset);
    const key = `refusal:${line}:${column}:overlaps-earlier-change`;
    if (seen.has(key)) return;
    seen.add(key);
    refusals.push({
      line,
      column,
      reason: 'overlaps-earlier-change',
      message: 'an earlier codemod of this run rewrote this code; run asyncwise again to apply this change to the new text',
    });
  };

  let text = source;
  let file = parseFile(source, filePath, parseOptions);
  const maxPasses = passBound(source) + 1;
  for (let pass = 0; ; pass++) {
    const found = findPlans(file);
    // A plan touches an earlier change when one of its edits does: an import added at the top and a
    // statement rewritten below it do not touch what another codemod rewrote between them.
    const overlapping = new Set(found.filter((f) => f.plan.edits.some((edit) => overlapsAny(edit.range, earlier))));
    const allowed = found.filter(
      (f) => !overlapping.has(f) && f.plan.level !== 'refused' && f.plan.edits.length > 0 && isLevelAllowed(f.plan.level, level),
    );
    const allowedSet = new Set(allowed);
    for (const f of found) {
      if (overlapping.has(f)) refuseOverlap(f);
      else if (!allowedSet.has(f)) note(f, false);
    }
    if (allowed.length === 0) break;
    if (pass >= maxPasses) throw new NotConvergingError(filePath);

    const innermost = innermostPlans(allowed);
    for (const f of innermost) note(f, true);
    const edits = sortEdits(innermost.flatMap((f) => f.plan.edits));
    const next = applyEdits(text, edits);
    const thisPass = passOf(edits);
    passes.push(thisPass);
    earlier = mapRanges(thisPass, earlier);
    own = mergeRanges([...mapRanges(thisPass, own), ...writtenBy(thisPass)]);
    text = next;
    file = reparse(text, filePath, parseOptions);
  }
  return {
    output: text === source ? input : withBom(text, bom),
    changes: sortByPosition(changes),
    refusals: sortByPosition(refusals),
    // The loop ends only when a pass over the current text found nothing to apply.
    settled: true,
    written: mergeRanges([...earlier, ...own]),
    inputOffsetOf: (offset) => toSourceOffset(passes, offset).offset,
    ...(types === undefined ? {} : { types }),
  };
}

/** Sorted, with overlapping and touching ranges joined. */
function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Whether `span` shares a character with one of the sorted `ranges` (an insertion at a range's edge does not). */
function overlapsAny(span: readonly [number, number], ranges: readonly TextRange[]): boolean {
  return ranges.some(([start, end]) => span[0] < end && start < span[1]);
}

/** The replacement texts of a pass, in the coordinates of the text after it. */
function writtenBy(pass: Pass): TextRange[] {
  return pass.edits.map((edit, i) => {
    const start = edit.range[0] + (i > 0 ? (pass.deltas[i - 1] as number) : 0);
    return [start, start + edit.text.length] as const;
  });
}

/**
 * Sorted, disjoint ranges of the text before a pass, in the text after it: each shifted by the
 * edits before it and widened to cover any edit that overlaps it. One sweep over both lists.
 */
function mapRanges(pass: Pass, ranges: readonly TextRange[]): TextRange[] {
  const { edits, deltas } = pass;
  const out: TextRange[] = [];
  let first = 0;
  for (const [start, end] of ranges) {
    while (first < edits.length && (edits[first] as TextEdit).range[1] <= start) first++;
    const shift = first > 0 ? (deltas[first - 1] as number) : 0;
    let newStart = start + shift;
    let newEnd = end + shift;
    for (let j = first; j < edits.length && (edits[j] as TextEdit).range[0] < end; j++) {
      const edit = edits[j] as TextEdit;
      const editStart = edit.range[0] + (j > 0 ? (deltas[j - 1] as number) : 0);
      newStart = Math.min(newStart, editStart);
      newEnd = Math.max(newEnd, editStart + edit.text.length, end + (deltas[j] as number));
    }
    out.push([newStart, newEnd]);
  }
  return out;
}

/** How many times the words occur in `text`: a transform's bound on the plans that can ever apply in one file. */
export function countWords(text: string, ...words: readonly string[]): number {
  let count = 0;
  for (const word of words) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) count++;
  }
  return count;
}

/** How many times the word `await` occurs: the default bound. */
function countAwaits(text: string): number {
  return countWords(text, 'await');
}

/**
 * The plans no other plan's edits enclose, in one sweep over the plans sorted by span (start
 * ascending, longer first): a plan is innermost unless a later-starting plan lies inside it.
 */
function innermostPlans(plans: readonly FoundPlan[]): FoundPlan[] {
  const spans = plans.map((plan) => ({ plan, span: spanOf(plan.plan) }));
  spans.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const enclosing = new Set<FoundPlan>();
  // Open spans, outermost first; each encloses every span that starts inside it.
  const open: { plan: FoundPlan; span: [number, number] }[] = [];
  for (const entry of spans) {
    while (open.length > 0 && (open[open.length - 1] as (typeof open)[number]).span[1] < entry.span[1]) open.pop();
    const parent = open[open.length - 1];
    if (parent && encloses(parent.span, entry.span)) enclosing.add(parent.plan);
    open.push(entry);
  }
  return plans.filter((plan) => !enclosing.has(plan));
}

function passOf(edits: readonly TextEdit[]): Pass {
  const deltas: number[] = [];
  let delta = 0;
  for (const edit of edits) {
    delta += edit.text.length - (edit.range[1] - edit.range[0]);
    deltas.push(delta);
  }
  return { edits, deltas };
}

function reparse(text: string, filePath: string, options: ParseFileOptions): AnalysisFile {
  try {
    return parseFile(text, filePath, options);
  } catch (error) {
    if (error instanceof ParseError) throw new OutputParseError(filePath, error.line, error.column, error.reason);
    throw error;
  }
}

function spanOf(plan: Plan): [number, number] {
  let start = Infinity;
  let end = -Infinity;
  for (const edit of plan.edits) {
    start = Math.min(start, edit.range[0]);
    end = Math.max(end, edit.range[1]);
  }
  return [start, end];
}

/** Whether `outer`'s edits span `inner`'s: they cannot be applied in the same pass. */
function encloses(outer: readonly [number, number], inner: readonly [number, number]): boolean {
  const [os, oe] = outer;
  const [is, ie] = inner;
  return os <= is && ie <= oe && (os !== is || oe !== ie);
}

/**
 * Maps an offset in the text after the given passes back to the input. An offset inside a
 * replacement maps to the start of the text it replaced, and is then not `exact`.
 */
function toSourceOffset(passes: readonly Pass[], offset: number): { offset: number; exact: boolean } {
  let result = offset;
  let exact = true;
  for (let p = passes.length - 1; p >= 0; p--) {
    const mapped = offsetBeforeEdits(passes[p] as Pass, result);
    result = mapped.offset;
    exact &&= mapped.exact;
  }
  return { offset: result, exact };
}

function offsetBeforeEdits(pass: Pass, offset: number): { offset: number; exact: boolean } {
  const { edits, deltas } = pass;
  // The last edit that starts at or before `offset` in the text after the pass.
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const before = mid > 0 ? (deltas[mid - 1] as number) : 0;
    if ((edits[mid] as TextEdit).range[0] + before <= offset) lo = mid + 1;
    else hi = mid;
  }
  const index = lo - 1;
  if (index < 0) return { offset, exact: true };
  const edit = edits[index] as TextEdit;
  const before = index > 0 ? (deltas[index - 1] as number) : 0;
  const newStart = edit.range[0] + before;
  // The start of a replacement is where the replaced text started; anything later inside it is not.
  if (offset < newStart + edit.text.length) return { offset: edit.range[0], exact: offset === newStart };
  return { offset: offset - (deltas[index] as number), exact: true };
}

/** Where each line starts, with every line break ESLint counts: LF, CRLF, CR, U+2028 and U+2029. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|[\n\r\u2028\u2029]/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** 1-based line and column of an offset. */
export function positionOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
}

/** Whether most line breaks of a file are `\r\n`: new lines in a rewrite then follow suit. */
function sortByPosition<T extends { line: number; column: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.line - b.line || a.column - b.column);
}
