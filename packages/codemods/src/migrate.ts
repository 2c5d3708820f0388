import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile, stat } from 'node:fs/promises';
import { OverlappingEditsError, ParseError, type TypesUse, withoutBom } from '@asyncwise/analysis';
import { lineStartsOf, positionOf } from './apply-plans';
import { type AtomicWriteHooks, makeDirectory, writeFileAtomically } from './atomic-write';
import { DirtyWorkTreeError, NotConvergingError, OutputParseError } from './errors';
import { dirtyFiles } from './git';
import type { OutcomeCache } from './cache';
import type { LoadedCodemod } from './registry';
import { decodeSource, defaultMaxFileSize, encodeSource, firstNulByte, type SkipReason } from './source-text';
import type { Change, GeneratedFile, RefusalNote, TextRange, TransformOptions } from './types';
import type { WorkerCodemod, WorkerTask } from './worker';
import { workerThreadsFor } from './jobs';

/** Why a file could not be migrated. It is left byte-for-byte unchanged in every case. */
export type FileErrorKind =
  | 'read'
  | 'parse'
  | 'output-parse'
  | 'transform'
  | 'not-idempotent'
  | 'changed-during-run'
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
  /**
   * Files the rewrite needs that do not exist yet (the local limiter's helper), only on `changed`
   * files: each is given to the first file, in path order, that needs it, and created (never
   * overwritten) just before that file is written.
   */
  readonly created?: readonly CreatedFile[];
  /** With `--project`: whether the file was read with the program's types, or without them and why. */
  readonly types?: TypesUse;
}

/** A file a rewrite needs, to be created with it. */
export interface CreatedFile extends GeneratedFile {
  /** True once it is on disk. */
  readonly written: boolean;
}

export interface MigrateOptions extends TransformOptions {
  /** In the order they run on each file, each with its own options bound (see `loadCodemods`). */
  readonly codemods: readonly LoadedCodemod[];
  readonly files: readonly string[];
  readonly write: boolean;
  readonly allowDirty: boolean;
  /**
   * How many files to analyse at once: 1 (the default) in this thread, more in a pool of worker
   * threads (see {@link workerThreadsFor}). The outcomes, their order, the diffs and the writes are
   * the same for every value.
   */
  readonly jobs?: number;
  /**
   * Outcomes of an earlier run to reuse for files whose bytes are the same (`--cache`); this run's
   * outcomes are recorded in it. The caller saves it.
   */
  readonly cache?: OutcomeCache;
  /**
   * Stops the run early (the CLI aborts it on SIGINT and SIGTERM): no file is analysed or written
   * after it fires, the write in progress is finished, and every file not analysed is reported as
   * skipped (`interrupted`). A file analysed but not written stays `changed` with `written: false`.
   */
  readonly signal?: AbortSignal;
  /**
   * The paths the run was given (absolute; the CLI's command line). When set, a file whose real path
   * is neither inside a given folder nor a given file itself (a symlink to a file elsewhere) is
   * skipped (`outside-paths`) and never written. A given folder counts by its real path, so a folder
   * named through a symlink is followed; a named file that is a symlink is not, unless its target is
   * inside the given paths too.
   */
  readonly roots?: readonly string[];
  /** Files larger than this many bytes are skipped (`too-large`); default 2 MiB (`defaultMaxFileSize`). */
  readonly maxFileSize?: number;
  /**
   * Hooks of every atomic write: tests simulate there what the file system can do to a write
   * (ENOSPC, EACCES at the rename); the real calls by default.
   */
  readonly atomicWrite?: AtomicWriteHooks;
  /** Called after each file is analysed, in path order whatever the jobs: for diffs and progress. */
  readonly onFile?: (outcome: FileOutcome, index: number, total: number) => void;
}

/** The built worker module beside this one, or `null` when running from source (no build). */
function workerModule(): URL | null {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * Runs the codemods over the files, in order (in worker threads with `jobs` > 1, the results merged
 * back in path order). A file's codemods run one after the
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
    ...(options.project === undefined ? {} : { project: options.project }),
  };
  // Each file's real path, resolved once (null: gone or dangling; its analysis reports why).
  const realPaths = new Map(options.files.map((file) => [file, realPathOrNull(file)]));
  const listed = withoutDuplicates(options.files, realPaths);
  // Symlinks out of the given paths are skipped without being read.
  const outside = new Map<string, FileOutcome>();
  if (options.roots) {
    const isInside = insideRoots(options.roots);
    for (const file of listed) {
      const target = isInside(realPaths.get(file) ?? null);
      if (target !== null) outside.set(file, outsidePaths(file, target));
    }
  }
  const files = listed;
  const outcomes: FileOutcome[] = [];
  const claimed = new Set<string>();
  const collect = (found: FileOutcome, index: number) => {
    const outcome = withClaimedFiles(found, claimed);
    outcomes.push(outcome);
    options.onFile?.(outcome, index, files.length);
  };
  const threads = workerThreadsFor(options.jobs ?? 1, files.length);
  const module = threads > 0 ? workerModule() : null;
  const inWorkers = options.codemods.every((c) => c.worker !== undefined);
  const cache = options.cache;
  const maxFileSize = options.maxFileSize ?? defaultMaxFileSize;
  const signal = options.signal;
  if (module !== null && inWorkers) {
    await analyseInWorkers(files, options.codemods, { options: transformOptions, maxFileSize }, threads, module, { cache, outside }, collect, signal);
  } else {
    // The next files' reads (and cache lookups) run while this one is analysed, so waiting for the
    // disk overlaps with the work instead of adding to it; the analysis itself stays one at a time.
    const prepare = async (file: string): Promise<FileOutcome | SourceText> =>
      outside.get(file) ?? (await cache?.get(file)) ?? (await readSource(file, maxFileSize));
    const prepared: Promise<FileOutcome | SourceText>[] = [];
    let prefetched = 0;
    for (const [index, file] of files.entries()) {
      if (signal?.aborted) break;
      // The cache's metadata reads run further ahead: they are cheap and decide whether a file is read at all.
      if (cache) while (prefetched < Math.min(files.length, index + cacheLookAhead)) cache.prefetch(files[prefetched++] as string);
      while (prepared.length < readAhead && index + prepared.length < files.length) prepared.push(prepare(files[index + prepared.length] as string));
      const ready = await (prepared.shift() as Promise<FileOutcome | SourceText>);
      collect('status' in ready ? ready : migrateSource(file, ready.text, options.codemods, transformOptions), index);
    }
  }
  // Whatever the interruption left, each file still gets an outcome, so the report says what happened to it.
  for (const file of files.slice(outcomes.length)) outcomes.push(interrupted(file));
  const finished = await writeChanges(outcomes, options);
  if (cache) for (const outcome of finished) cache.record(outcome);
  return finished;
}

/**
 * The outcome with only the files it needs that no earlier file claimed and that do not exist on
 * disk; those it keeps are claimed for it. Files an unchanged or failed outcome named are dropped.
 */
function withClaimedFiles(outcome: FileOutcome, claimed: Set<string>): FileOutcome {
  if (!outcome.created) return outcome;
  const { created, ...rest } = outcome;
  if (outcome.status !== 'changed') return rest;
  const kept = created.filter((f) => !claimed.has(f.path) && !existsSync(f.path));
  for (const f of kept) claimed.add(f.path);
  return kept.length > 0 ? { ...rest, created: kept } : rest;
}

/** How many files ahead of the one in hand the cache reads metadata, with `--jobs 1`. */
const cacheLookAhead = 32;
/** How many files are read ahead (the one in hand included), with `--jobs 1`. */
const readAhead = 3;

/** The write phase of {@link migrate}: the clean-git gate, then each changed file, one at a time. */
export async function writeChanges(outcomes: FileOutcome[], options: MigrateOptions): Promise<FileOutcome[]> {
  if (!options.write) return outcomes;

  const toWrite = outcomes.filter((o) => o.status === 'changed');
  if (!options.allowDirty) {
    const dirty = dirtyFiles(toWrite.map((o) => o.file));
    if (dirty.length > 0) throw new DirtyWorkTreeError(dirty);
  }
  // One file at a time: a large migration must not run out of file handles.
  const written: FileOutcome[] = [];
  for (const outcome of outcomes) {
    written.push(outcome.status === 'changed' && options.signal?.aborted !== true ? await writeOutcome(outcome, options.atomicWrite) : outcome);
  }
  return written;
}

function interrupted(file: string): FileOutcome {
  return {
    file,
    status: 'skipped',
    changes: [],
    refusals: [],
    skip: { reason: 'interrupted', message: 'the run was interrupted before this file was analysed; it was left as it is' },
    written: false,
  };
}

/**
 * For the paths a run was given, a test of each file's real path: `null` when it is inside a given
 * folder (by the folder's real path) or is a given file (by its own name, its folders' links
 * resolved), else the real path it leads to outside them. A file that cannot be resolved (gone,
 * a dangling link) is `null`: its analysis reports why it cannot be read.
 */
function insideRoots(roots: readonly string[]): (real: string | null) => string | null {
  const folders: string[] = [];
  const files = new Set<string>();
  for (const root of roots) {
    try {
      if (statSync(root).isDirectory()) folders.push(realpathSync.native(root));
      else files.add(path.join(realpathSync.native(path.dirname(root)), path.basename(root)));
    } catch {
      // A root that is gone names nothing to allow.
    }
  }
  return (real) => {
    if (real === null) return null;
    if (files.has(real)) return null;
    for (const folder of folders) {
      const relative = path.relative(folder, real);
      if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) return null;
    }
    return real;
  };
}

function outsidePaths(file: string, target: string): FileOutcome {
  return {
    file,
    status: 'skipped',
    changes: [],
    refusals: [],
    skip: {
      reason: 'outside-paths',
      message: `a symlink to ${target}, outside the paths given, so it was left as it is; name the target (or its folder) to migrate it`,
    },
    written: false,
  };
}

/**
 * Analyses `files` in a pool of worker threads and hands each outcome to `collect` in path order.
 * A few tasks per thread are in flight at once, so the outcomes waiting for an earlier, slower file
 * stay few however many files there are.
 */
async function analyseInWorkers(
  files: readonly string[],
  codemods: readonly LoadedCodemod[],
  settings: { readonly options: TransformOptions; readonly maxFileSize: number },
  threads: number,
  module: URL,
  known: { readonly cache: OutcomeCache | undefined; readonly outside: ReadonlyMap<string, FileOutcome> },
  collect: (outcome: FileOutcome, index: number) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: module.href, minThreads: threads, maxThreads: threads });
  const wanted: WorkerCodemod[] = codemods.flatMap((c) => (c.worker ? [c.worker] : []));
  const pending: Promise<FileOutcome>[] = [];
  let next = 0;
  const submit = () => {
    const file = files[next++] as string;
    const task: WorkerTask = { file, codemods: wanted, ...settings };
    const analyse = () =>
      pool.run(task).then(
        (outcome: FileOutcome) => outcome,
        (error: unknown) => failed(file, [], [], { kind: 'transform', message: `the worker failed (${firstLine(messageOf(error))}); this is an asyncwise bug, please report it` }),
      );
    const { cache, outside } = known;
    const skipped = outside.get(file);
    pending.push(skipped ? Promise.resolve(skipped) : cache ? cache.get(file).then((cached) => cached ?? analyse()) : analyse());
  };
  try {
    while (next < files.length && pending.length < threads * 4) submit();
    for (let index = 0; index < files.length; index++) {
      const outcome = await (pending.shift() as Promise<FileOutcome>);
      // Interrupted: the outcome in hand is complete, those still in the pool are dropped with it.
      if (signal?.aborted) break;
      if (next < files.length) submit();
      collect(outcome, index);
    }
  } finally {
    await pool.destroy();
  }
}

/**
 * The files in order, each once: a second path to the same file (by real path, so through a symlink
 * or `..` too) is dropped. Writing one file twice from two readings would report the second as
 * "changed during the run", or worse, apply the rewrite twice.
 */
function withoutDuplicates(files: readonly string[], realPaths: ReadonlyMap<string, string | null>): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    // Unreadable: kept, so that its read error is reported.
    const real = realPaths.get(file) ?? file;
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

function realPathOrNull(file: string): string | null {
  try {
    return realpathSync.native(file);
  } catch {
    return null;
  }
}

/** Reads, transforms and checks one file; never throws. */
export async function migrateFile(
  file: string,
  codemods: readonly LoadedCodemod[],
  options: TransformOptions,
  maxFileSize: number = defaultMaxFileSize,
): Promise<FileOutcome> {
  const read = await readSource(file, maxFileSize);
  return 'status' in read ? read : migrateSource(file, read.text, codemods, options);
}

/** A file's text as read for its analysis. */
interface SourceText {
  readonly text: string;
}

/** Reads a file for its analysis, or the outcome that says why it is not analysed; never throws. */
async function readSource(file: string, maxFileSize: number): Promise<SourceText | FileOutcome> {
  const skipped = (skip: FileSkip): FileOutcome => ({ file, status: 'skipped', changes: [], refusals: [], skip, written: false });
  try {
    const { size } = await stat(file);
    if (size > maxFileSize) {
      return skipped({
        reason: 'too-large',
        message: `${formatSize(size)}, more than --max-file-size (${formatSize(maxFileSize)}); such files are mostly generated. Raise the limit to migrate it.`,
      });
    }
    const bytes = await readFile(file);
    const nul = firstNulByte(bytes);
    if (nul !== null) {
      return skipped({ reason: 'binary', message: `a NUL byte at byte ${nul + 1}: a binary file, not source text (git's test), so it was left as it is` });
    }
    const decoded = decodeSource(bytes);
    if (!decoded.ok) {
      const { line, column, message } = decoded;
      return skipped({ reason: 'not-utf8', line, column, message });
    }
    return { text: decoded.text };
  } catch (error) {
    return failed(file, [], [], { kind: 'read', message: `cannot read the file (${messageOf(error)})` });
  }
}

/** Transforms and checks the text read from one file; never throws. */
function migrateSource(file: string, before: string, codemods: readonly LoadedCodemod[], options: TransformOptions): FileOutcome {
  const changes: FileChange[] = [];
  const refusals: FileRefusal[] = [];
  let after = before;
  let settled = false;
  // What the codemods before the current one wrote: a later plan that touches it is refused
  // (overlaps-earlier-change), so the first codemod's change wins.
  let written: readonly TextRange[] = [];
  // Maps of the codemods so far from their output back to their input, to report each later
  // change where the user wrote it.
  const backToInput: ((offset: number) => number)[] = [];
  const generated = new Map<string, GeneratedFile>();
  // How the first codemod that asked a type question read the file; every later one reads it from the same program.
  let types: TypesUse | undefined;
  const withTypes = <T extends object>(outcome: T): T & { types?: TypesUse } => (types === undefined ? outcome : { ...outcome, types });
  try {
    for (const codemod of codemods) {
      const result = codemod.run(after, file, codemods.length === 1 ? options : { ...options, earlierChanges: written });
      types ??= result.types;
      for (const needed of result.files ?? []) if (!generated.has(needed.path)) generated.set(needed.path, needed);
      settled = codemods.length === 1 && result.settled === true;
      const where = positionsInInput(after, before, backToInput);
      changes.push(...result.changes.map((c) => ({ codemod: codemod.name, ...c, ...where(c) })));
      refusals.push(...result.refusals.map((r) => ({ codemod: codemod.name, ...r, ...where(r) })));
      if (result.output !== after) {
        written = result.written ?? [[0, Number.MAX_SAFE_INTEGER]];
        backToInput.push(result.inputOffsetOf ?? (() => 0));
      }
      after = result.output;
    }
  } catch (error) {
    return withTypes(failed(file, changes, refusals, fileErrorOf(error)));
  }
  if (after === before) return withTypes({ file, status: 'unchanged', changes, refusals, written: false });

  // A lone codemod whose last pass already analysed its own output and found nothing more to apply
  // has shown its fixed point; a rerun would compute the same again (for a large file, seconds).
  const again = settled ? null : rerun(after, file, codemods, codemods.length === 1 ? options : { ...options, earlierChanges: written });
  if (again !== null) return withTypes(failed(file, changes, refusals, again));
  const created = [...generated.values()].map((f): CreatedFile => ({ path: f.path, text: f.text, description: f.description, written: false }));
  return withTypes({ file, status: 'changed', changes, refusals, before, after, written: false, ...(created.length > 0 ? { created } : {}) });
}

/** `2.1 MB`, `512 KB`, `17 bytes`: sizes in messages (1 KB = 1,024 bytes, as `--max-file-size` reads them). */
function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/**
 * Moves a position in `current` (the text the earlier codemods of the pass left) to where it is in
 * `original`, through each earlier codemod's map; the identity while nothing has changed yet.
 */
function positionsInInput(
  current: string,
  original: string,
  maps: readonly ((offset: number) => number)[],
): (at: { line: number; column: number }) => { line: number; column: number } {
  if (maps.length === 0) return ({ line, column }) => ({ line, column });
  const currentStarts = lineStartsOf(withoutBom(current).text);
  const originalStarts = lineStartsOf(withoutBom(original).text);
  return ({ line, column }) => {
    let offset = (currentStarts[line - 1] ?? 0) + column - 1;
    for (let i = maps.length - 1; i >= 0; i--) offset = (maps[i] as (offset: number) => number)(offset);
    return positionOf(originalStarts, offset);
  };
}

/**
 * The idempotence check: `null` when the codemods leave their own output alone. Several codemods
 * are run again in turn, since a later one can give an earlier one new work; what the pass wrote
 * stays out of bounds to them (`earlierChanges`), as it was for the codemods after its writer, so a
 * change refused as overlapping is not mistaken for one the rewrite failed to settle.
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

async function writeOutcome(outcome: FileOutcome, hooks: AtomicWriteHooks = {}): Promise<FileOutcome> {
  // Nothing reached the disk, so nothing is reported as applied.
  const notWritten = (error: FileError): FileOutcome => ({
    ...outcome,
    status: 'error',
    changes: outcome.changes.map((c) => ({ ...c, applied: false })),
    error,
  });
  try {
    // Someone may have saved (or deleted) the file while the codemods ran: never overwrite their
    // edit, never bring back a file they removed. UTF-8 decoding is one-to-one, so equal texts mean
    // equal bytes.
    const bytes = await readFile(outcome.file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (bytes === null) {
      return notWritten({ kind: 'changed-during-run', message: 'the file was deleted during the run, so it was not written again; rerun to migrate it if it comes back' });
    }
    const current = decodeSource(bytes);
    if (!current.ok || current.text !== outcome.before) {
      return notWritten({ kind: 'changed-during-run', message: 'the file changed during the run, so its new text was kept and the rewrite not written; rerun' });
    }
    // A rename replaces a read-only file as easily as any other (and root may write anything):
    // the mode is the owner's word that the file is not to be changed.
    const { mode } = await stat(outcome.file);
    if ((mode & 0o222) === 0) {
      return notWritten({
        kind: 'write',
        message: `the file is read-only (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); make it writable (chmod u+w) to migrate it`,
      });
    }
    // The files the rewrite imports come first: a rewrite on disk without them would not run.
    const created: CreatedFile[] = [];
    for (const needed of outcome.created ?? []) {
      created.push(await createFile(needed, hooks));
    }
    await writeFileAtomically(outcome.file, encodeSource(outcome.after ?? ''), hooks);
    return { ...outcome, written: true, ...(created.length > 0 ? { created } : {}) };
  } catch (error) {
    return notWritten({ kind: 'write', message: `cannot write the file (${messageOf(error)}); ${writeRemedy(error)}` });
  }
}

/**
 * Creates a file a rewrite needs, atomically, with its folders; a file that appeared since the
 * analysis is left as it is (`written: false`), never overwritten. Throws when it cannot be written,
 * so the rewrite that needs it is not written either.
 */
async function createFile(needed: CreatedFile, hooks: AtomicWriteHooks): Promise<CreatedFile> {
  if (await stat(needed.path).then(() => true, () => false)) return { ...needed, written: false };
  try {
    await makeDirectory(path.dirname(needed.path));
    await writeFileAtomically(needed.path, encodeSource(needed.text), hooks);
  } catch (error) {
    throw new Error(`cannot create ${needed.path}, which the rewrite imports: ${messageOf(error)}`);
  }
  return { ...needed, written: true };
}

/**
 * What to do about a failed write, by its error code. The atomic writer has removed its temp file
 * and the file is as it was in every case, so the message says that too.
 */
function writeRemedy(error: unknown): string {
  const kept = 'the file is unchanged';
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `${kept}; free disk space (or quota) and rerun`;
    case 'EACCES':
    case 'EPERM':
      // The new text goes to a temp file beside the file and is renamed over it: the folder must be writable.
      return `${kept}; its folder must be writable (the rewrite is written beside the file and renamed over it)`;
    case 'EROFS':
      return `${kept}; it is on a read-only file system`;
    default:
      return `${kept}; rerun once the cause is fixed`;
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
