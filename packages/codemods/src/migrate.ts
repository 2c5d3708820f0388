import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { OverlappingEditsError, ParseError } from '@asyncwise/analysis';
import { writeFileAtomically } from './atomic-write';
import { DirtyWorkTreeError, NotConvergingError, OutputParseError } from './errors';
import { dirtyFiles } from './git';
import type { LoadedCodemod } from './registry';
import { decodeSource, encodeSource, type SkipReason } from './source-text';
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

/**
 * Why a file was left alone although neither it nor asyncwise is at fault: not an error (the run
 * still exits 0), but listed in the summary and the report, so nobody thinks it was migrated.
 */
export interface FileSkip {
  readonly reason: SkipReason;
  /** 1-based, where the reason was found (the first byte that is not UTF-8). */
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
  /** `changed` in a dry run means "would change"; `skipped` files were not read as source (see `skip`). */
  readonly status: 'changed' | 'unchanged' | 'skipped' | 'error';
  readonly changes: readonly FileChange[];
  readonly refusals: readonly FileRefusal[];
  readonly error?: FileError;
  /** Only on `skipped` files. */
  readonly skip?: FileSkip;
  /** Texts before and after, for diffs; only on `changed` files. */
  readonly before?: string;
  readonly after?: string;
  /** True once the new text is on disk. */
  readonly written: boolean;
}

export interface MigrateOptions extends TransformOptions {
  /** In the order they run on each file, each with its own options bound (see `loadCodemods`). */
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
 * nothing is written. A file that fails anywhere is reported and left untouched. A file that is not
 * UTF-8 is skipped (`not-utf8`), untouched. A file listed twice (also through a symlink or another
 * path to it) is migrated once, under the first path given; the later ones are dropped.
 */
export async function migrate(options: MigrateOptions): Promise<FileOutcome[]> {
  const transformOptions: TransformOptions = {
    level: options.level ?? 'safe',
    ...(options.sourceType === undefined ? {} : { sourceType: options.sourceType }),
  };
  const files = withoutDuplicates(options.files);
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    const outcome = await migrateFile(file, options.codemods, transformOptions);
    outcomes.push(outcome);
    options.onFile?.(outcome, index, files.length);
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

/**
 * The files in order, each once: a second path to the same file (by real path, so through a symlink
 * or `..` too) is dropped. Writing one file twice from two readings would report the second as
 * "changed on disk", or worse, apply the rewrite twice.
 */
function withoutDuplicates(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      real = file; // Unreadable: kept, so that its read error is reported.
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/** Reads, transforms and checks one file; never throws. */
export async function migrateFile(
  file: string,
  codemods: readonly LoadedCodemod[],
  options: TransformOptions,
): Promise<FileOutcome> {
  let before: string;
  try {
    const decoded = decodeSource(await readFile(file));
    if (!decoded.ok) {
      const { line, column, message } = decoded;
      return { file, status: 'skipped', changes: [], refusals: [], skip: { reason: 'not-utf8', line, column, message }, written: false };
    }
    before = decoded.text;
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
    // Someone may have saved the file while the codemods ran: never overwrite their edit. UTF-8
    // decoding is one-to-one, so equal texts mean equal bytes.
    const current = decodeSource(await readFile(outcome.file));
    if (!current.ok || current.text !== outcome.before) {
      return { ...outcome, status: 'error', error: { kind: 'changed-on-disk', message: 'the file changed on disk during the run; rerun' } };
    }
    await writeFileAtomically(outcome.file, encodeSource(outcome.after ?? ''));
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
