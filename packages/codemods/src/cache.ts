/**
 * `--cache`: what a run found in files that needed nothing written, kept for the next run, as
 * ESLint's `--cache` keeps lint results. A file whose bytes (SHA-256), codemods, options and
 * asyncwise version are those of a run that left it unchanged is not analysed again: its outcome
 * (the changes listed above the level, the refusals) is taken from the cache, so the diff, the
 * summary and the report are the same as without the cache, only sooner. Files that changed (or
 * would), failed or were skipped are analysed every time.
 *
 * A file is not read at all when its size, modification and change times and inode are those its
 * hash was taken with, as git trusts its index: a rewrite changes the change time (no program can
 * set it back), so only a file modified so shortly before it was looked at that a later rewrite
 * could keep every time stamp (a file system with coarse times) is hashed again on every run.
 *
 * The cache is one JSON file (`.asyncwise-cache` by default), written atomically at the end of a
 * run. One that cannot be read or was made with other settings is started afresh, never an error.
 *
 * A project codemod plans over one TypeScript program, so its entry in the same file is one
 * fingerprint of the whole project ({@link ProjectCache}): a run that planned nothing to apply keeps
 * what it found, and the next run skips building the program while every file of it is the same.
 */
import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { withoutBom } from '@asyncwise/analysis';
import { writeFileAtomically } from './atomic-write';
import type { FileOutcome } from './migrate';

/** Bumped when the file's shape changes; a cache of another version is started afresh. */
const cacheVersion = 2;

/**
 * A file's metadata when it was hashed: size, inode, modification and change times (ns, as decimal
 * strings: exact where a double would round), and when it was looked at (ms since the epoch).
 */
interface Stamp {
  readonly size: string;
  readonly ino: string;
  readonly mtimeNs: string;
  readonly ctimeNs: string;
  readonly checkedAt: number;
}

/**
 * How long before it was looked at a file must have been last modified for its time stamps to be
 * trusted: longer than the coarsest file-system time granularity in use (FAT's 2 s).
 */
const racyWindowMs = 3000;

interface CachedFile {
  /** SHA-256 of the file's bytes, hex. */
  readonly hash: string;
  readonly stamp?: Stamp;
  readonly outcome: Omit<FileOutcome, 'file'>;
}

function stampOf(stats: BigIntStats, checkedAt: number): Stamp {
  return { size: `${stats.size}`, ino: `${stats.ino}`, mtimeNs: `${stats.mtimeNs}`, ctimeNs: `${stats.ctimeNs}`, checkedAt };
}

/** Whether `now` (the file's metadata as it is) proves the bytes are still those hashed at `then`. */
function sameStamp(then: Stamp | undefined, now: Stamp): boolean {
  if (!then || then.size !== now.size || then.ino !== now.ino || then.mtimeNs !== now.mtimeNs || then.ctimeNs !== now.ctimeNs) return false;
  // Modified just before it was hashed: a rewrite in the same clock tick could have kept every stamp.
  const mtime = BigInt(then.mtimeNs);
  const ctime = BigInt(then.ctimeNs);
  const changedMs = Number((ctime > mtime ? ctime : mtime) / 1_000_000n);
  return then.checkedAt - changedMs > racyWindowMs;
}

interface CacheFile {
  readonly version: typeof cacheVersion;
  /** The hash of the settings the outcomes were found with (see {@link settingsKey}). */
  readonly settings: string;
  readonly files: Readonly<Record<string, CachedFile>>;
  /** Only in the cache of a project codemod (see {@link ProjectCache}). */
  readonly project?: CachedProject;
}

/** The cache at `location` when it was made with `settings`, else null (absent, unreadable, foreign). */
async function readCacheFile(location: string, settings: string): Promise<Partial<CacheFile> | null> {
  try {
    const value = JSON.parse(await readFile(location, 'utf8')) as Partial<CacheFile>;
    if (value.version === cacheVersion && value.settings === settings && typeof value.files === 'object' && value.files !== null) return value;
  } catch {
    // No cache yet, or not one we can read: start afresh.
  }
  return null;
}

async function writeCacheFile(location: string, value: CacheFile): Promise<void> {
  await writeFileAtomically(location, Buffer.from(`${JSON.stringify(value)}\n`, 'utf8'));
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a run's outcomes depend on besides a file's bytes: one hash, compared as a whole. */
export function settingsKey(settings: unknown): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex');
}

export class OutcomeCache {
  private readonly files: Map<string, CachedFile>;
  /** The hash (and metadata) of each file as read before its analysis in this run. */
  private readonly hashes = new Map<string, { readonly hash: string; readonly stamp: Stamp | undefined }>();
  /** Metadata reads started ahead of their file's {@link get}. */
  private readonly stamps = new Map<string, Promise<Stamp | undefined>>();
  /** How many files this run took from the cache. */
  hits = 0;

  private constructor(
    readonly location: string,
    private readonly settings: string,
    files: Iterable<[string, CachedFile]>,
    private readonly now: () => number,
  ) {
    this.files = new Map(files);
  }

  /**
   * Reads the cache at `location`; an absent, unreadable or foreign one gives an empty cache. `now`
   * is the clock a file's metadata is read by (tests move it to leave the racy window).
   */
  static async load(location: string, settings: string, now: () => number = Date.now): Promise<OutcomeCache> {
    const value = await readCacheFile(location, settings);
    return new OutcomeCache(location, settings, Object.entries(value?.files ?? {}), now);
  }

  /**
   * Starts reading `file`'s metadata ahead of its {@link get}: one file at a time, each read waits
   * for the thread pool (~70 µs), which is most of a fully cached run.
   */
  prefetch(file: string): void {
    if (!this.stamps.has(file)) this.stamps.set(file, this.stampNow(file));
  }

  private stampNow(file: string): Promise<Stamp | undefined> {
    return stat(file, { bigint: true }).then(
      (stats) => stampOf(stats, this.now()),
      () => undefined,
    );
  }

  /** The outcome of an earlier run for `file` when its bytes are the same, else `undefined`. */
  async get(file: string): Promise<FileOutcome | undefined> {
    const cached = this.files.get(file);
    // Taken before the bytes are read: a change after it makes the next run's stamp differ.
    const stamp = await (this.stamps.get(file) ?? this.stampNow(file));
    this.stamps.delete(file);
    if (stamp === undefined) return undefined; // The analysis reports why it cannot be read.
    if (cached && sameStamp(cached.stamp, stamp)) {
      this.hashes.set(file, { hash: cached.hash, stamp: cached.stamp });
      this.hits++;
      return { file, ...cached.outcome };
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return undefined;
    }
    const hash = sha256(bytes);
    this.hashes.set(file, { hash, stamp });
    if (cached?.hash !== hash) return undefined;
    this.hits++;
    return { file, ...cached.outcome };
  }

  /** Keeps an outcome for the next run when it left the file alone and nothing went wrong. */
  record(outcome: FileOutcome): void {
    const read = this.hashes.get(outcome.file);
    if (read === undefined || outcome.status !== 'unchanged' || outcome.written) {
      this.files.delete(outcome.file);
      return;
    }
    const { file: _file, before: _before, after: _after, ...rest } = outcome;
    this.files.set(outcome.file, read.stamp ? { hash: read.hash, stamp: read.stamp, outcome: rest } : { hash: read.hash, outcome: rest });
  }

  /** Writes the cache atomically: this run's outcomes and the earlier ones of files it did not read. */
  async save(): Promise<void> {
    const files = Object.fromEntries([...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeCacheFile(this.location, { version: cacheVersion, settings: this.settings, files });
  }
}

/** What a project codemod's run found, as the next run with the same fingerprint reports it. */
export interface ProjectRunResult {
  /** Every file with a change listed (not applied) or a refusal, as the run's outcomes had it. */
  readonly outcomes: readonly FileOutcome[];
  /** The functions the plan covers (`file#name`), as the report's `chain` lists them. */
  readonly functions: readonly string[];
}

/**
 * A project codemod's fingerprint: the tsconfig's root files (an added or removed file changes
 * them) and the SHA-256 of every file of the program (the project's sources, the declaration files
 * of its packages and TypeScript's libs), with what the run found. The codemod, its options, the
 * level, the compiler options and asyncwise's version are in the cache's settings.
 */
interface CachedProject {
  readonly roots: readonly string[];
  readonly files: Readonly<Record<string, string>>;
  readonly outcomes: readonly Omit<FileOutcome, 'before' | 'after'>[];
  readonly functions: readonly string[];
}

/**
 * `--cache` for a project codemod. Content hashes only, never time stamps: the fingerprint is one
 * verdict over every file, taken in place of building the program, and reading each file once
 * costs little beside that (the per-file cache's stamp shortcut saves a read per file it analyses
 * anyway). Module resolution is not replayed: a file the program would now reach from outside its
 * files (a new file an import finds where it found nothing before) is not seen; the package
 * manifests and lockfiles above the tsconfig are in the fingerprint, so installing a package plans
 * again.
 */
export class ProjectCache {
  /** Whether this run took its result from the cache. */
  hit = false;

  private constructor(
    readonly location: string,
    private readonly settings: string,
    private entry: CachedProject | undefined,
  ) {}

  static async load(location: string, settings: string): Promise<ProjectCache> {
    const value = await readCacheFile(location, settings);
    return new ProjectCache(location, settings, value?.project);
  }

  /**
   * The earlier run's result when the tsconfig's root files are `roots` (absolute) and every file
   * the program held has the same bytes, else `undefined`: plan again.
   */
  async lookup(roots: readonly string[]): Promise<ProjectRunResult | undefined> {
    const entry = this.entry;
    if (entry === undefined || !sameList(entry.roots, roots)) return undefined;
    const same = await inBatches(Object.entries(entry.files), async ([file, hash]) => (await readFile(file).then(sha256, () => null)) === hash);
    if (!same.every(Boolean)) return undefined;
    this.hit = true;
    return { outcomes: entry.outcomes.map((o) => ({ ...o })), functions: entry.functions };
  }

  /**
   * Keeps a run that planned nothing to apply, against the program's files (`files`: each with the
   * text the program read). A file whose bytes on disk are no longer that text (it changed during
   * the run, or is not UTF-8 as TypeScript read it) keeps nothing: the next run plans again.
   */
  async record(
    roots: readonly string[],
    files: readonly { readonly file: string; readonly text: string }[],
    result: ProjectRunResult,
    /** Files outside the program whose change should plan again (the package manifests and lockfiles): hashed as they are. */
    manifests: readonly string[] = [],
  ): Promise<boolean> {
    // A manifest is hashed as it is; a program file only when its bytes are still the text the program read.
    const entries = [...files, ...manifests.map((file) => ({ file, text: null }))];
    const read = await inBatches(entries, async ({ file, text }) => {
      const bytes = await readFile(file).catch(() => null);
      if (bytes === null) return text === null ? undefined : null;
      return text !== null && withoutBom(bytes.toString('utf8')).text !== text ? null : ([file, sha256(bytes)] as const);
    });
    const hashes: Record<string, string> = {};
    for (const pair of read) {
      if (pair === undefined) continue; // A manifest removed since: nothing to compare.
      if (pair === null) {
        this.forget();
        return false;
      }
      hashes[pair[0]] = pair[1];
    }
    const outcomes = result.outcomes.map(({ before: _before, after: _after, ...rest }) => rest);
    this.entry = { roots: [...roots].sort(), files: Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1))), outcomes, functions: [...result.functions] };
    return true;
  }

  /** Whether the cache holds a fingerprint (after {@link record} or {@link forget}: whether this run kept one). */
  get recorded(): boolean {
    return this.entry !== undefined;
  }

  /** Drops the fingerprint: the run applied something (or could not), so the next one plans again. */
  forget(): void {
    this.entry = undefined;
  }

  async save(): Promise<void> {
    await writeCacheFile(this.location, { version: cacheVersion, settings: this.settings, files: {}, ...(this.entry ? { project: this.entry } : {}) });
  }
}

/** `work` over every item, a few dozen at a time: reads overlap, and a large program opens no thousands of files at once. */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 64) results.push(...(await Promise.all(items.slice(i, i + 64).map(work))));
  return results;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  const sorted = [...b].sort();
  return a.length === sorted.length && a.every((item, i) => item === sorted[i]);
}
