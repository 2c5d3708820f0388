import { isBugRefusal, type SafetyLevel } from '@asyncwise/analysis';
import type { FileChange, FileErrorKind, FileOutcome, FileRefusal, FileSkip } from './migrate';
import { displayPath } from './paths';
import type { SkipReason } from './source-text';
import type { NoteReason, RunnerRefusalReason } from './types';

function isRunnerRefusal(reason: NoteReason): reason is RunnerRefusalReason {
  return reason === 'overlaps-earlier-change';
}

function isAsyncwiseBug(reason: NoteReason): boolean {
  return !isRunnerRefusal(reason) && isBugRefusal(reason);
}

/** Bumped when the report's shape changes incompatibly. */
export const reportVersion = 1;

export interface ErrorSummary {
  readonly path: string;
  readonly kind: FileErrorKind;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** A file left alone for a reason that is not an error (see {@link FileSkip}). */
export interface SkipSummary {
  readonly path: string;
  readonly reason: SkipReason;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export interface Summary {
  readonly filesScanned: number;
  /** Files whose text changes (or would, in a dry run). */
  readonly filesChanged: number;
  readonly filesWritten: number;
  readonly filesErrored: number;
  /** Files not migrated for a reason that is no error (`not-utf8`): they do not fail the run. */
  readonly filesSkipped: number;
  /** Changes applied (or that would be, in a dry run), by level. */
  readonly changesApplied: Record<SafetyLevel, number>;
  /** Changes found above the requested level: listed, not applied. */
  readonly changesNotApplied: Record<SafetyLevel, number>;
  /** Refused runs, by reason. */
  readonly refusals: Partial<Record<NoteReason, number>>;
  /**
   * Refusals that are asyncwise bugs (`would-lose-code`: a rewrite the invariant caught before it
   * could lose code). Never applied; they make the run exit 1 so they get reported.
   */
  readonly asyncwiseBugs: number;
  readonly errors: readonly ErrorSummary[];
  readonly skipped: readonly SkipSummary[];
}

export interface ReportFile {
  readonly path: string;
  readonly status: FileOutcome['status'];
  readonly written: boolean;
  readonly changes: readonly FileChange[];
  readonly refusals: readonly FileRefusal[];
  readonly error?: FileOutcome['error'];
  readonly skip?: FileSkip;
}

/** The `--report` file: everything the summary says, per file, for tools and CI. */
export interface Report {
  readonly version: typeof reportVersion;
  readonly asyncwiseVersion: string;
  readonly codemods: readonly string[];
  readonly level: SafetyLevel;
  readonly write: boolean;
  readonly files: readonly ReportFile[];
  readonly summary: Summary;
}

export function summarize(outcomes: readonly FileOutcome[], cwd: string): Summary {
  const changesApplied: Record<SafetyLevel, number> = { safe: 0, review: 0 };
  const changesNotApplied: Record<SafetyLevel, number> = { safe: 0, review: 0 };
  const refusals: Partial<Record<NoteReason, number>> = {};
  const errors: ErrorSummary[] = [];
  let asyncwiseBugs = 0;
  const skipped: SkipSummary[] = [];
  for (const outcome of outcomes) {
    for (const change of outcome.changes) (change.applied ? changesApplied : changesNotApplied)[change.level]++;
    for (const refusal of outcome.refusals) {
      refusals[refusal.reason] = (refusals[refusal.reason] ?? 0) + 1;
      if (isAsyncwiseBug(refusal.reason)) asyncwiseBugs++;
    }
    if (outcome.error) errors.push({ path: displayPath(outcome.file, cwd), ...outcome.error });
    if (outcome.skip) skipped.push({ path: displayPath(outcome.file, cwd), ...outcome.skip });
  }
  return {
    filesScanned: outcomes.length,
    filesChanged: outcomes.filter((o) => o.status === 'changed').length,
    filesWritten: outcomes.filter((o) => o.written).length,
    filesErrored: errors.length,
    filesSkipped: skipped.length,
    changesApplied,
    changesNotApplied,
    refusals,
    asyncwiseBugs,
    errors,
    skipped,
  };
}

export function buildReport(
  outcomes: readonly FileOutcome[],
  settings: { cwd: string; asyncwiseVersion: string; codemods: readonly string[]; level: SafetyLevel; write: boolean },
): Report {
  return {
    version: reportVersion,
    asyncwiseVersion: settings.asyncwiseVersion,
    codemods: settings.codemods,
    level: settings.level,
    write: settings.write,
    files: outcomes.map((o) => ({
      path: displayPath(o.file, settings.cwd),
      status: o.status,
      written: o.written,
      changes: o.changes,
      refusals: o.refusals,
      ...(o.error ? { error: o.error } : {}),
      ...(o.skip ? { skip: o.skip } : {}),
    })),
    summary: summarize(outcomes, settings.cwd),
  };
}
