/** How many worker threads a run gets; apart from `migrate.ts` so that `--help` need not load the parser. */

/**
 * A worker thread loads the parser and TypeScript first (about a second of CPU), worth paying only
 * when it then has this many files to analyse.
 */
export const minFilesPerWorker = 32;

/** The worker threads a run of `files` files with `jobs` jobs gets: 0 means in this thread. */
export function workerThreadsFor(jobs: number, files: number): number {
  const threads = Math.min(jobs, Math.floor(files / minFilesPerWorker));
  return threads > 1 ? threads : 0;
}
