/**
 * `--cache`: what a run found in files that needed nothing written, kept for the next run, as
 * ESLint's `--cache` keeps lint results. A file whose bytes (SHA-256), codemods, options and
 * asyncwise version are those of a run that left it unchanged is not analysed again: its outcome
 * (the changes listed above the level, the refusals) is taken from the cache, so the diff, the
 * summary and the report are the same as without the cache, only sooner. Files that changed (or
 * would), failed or were skipped are analysed every time.
 *
 * The cache is one JSON file (`.asyncwise-cache` by default), written atomically at the end of a
 * run. One that cannot be read or was made with other settings is started afresh, never an error.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from './atomic-write';
import type { FileOutcome } from './migrate';

/** Bumped when the file's shape changes; a cache of another version is started afresh. */
const cacheVersion = 1;

interface CachedFile {
  /** SHA-256 of the file's bytes, hex. */
  readonly hash: string;
  readonly outcome: Omit<FileOutcome, 'file'>;
}

interface CacheFile {
  readonly version: typeof cacheVersion;
  /** The hash of the settings the outcomes were found with (see {@link settingsKey}). */
  readonly settings: string;
  readonly files: Readonly<Record<string, CachedFile>>;
}

/** What a run's outcomes depend on besides a file's bytes: one hash, compared as a whole. */
export function settingsKey(settings: unknown): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex');
}

export class OutcomeCache {
  private readonly files: Map<string, CachedFile>;
  /** The hash of each file as read before its analysis in this run. */
  private readonly hashes = new Map<string, string>();
  /** How many files this run took from the cache. */
  hits = 0;

  private constructor(
    readonly location: string,
    private readonly settings: string,
    files: Iterable<[string, CachedFile]>,
  ) {
    this.files = new Map(files);
  }

  /** Reads the cache at `location`; an absent, unreadable or foreign one gives an empty cache. */
  static async load(location: string, settings: string): Promise<OutcomeCache> {
    try {
      const value = JSON.parse(await readFile(location, 'utf8')) as Partial<CacheFile>;
      if (value.version === cacheVersion && value.settings === settings && typeof value.files === 'object' && value.files !== null) {
        return new OutcomeCache(location, settings, Object.entries(value.files));
      }
    } catch {
      // No cache yet, or not one we can read: start afresh.
    }
    return new OutcomeCache(location, settings, []);
  }

  /** The outcome of an earlier run for `file` when its bytes are the same, else `undefined`. */
  async get(file: string): Promise<FileOutcome | undefined> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return undefined; // The analysis reports why it cannot be read.
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    this.hashes.set(file, hash);
    const cached = this.files.get(file);
    if (cached?.hash !== hash) return undefined;
    this.hits++;
    return { file, ...cached.outcome };
  }

  /** Keeps an outcome for the next run when it left the file alone and nothing went wrong. */
  record(outcome: FileOutcome): void {
    const hash = this.hashes.get(outcome.file);
    if (hash === undefined || outcome.status !== 'unchanged' || outcome.written) {
      this.files.delete(outcome.file);
      return;
    }
    const { file: _file, before: _before, after: _after, ...rest } = outcome;
    this.files.set(outcome.file, { hash, outcome: rest });
  }

  /** Writes the cache atomically: this run's outcomes and the earlier ones of files it did not read. */
  async save(): Promise<void> {
    const files = Object.fromEntries([...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const value: CacheFile = { version: cacheVersion, settings: this.settings, files };
    await writeFileAtomically(this.location, Buffer.from(`${JSON.stringify(value)}\n`, 'utf8'));
  }
}
