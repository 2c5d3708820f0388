import {
  type AnalysisFile,
  applyEdits,
  isLevelAllowed,
  ParseError,
  parseFile,
  type Plan,
  type SafetyLevel,
  type TextEdit,
} from '@asyncwise/analysis';
import { NotConvergingError, OutputParseError } from './errors';
import type { Change, RefusalNote, TransformResult } from './types';

/** One plan a transform found in a file, with where it starts and how to describe it. */
export interface FoundPlan {
  /** Offset in the analysed text where the rewrite starts; reported as line and column. */
  readonly start: number;
  readonly description: string;
  readonly plan: Plan;
}

/** Asks the analysis for a file's plans. Called once per pass on the current text. */
export type FindPlans = (file: AnalysisFile) => readonly FoundPlan[];

/** Passes after which a file that still yields new rewrites is given up on. */
const MAX_PASSES = 8;

interface Pass {
  /** The edits applied in this pass, sorted, in the coordinates of the text before the pass. */
  readonly edits: readonly TextEdit[];
}

/**
 * Applies every plan at or below `level` to `source` and reports each plan found: applied changes,
 * changes above the level (listed, not applied) and refusals. Everything outside an edit stays
 * byte-identical.
 *
 * Plans can nest: a run inside a callback that is itself awaited in an outer run. The outer plan's
 * edit covers the inner one, so they cannot go in one `applyEdits` call. Each pass applies the
 * innermost plans only, re-parses, and asks again; the outer plan, found again on the new text,
 * then carries the inner rewrite inside its own. Positions are mapped back to the input, so every
 * change is reported where the user wrote it. The result of every pass is re-parsed: a rewrite that
 * does not parse throws {@link OutputParseError}.
 */
export function applyPlans(source: string, filePath: string, level: SafetyLevel, findPlans: FindPlans): TransformResult {
  const lineStarts = lineStartsOf(source);
  const passes: Pass[] = [];
  const changes: Change[] = [];
  const refusals: RefusalNote[] = [];
  const seen = new Set<string>();

  const note = (found: FoundPlan, applied: boolean) => {
    const { line, column } = positionOf(lineStarts, toSourceOffset(passes, found.start));
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
    changes.push({ line, column, level: plan.level, description: found.description, applied });
  };

  let text = source;
  let file = parseFile(source, filePath);
  for (let pass = 0; ; pass++) {
    const found = findPlans(file);
    const allowed = found.filter(
      (f) => f.plan.level !== 'refused' && f.plan.edits.length > 0 && isLevelAllowed(f.plan.level, level),
    );
    for (const f of found) if (!allowed.includes(f)) note(f, false);
    if (allowed.length === 0) break;
    if (pass >= MAX_PASSES) throw new NotConvergingError(filePath);

    const innermost = allowed.filter((f) => !allowed.some((other) => other !== f && encloses(f, other)));
    for (const f of innermost) note(f, true);
    const edits = innermost.flatMap((f) => f.plan.edits);
    const next = applyEdits(text, edits);
    passes.push({ edits: [...edits].sort((a, b) => a.range[0] - b.range[0]) });
    text = next;
    file = reparse(text, filePath);
  }
  return { output: text === source ? source : text, changes: sortByPosition(changes), refusals: sortByPosition(refusals) };
}

function reparse(text: string, filePath: string): AnalysisFile {
  try {
    return parseFile(text, filePath);
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
function encloses(outer: FoundPlan, inner: FoundPlan): boolean {
  const [os, oe] = spanOf(outer.plan);
  const [is, ie] = spanOf(inner.plan);
  return os <= is && ie <= oe && (os !== is || oe !== ie);
}

/**
 * Maps an offset in the text after the given passes back to the input. An offset inside a
 * replacement maps to the start of the text it replaced.
 */
function toSourceOffset(passes: readonly Pass[], offset: number): number {
  let result = offset;
  for (let p = passes.length - 1; p >= 0; p--) result = offsetBeforeEdits((passes[p] as Pass).edits, result);
  return result;
}

function offsetBeforeEdits(edits: readonly TextEdit[], offset: number): number {
  let delta = 0;
  for (const edit of edits) {
    const newStart = edit.range[0] + delta;
    if (offset < newStart) break;
    if (offset < newStart + edit.text.length) return edit.range[0];
    delta += edit.text.length - (edit.range[1] - edit.range[0]);
  }
  return offset - delta;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
function positionOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
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
