import { lstatSync, realpathSync, statSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isParsablePath, parsableExtensions } from '@asyncwise/analysis';
import ignore, { type Ignore } from 'ignore';
import { glob } from 'tinyglobby';
import { isAsyncwiseTempFile } from './atomic-write';
import { PathError } from './errors';
import { describeFileKind } from './paths';

/** Directories never searched: dependencies, build output, version control. */
const skippedDirectories = ['**/node_modules/**', '**/dist/**', '**/.git/**'];

interface GitignoreScope {
  /** The directory holding the `.gitignore`; its patterns are relative to it. */
  readonly base: string;
  readonly matcher: Ignore;
}

/**
 * The files to migrate under `paths` (absolute, sorted, each file once). Directories are searched
 * for parsable files (`isParsablePath`), skipping `node_modules`, `dist`, `.git`, whatever the
 * `.gitignore` files say (from the repository root down to nested ones) and asyncwise's own temp
 * files. A file named explicitly is always included, even when ignored.
 *
 * A file reached by two paths (a symlink named on the command line and its target found by a
 * folder scan, two overlapping folders through a symlinked one) is listed once, by the path the
 * user is most likely to recognise: the one named on the command line, else the file's own path
 * (no symlink in it) when the scan found it, else the first in sorted order.
 *
 * Symlinks inside a searched folder are never followed, to files or folders alike: a link out of
 * the folder would make the run rewrite a file nobody named, and a link back up would loop. (A
 * linked file's target inside the folder is found by its own path.) A path named on the command
 * line is followed; `migrate` decides whether a named link's target is inside the run (`roots`).
 *
 * Throws {@link PathError} for a path that does not exist, a named symlink that loops or dangles, an
 * explicit file that is not JavaScript or TypeScript, and a path that is neither a regular file nor
 * a directory (`/dev/null`, a FIFO).
 */
export async function discoverFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  /** Every path found, with whether the user named it. */
  const found = new Map<string, boolean>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = statOrNull(absolute);
    if (!stat) {
      const link = lstatOrNull(absolute);
      if (link?.isSymbolicLink()) {
        throw new PathError(given, `Cannot follow the symlink ${given}: it leads to itself (a loop) or to nothing; name its target instead`, 'broken-symlink');
      }
      throw new PathError(given, `No such file or directory: ${given}`, 'missing');
    }
    if (stat.isFile()) {
      if (!isParsablePath(absolute) || isAsyncwiseTempFile(path.basename(absolute))) {
        throw new PathError(given, `Not a JavaScript or TypeScript file: ${given} (expected ${parsableExtensions.join(', ')})`, 'not-source');
      }
      found.set(absolute, true);
      continue;
    }
    if (!stat.isDirectory()) {
      throw new PathError(
        given,
        `Not a regular file or directory: ${given} (${describeFileKind(stat)}); name source files or folders to migrate`,
        'not-file-or-directory',
      );
    }
    // One walk of the folder finds both the sources and the nested `.gitignore` files.
    const entries = await glob([...parsableExtensions.map((ext) => `**/*${ext}`), '**/.gitignore'], {
      cwd: absolute,
      absolute: true,
      dot: true,
      ignore: skippedDirectories,
      followSymbolicLinks: false,
    });
    const candidates = entries.filter((entry) => path.basename(entry) !== '.gitignore');
    const scopes = await gitignoreScopes(
      absolute,
      entries.filter((entry) => path.basename(entry) === '.gitignore'),
    );
    // A directory named explicitly is searched even when it is ignored itself (`asyncwise migrate … build/`):
    // then only the `.gitignore` files inside it apply.
    const applying = isGitignored(absolute, scopes, true) ? scopes.filter((s) => isInside(s.base, absolute)) : scopes;
    for (const file of candidates) {
      const normalized = path.resolve(file);
      if (isParsablePath(normalized) && !isAsyncwiseTempFile(path.basename(normalized)) && !isGitignored(normalized, applying)) {
        if (!found.has(normalized)) found.set(normalized, false);
      }
    }
  }
  return onePathPerFile(found);
}

/** Keeps one path per file (by real path), preferring a named one, then the real one, then the first. */
function onePathPerFile(found: ReadonlyMap<string, boolean>): string[] {
  const byRealPath = new Map<string, string>();
  const rank = (file: string, real: string) => (found.get(file) === true ? 0 : file === real ? 1 : 2);
  for (const file of [...found.keys()].sort()) {
    let real: string;
    try {
      real = realpathSync.native(file);
    } catch {
      real = file;
    }
    const kept = byRealPath.get(real);
    if (kept === undefined || rank(file, real) < rank(kept, real)) byRealPath.set(real, file);
  }
  return [...byRealPath.values()].sort();
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/** Whether `file` exists, as `existsSync` answers (any error is "no"), without blocking the event loop. */
async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every `.gitignore` that applies under `root`, outermost first: those of the directories from the
 * repository root (the nearest ancestor holding `.git`) down to `root`, then the `nested` ones found
 * in it.
 */
async function gitignoreScopes(root: string, nested: readonly string[]): Promise<GitignoreScope[]> {
  const ancestors: string[] = [];
  for (let dir = root; ; dir = path.dirname(dir)) {
    ancestors.unshift(dir);
    if ((await exists(path.join(dir, '.git'))) || path.dirname(dir) === dir) break;
  }
  // Outside a repository, only `root`'s own `.gitignore` and the nested ones count.
  const inRepository = await exists(path.join(ancestors[0] as string, '.git'));
  const outer = inRepository ? ancestors.slice(0, -1) : [];
  const files = [...outer.map((dir) => path.join(dir, '.gitignore')), ...nested.map((f) => path.resolve(f))];
  const scopes: GitignoreScope[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    scopes.push({ base: path.dirname(file), matcher: ignore().add(text) });
  }
  return scopes.sort((a, b) => depthOf(a.base) - depthOf(b.base));
}

function depthOf(dir: string): number {
  return dir.split(path.sep).length;
}

function isInside(dir: string, root: string): boolean {
  const relative = path.relative(root, dir);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Git's rule: the deepest `.gitignore` with a matching pattern decides, negations included. */
function isGitignored(file: string, scopes: readonly GitignoreScope[], isDirectory = false): boolean {
  let ignored = false;
  for (const scope of scopes) {
    const relative = path.relative(scope.base, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const result = scope.matcher.test(relative.split(path.sep).join('/') + (isDirectory ? '/' : ''));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
