/**
 * Atomic writes with temp files that can be recognised and cleaned up.
 *
 * write-file-atomic (used before) names its temp file `<file>.<hash>`: nothing in the name says who
 * left it, so a file killed mid-write (SIGKILL, power loss) leaves a stray that no later run can
 * safely remove. It also ignores the byte count `fs.write` returns, so a short write (a full disk)
 * would be renamed over the original. This writer keeps its approach (temp file beside the target,
 * mode and owner kept, fsync, rename) and adds two things: every byte is written
 * (`FileHandle.writeFile` loops until done), and the temp file's name follows one fixed pattern,
 * `.<name>.asyncwise-<pid>-<8 hex>.tmp`, which names the process that owns it. The `.tmp` ending
 * keeps discovery from ever reading one as source, and {@link removeStaleTempFiles} deletes those
 * whose process is gone.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, chown, lstat, mkdir, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** `.<name>.asyncwise-<pid>-<8 hex>.tmp`: hidden, never a source extension, owner in the name. */
const tempFilePattern = /^\.(.+)\.asyncwise-(\d+)-[0-9a-f]{8}\.tmp$/;

/** Most file systems allow 255 bytes per name; the pattern adds at most ~40 to the target's. */
const MAX_NAME_BYTES = 255;

/** Whether a file name (no directory) is one of our temp files. */
export function isAsyncwiseTempFile(name: string): boolean {
  return tempFilePattern.test(name);
}

/** The temp file a write of `target` goes through, in the same directory (so the rename is atomic). */
export function tempPathFor(target: string, pid: number = process.pid): string {
  const suffix = `.asyncwise-${pid}-${randomBytes(4).toString('hex')}.tmp`;
  let base = path.basename(target);
  // A long name is shortened: the temp file's name is only a hint to a human reading the folder.
  while (base.length > 1 && Buffer.byteLength(`.${base}${suffix}`) > MAX_NAME_BYTES) base = base.slice(0, -1);
  return path.join(path.dirname(target), `.${base}${suffix}`);
}

export interface AtomicWriteHooks {
  /** Called once the temp file holds every byte, before the rename. Tests use it to kill a write midway. */
  readonly beforeRename?: (tempPath: string) => Promise<void> | void;
  /**
   * The rename that puts the temp file in place; `fs.promises.rename` by default. Tests give one
   * that fails as a full disk (ENOSPC) or a folder without write permission (EACCES) would, which
   * no unprivileged test can make the real one do on demand.
   */
  readonly rename?: (from: string, to: string) => Promise<void>;
}

/**
 * Writes `bytes` to `target` atomically: a reader sees the old file or the new one, never a part.
 * A symlink stays a symlink (the file it points at is replaced); an existing file keeps its mode
 * and, where the process may set it, its owner. On failure the temp file is removed and the target
 * is as it was.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array, hooks: AtomicWriteHooks = {}): Promise<void> {
  const real = await realpath(target).catch(() => target);
  const existing: Stats | null = await stat(real).catch(() => null);
  const temp = tempPathFor(real);
  let created = false;
  try {
    const handle = await open(temp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existing) {
      // `open` applies the umask; the original's mode is what the user chose.
      await chmod(temp, existing.mode & 0o7777);
      if (typeof process.getuid === 'function' && (existing.uid !== process.getuid() || existing.gid !== process.getgid?.())) {
        // Only root may give a file away; anyone else keeps the file as their own, as `cp` would.
        await chown(temp, existing.uid, existing.gid).catch((error: NodeJS.ErrnoException) => {
          if (process.getuid?.() === 0 && error.code !== 'ENOSYS') throw error;
        });
      }
    }
    await hooks.beforeRename?.(temp);
    await (hooks.rename ?? rename)(temp, real);
    created = false;
  } finally {
    if (created) await unlink(temp).catch(() => undefined);
  }
}

/**
 * Creates `dir` and its missing parents, one level at a time. Node's `mkdir(…, { recursive: true })`
 * loops forever where `mkdir` answers ENOENT although the parent exists (`/proc/x`, some FUSE and
 * network file systems); here every failure is an error, so the caller can say so at once.
 */
export async function makeDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const stats = await stat(current).catch(() => null);
    if (stats) {
      if (!stats.isDirectory()) throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR' });
      break;
    }
    if (path.dirname(current) === current) break;
    missing.unshift(current);
  }
  for (const current of missing) {
    await mkdir(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/** Whether a process with this id runs (or exists, under another user). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files an earlier, killed asyncwise left in `dirs`, and returns their paths.
 * A file is removed only when its name matches the pattern, it is a regular file (not a link) of
 * this user (any user's, for root), and the process its name gives no longer exists; anything else is left alone, so a
 * concurrent run's temp file, or one of another user, is never touched. (A recycled process id only
 * keeps a stale file for longer.)
 */
export async function removeStaleTempFiles(dirs: Iterable<string>): Promise<string[]> {
  const removed: string[] = [];
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  for (const dir of new Set(dirs)) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const match = tempFilePattern.exec(name);
      if (!match) continue;
      const pid = Number(match[2]);
      if (pid === process.pid || isProcessAlive(pid)) continue;
      const file = path.join(dir, name);
      const stats = await lstat(file).catch(() => null);
      // Root writes give the temp file the target's owner (see the chown above), so root takes any.
      if (!stats?.isFile() || (uid !== null && uid !== 0 && stats.uid !== uid)) continue;
      try {
        await unlink(file);
        removed.push(file);
      } catch {
        // Gone already, or not ours to remove: either way nothing to do.
      }
    }
  }
  return removed.sort();
}
