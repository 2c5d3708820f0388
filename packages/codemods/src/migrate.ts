import { readFile } from 'node:fs/promises';
import { OverlappingEditsError, ParseError } from '@asyncwise/analysis';
import writeFileAtomic from 'write-file-atomic';
import { DirtyWorkTreeError, NotConvergingError, OutputParseError } from './errors';
import { dirtyFiles } from './git';
import type { LoadedCodemod } from './registry';
import type { Change, RefusalNote, TransformOptions } from './types';

/** Why a file could not be migrated. It is left byte-for-byte unchanged in every case. */
export type FileErrorKind =
  | 'read'
  | 'parse'
  | 'output-parse'
  | 'transform'
  | 'not-idempotent'
  | 'changed-on-disk'
  | 'write';

export interface FileError {
  readonly kind: FileErrorKind;
  /** 1-based, when the error has a position. */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export interface FileChange extends Change {
  readonly codemod: string;
}

export interface FileRefusal extends RefusalNote {
  readonly codemod: string;
}

export interface FileOutcome {
  /** Absolute path. */
  readonly file: string;
  /** `changed` in a dry run means "would change". */
  readonly status: 'changed' | 'unchanged' | 'error';
  readonly changes: readonly FileChange[];
  readonly refusals: readonly FileRefusal[];
  readonly error?: FileError;
  /** Texts before and after, for diffs; only on `changed` files. */
  readonly before?: string;
  readonly after?: string;
  /** True once the new text is on disk. */
  readonly written: boolean;
}

export interface MigrateOptions extends TransformOptions {
  readonly codemods: readonly LoadedCodemod[];
  readonly files: readonly string[];
  readonly write: boolean;
  readonly allowDirty: boolean;
  /** Called after each file is analysed, in order: for diffs and progress. */
  readonly onFile?: (outcome: FileOutcome, index: number, total: number) => void;
}

/**
 * Runs the codemods over the files, in process and in order. A file's codemods run one after the
 * other on the text, then once more on their own output: a file that would change again is an
 * error, not a result. Files are written (atomically: temp file and rename, mode kept) only with
 * `write`, only after every file was analysed, and only when none of those to be written has
 * uncommitted changes (unless `allowDirty`); otherwise {@link DirtyWorkTreeError} is thrown and
 * nothing is written. A file that fails anywhere is reported and left untouched.
 */
export async function migrate(options: MigrateOptions): Promise<FileOutcome[]> {
  const transformOptions: TransformOptions = {
    level: options.level ?? 'safe',
    ignore: options.ignore ?? [],
    ...(options.minRun === undefined ? {} : { minRun: options.minRun }),
    ...(options.includeBareAwaits === undefined ? {} : { includeBareAwaits: options.includeBareAwaits }),
    ...(options.sourceType === undefined ? {} : { sourceType: options.sourceType }),
  };
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of options.files.entries()) {
    const outcome = await migrateFile(file, options.codemods, transformOptions);
    outcomes.push(outcome);
    options.onFile?.(outcome, index, options.files.length);
  }
  if (!options.write) return outcomes;

  const toWrite = outcomes.filter((o) => o.status === 'changed');
  if (!options.allowDirty) {
    const dirty = dirtyFiles(toWrite.map((o) => o.file));
    if (dirty.length > 0) throw new DirtyWorkTreeError(dirty);
  }
  // One file at a time: a large migration must not run out of file handles.
  const written: FileOutcome[] = [];
  for (const outcome of outcomes) written.push(outcome.status === 'changed' ? await writeOutcome(outcome) : outcome);
  return written;
}

/** Reads, transforms and checks one file; never throws. */
export async function migrateFile(
  file: string,
  codemods: readonly LoadedCodemod[],
  options: TransformOptions,
): Promise<FileOutcome> {
  let before: string;
  try {
    before = await readFile(file, 'utf8');
  } catch (error) {
    return failed(file, [], [], { kind: 'read', message: `cannot read the file (${messageOf(error)})` });
  }
  const changes: FileChange[] = [];
  const refusals: FileRefusal[] = [];
  let after = before;
  let settled = false;
  try {
    for (const codemod of codemods) {
      const result = codemod.run(after, file, options);
      settled = codemods.length === 1 && result.settled === true;
      changes.push(...result.changes.map((c) => ({ codemod: codemod.name, ...c })));
      refusals.push(...result.refusals.map((r) => ({ codemod: codemod.name, ...r })));
      after = result.output;
    }
  } catch (error) {
    return failed(file, changes, refusals, fileErrorOf(error));
  }
  if (after === before) return { file, status: 'unchanged', changes, refusals, written: false };

  // A lone codemod whose last pass already analysed its own output and found nothing more to apply
  // has shown its fixed point; a rerun would compute the same again (for a large file, seconds).
  const again = settled ? null : rerun(after, file, codemods, options);
  if (again !== null) return failed(file, changes, refusals, again);
  return { file, status: 'changed', changes, refusals, before, after, written: false };
}

/**
 * The idempotence check: `null` when the codemods leave their own output alone. Several codemods
 * are run again in turn, since a later one can give an earlier one new work.
 */
function rerun(text: string, file: string, codemods: readonly LoadedCodemod[], options: TransformOptions): FileError | null {
  let current = text;
  try {
    for (const codemod of codemods) current = codemod.run(current, file, options).output;
  } catch (error) {
    return fileErrorOf(error);
  }
  if (current === text) return null;
  return {
    kind: 'not-idempotent',
    message: 'a second run would change the file again, so the rewrite is not trusted; the file is left unchanged',
  };
}

async function writeOutcome(outcome: FileOutcome): Promise<FileOutcome> {
  try {
    // Someone may have saved the file while the codemods ran: never overwrite their edit.
    const current = await readFile(outcome.file, 'utf8');
    if (current !== outcome.before) {
      return { ...outcome, status: 'error', error: { kind: 'changed-on-disk', message: 'the file changed on disk during the run; rerun' } };
    }
    await writeFileAtomic(outcome.file, outcome.after ?? '', { encoding: 'utf8' });
    return { ...outcome, written: true };
  } catch (error) {
    return { ...outcome, status: 'error', error: { kind: 'write', message: `cannot write the file (${messageOf(error)})` } };
  }
}

function failed(file: string, changes: FileChange[], refusals: FileRefusal[], error: FileError): FileOutcome {
  // Nothing was applied, so nothing is reported as applied.
  return { file, status: 'error', changes: changes.map((c) => ({ ...c, applied: false })), refusals, error, written: false };
}

/** A thrown error as a one-line, positioned report. */
export function fileErrorOf(error: unknown): FileError {
  if (error instanceof ParseError) {
    return { kind: 'parse', line: error.line, column: error.column, message: firstLine(error.reason) };
  }
  if (error instanceof OutputParseError) {
    return {
      kind: 'output-parse',
      line: error.line,
      column: error.column,
      message: `the rewrite would not parse (${firstLine(error.reason)}); this is an asyncwise bug, please report it`,
    };
  }
  if (error instanceof OverlappingEditsError) {
    return { kind: 'transform', message: 'two rewrites touched the same code; this is an asyncwise bug, please report it' };
  }
  if (error instanceof NotConvergingError) {
    return { kind: 'transform', message: 'the rewrite did not settle: each pass found new changes; this is an asyncwise bug, please report it' };
  }
  return { kind: 'transform', message: `the codemod failed (${firstLine(messageOf(error))}); this is an asyncwise bug, please report it` };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
