import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** The nearest ancestor directory of `file` that holds `.git`, or `null` outside a work tree. */
function workTreeOf(file: string): string | null {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * Paths (relative to the work tree, `/`-separated) with uncommitted changes: modified, staged,
 * untracked, deleted or renamed. `null` when git cannot say (git missing or not a work tree).
 */
function uncommittedPaths(workTree: string): Set<string> | null {
  const result = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=no'], {
    cwd: workTree,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) return null;
  const paths = new Set<string>();
  const entries = result.stdout.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as string;
    if (entry.length < 4) continue;
    paths.add(entry.slice(3));
    // A rename or copy is followed by its source path.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  return paths;
}

/**
 * Which of `files` (absolute paths) have uncommitted changes in their git work tree: the clean-git
 * gate before `--write`, so every rewrite can be reviewed and undone with git. Files outside a work
 * tree, or where git is unavailable, are never reported; nor are files gone since they were read.
 */
export function dirtyFiles(files: readonly string[]): string[] {
  const statusByTree = new Map<string, Set<string> | null>();
  const dirty: string[] = [];
  for (const file of files) {
    let real: string;
    try {
      real = realpathSync.native(file);
    } catch {
      // Deleted (or made unreadable) since it was analysed: the write phase reports it and writes nothing.
      continue;
    }
    const tree = workTreeOf(real);
    if (tree === null) continue;
    if (!statusByTree.has(tree)) statusByTree.set(tree, uncommittedPaths(tree));
    const status = statusByTree.get(tree);
    if (status && status.has(path.relative(tree, real).split(path.sep).join('/'))) dirty.push(file);
  }
  return dirty;
}
