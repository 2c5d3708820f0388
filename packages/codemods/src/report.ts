import { isBugRefusal, type SafetyLevel, type TypesFallbackReason, type TypesUse } from '@asyncwise/analysis';
import type { FileChange, FileErrorKind, FileOutcome, FileRefusal, FileSkip } from './migrate';
import { displayPath } from './paths';
import type { SkipReason } from './source-text';
import type { Shard } from './shard';
import type { NoteReason, RunnerRefusalReason } from './types';

function isRunnerRefusal(reason: NoteReason): reason is RunnerRefusalReason {
  return reason === 'overlaps-earlier-change';
}

function isAsyncwiseBug(reason: NoteReason): boolean {
  return !isRunnerRefusal(reason) && isBugRefusal(reason);
}

/**
 * Bumped when the report's shape changes incompatibly. 2: the error kind `changed-on-disk` became
 * `changed-during-run` (it also covers a file deleted during the run); see the package README.
 */
export const reportVersion = 2;

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

/** A file of a `--project` run read without types, and why. */
export interface UntypedSummary {
  readonly path: string;
  readonly reason: TypesFallbackReason;
  readonly message: string;
}

/** How the files of a `--project` run were read: how many with the program's types, which without. */
export interface TypesSummary {
  readonly typed: number;
  readonly untyped: readonly UntypedSummary[];
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
  /** Only in a `--project` run where some file was asked a type question. */
  readonly types?: TypesSummary;
}

export interface ReportFile {
  readonly path: string;
  readonly status: FileOutcome['status'];
  readonly written: boolean;
  readonly changes: readonly FileChange[];
  readonly refusals: readonly FileRefusal[];
  readonly error?: FileOutcome['error'];
  readonly skip?: FileSkip;
  /** Files created with this one (the local limiter's helper), and whether each is on disk. */
  readonly created?: readonly { readonly path: string; readonly description: string; readonly written: boolean }[];
  /** With `--project`: read with the program's types, or without them and why. */
  readonly types?: TypesUse;
}

/** The `--report` file: everything the summary says, per file, for tools and CI. */
export interface Report {
  readonly version: typeof reportVersion;
  readonly asyncwiseVersion: string;
  readonly codemods: readonly string[];
  readonly level: SafetyLevel;
  readonly write: boolean;
  /** Only on the report of a `--shard i/n` run: which share of the files it covers. */
  readonly shard?: Shard;
  readonly files: readonly ReportFile[];
  readonly summary: Summary;
  /**
   * Only on a project codemod's report: the functions of the whole plan, and the TypeScript errors
   * `--typecheck` found the whole plan would add (paths relative). Facts of the whole program:
   * every shard's report has the same.
   */
  readonly chain?: readonly string[];
  readonly typeErrors?: readonly ProjectTypeError[];
  /**
   * Only on a project codemod's report with `--cache`: true when the project was unchanged since a
   * run that planned nothing to apply, so the program was not built and the outcome is that run's.
   */
  readonly planFromCache?: boolean;
}

/** A TypeScript error a project codemod's rewrite would add (see `NewTypeError`). */
export interface ProjectTypeError {
  readonly file: string | null;
  readonly start: number;
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly message: string;
  readonly plans: readonly string[];
}

export function summarize(outcomes: readonly FileOutcome[], cwd: string): Summary {
  return summarizeFiles(outcomes.map((o) => reportFileOf(o, cwd)));
}

/** The summary of a report's files: what `summarize` gives for the run, and for merged shards alike. */
export function summarizeFiles(files: readonly ReportFile[]): Summary {
  const changesApplied: Record<SafetyLevel, number> = { safe: 0, review: 0 };
  const changesNotApplied: Record<SafetyLevel, number> = { safe: 0, review: 0 };
  const refusals: Partial<Record<NoteReason, number>> = {};
  const errors: ErrorSummary[] = [];
  let asyncwiseBugs = 0;
  const skipped: SkipSummary[] = [];
  let typed = 0;
  const untyped: UntypedSummary[] = [];
  for (const file of files) {
    if (file.types?.source === 'types') typed++;
    else if (file.types?.source === 'syntax') untyped.push({ path: file.path, reason: file.types.reason, message: file.types.message });
    for (const change of file.changes) (change.applied ? changesApplied : changesNotApplied)[change.level]++;
    for (const refusal of file.refusals) {
      refusals[refusal.reason] = (refusals[refusal.reason] ?? 0) + 1;
      if (isAsyncwiseBug(refusal.reason)) asyncwiseBugs++;
    }
    if (file.error) errors.push({ path: file.path, ...file.error });
    if (file.skip) skipped.push({ path: file.path, ...file.skip });
  }
  return {
    filesScanned: files.length,
    filesChanged: files.filter((f) => f.status === 'changed').length,
    filesWritten: files.filter((f) => f.written).length,
    filesErrored: errors.length,
    filesSkipped: skipped.length,
    changesApplied,
    changesNotApplied,
    refusals,
    asyncwiseBugs,
    errors,
    skipped,
    ...(typed + untyped.length > 0 ? { types: { typed, untyped } } : {}),
  };
}

function reportFileOf(o: FileOutcome, cwd: string): ReportFile {
  return {
    path: displayPath(o.file, cwd),
    status: o.status,
    written: o.written,
    changes: o.changes,
    refusals: o.refusals,
    ...(o.error ? { error: o.error } : {}),
    ...(o.skip ? { skip: o.skip } : {}),
    ...(o.created ? { created: o.created.map((f) => ({ path: displayPath(f.path, cwd), description: f.description, written: f.written })) } : {}),
    ...(o.types ? { types: { ...o.types, project: o.types.project === null ? null : displayPath(o.types.project, cwd) } as TypesUse } : {}),
  };
}

export function buildReport(
  outcomes: readonly FileOutcome[],
  settings: { cwd: string; asyncwiseVersion: string; codemods: readonly string[]; level: SafetyLevel; write: boolean; shard?: Shard },
): Report {
  const files = outcomes.map((o) => reportFileOf(o, settings.cwd));
  return {
    version: reportVersion,
    asyncwiseVersion: settings.asyncwiseVersion,
    codemods: settings.codemods,
    level: settings.level,
    write: settings.write,
    ...(settings.shard ? { shard: settings.shard } : {}),
    files,
    summary: summarizeFiles(files),
  };
}

/** Shard reports that cannot be merged into one, and why. */
export class ReportMergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportMergeError';
  }
}

/**
 * Merges the reports of `--shard 1/n` … `--shard n/n` into the report one run over every file would
 * have written: files in path order, the summary computed again from them. Throws
 * {@link ReportMergeError} unless the reports come from the same asyncwise, codemods, level and
 * write mode, are shards of one count and each shard is there exactly once, and no file is in two.
 */
export function mergeReports(named: readonly { readonly name: string; readonly report: Report }[]): Report {
  const [first] = named;
  if (!first) throw new ReportMergeError('no reports given: asyncwise report merge <report.json…>');
  const same = (what: string, value: (r: Report) => unknown) => {
    for (const { name, report } of named) {
      if (JSON.stringify(value(report)) !== JSON.stringify(value(first.report))) {
        throw new ReportMergeError(`${name} and ${first.name} differ in ${what} (${JSON.stringify(value(report))} and ${JSON.stringify(value(first.report))}); merge reports of one run only.`);
      }
    }
  };
  same('report version', (r) => r.version);
  same('asyncwise version', (r) => r.asyncwiseVersion);
  same('codemods', (r) => r.codemods);
  same('level', (r) => r.level);
  same('write', (r) => r.write);
  same('shard count', (r) => r.shard?.count ?? null);
  // A project codemod's shards each planned and judged the whole program: their verdicts agree, or
  // they were not run over the same project.
  same('chain', (r) => r.chain ?? null);
  same('type errors', (r) => r.typeErrors ?? null);
  const count = first.report.shard?.count;
  if (count === undefined) throw new ReportMergeError(`${first.name} is not the report of a --shard run; only shard reports are merged.`);
  const byIndex = new Map<number, string>();
  for (const { name, report } of named) {
    const index = report.shard?.index as number;
    const earlier = byIndex.get(index);
    if (earlier !== undefined) throw new ReportMergeError(`${earlier} and ${name} are both shard ${index}/${count}.`);
    byIndex.set(index, name);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new ReportMergeError(`shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing: every shard's report is needed for the whole run.`);
  const files = new Map<string, ReportFile>();
  for (const { name, report } of named) {
    for (const file of report.files) {
      if (files.has(file.path)) throw new ReportMergeError(`${file.path} is in two reports (one of them ${name}); were the shards run from different folders?`);
      files.set(file.path, file);
    }
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Whether a shard's plan came from its cache is that shard's own fact, not the run's.
  const { shard: _shard, planFromCache: _planFromCache, ...rest } = first.report;
  return { ...rest, files: sorted, summary: summarizeFiles(sorted) };
}
