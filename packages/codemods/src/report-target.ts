/**
 * Where `--report` may write, decided before the run starts.
 *
 * The report replaces its target, so a typo must not cost a source file (`--report src/a.ts`), a
 * `package.json`, or, run as root, a device node (`--report /dev/sda`). And a folder that cannot be
 * written (`/proc/x/report.json`) should fail at once, not after a long run, so it is created and
 * tried first.
 */
import { lstat, open, readFile, realpath, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { makeDirectory, tempPathFor } from './atomic-write';
import { ReportTargetError } from './errors';
import { describeFileKind } from './paths';

/**
 * Checks the report's path against the files the run will read, creates its folder and tries a
 * write there; returns the absolute path to write the report to. Throws {@link ReportTargetError}
 * when the path is one of `inputs` (by real path, so also through a symlink), is not a regular file
 * (a directory, device, FIFO or socket; a dangling symlink), is a non-empty file that is not an
 * earlier asyncwise report, or lies in a folder that cannot be created or written.
 */
export async function prepareReportTarget(given: string, cwd: string, inputs: readonly string[]): Promise<string> {
  const absolute = path.resolve(cwd, given);
  const fail = (message: string): never => {
    throw new ReportTargetError(given, message);
  };
  const link = await lstat(absolute).catch(() => null);
  if (link) {
    const real = await realpath(absolute).catch(() => null);
    if (real === null) return fail('is a symbolic link to a file that does not exist; remove it or choose another report path.');
    const stats = await stat(real).catch((error: unknown) => fail(`cannot be read (${describeError(error)}).`));
    if (stats.isDirectory()) {
      return fail(`is a directory; name a file in it, e.g. --report ${path.join(given, 'asyncwise-report.json')}`);
    }
    if (!stats.isFile()) return fail(`is ${describeFileKind(stats)}, not a regular file; the report is written only to a regular file (e.g. asyncwise-report.json).`);
    const inputReals = await Promise.all(inputs.map((file) => realpath(file).catch(() => file)));
    if (inputReals.includes(real)) {
      return fail('is one of the files this run migrates; write the report elsewhere, e.g. --report asyncwise-report.json');
    }
    if (stats.size > 0 && !(await isEarlierReport(real))) {
      return fail('exists and is not an asyncwise report; only an earlier report is replaced. Remove the file or choose another name.');
    }
    await tryWriting(path.dirname(real), given);
    return absolute;
  }
  const dir = path.dirname(absolute);
  try {
    await makeDirectory(dir);
  } catch (error) {
    fail(`cannot create the folder ${dir} (${describeError(error)}); choose a folder you can write to.`);
  }
  await tryWriting(dir, given);
  return absolute;
}

/** Creates and removes a temp file in `dir`: proves the report can be written there. */
async function tryWriting(dir: string, given: string): Promise<void> {
  const probe = tempPathFor(path.join(dir, path.basename(given)));
  try {
    const handle = await open(probe, 'wx', 0o600);
    await handle.close();
  } catch (error) {
    throw new ReportTargetError(given, `cannot write in ${dir} (${describeError(error)}); choose a folder you can write to.`);
  }
  await unlink(probe).catch(() => undefined);
}

/** Whether a file holds a report an earlier run wrote (see `Report` in report.ts). */
async function isEarlierReport(file: string): Promise<boolean> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof value !== 'object' || value === null) return false;
    const record = value as Record<string, unknown>;
    return typeof record['asyncwiseVersion'] === 'string' && Array.isArray(record['files']) && typeof record['summary'] === 'object';
  } catch {
    return false;
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message.replace(/^\w+: /, '')}` : message;
}
