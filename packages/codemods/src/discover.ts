import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isParsablePath, parsableExtensions } from '@asyncwise/analysis';
import ignore, { type Ignore } from 'ignore';
import { glob } from 'tinyglobby';
import { PathError } from './errors';

/** Directories never searched: dependencies, build output, version control. */
const skippedDirectories = ['**/node_modules/**', '**/dist/**', '**/.git/**'];

interface GitignoreScope {
  /** The directory holding the `.gitignore`; its patterns are relative to it. */
  readonly base: string;
  readonly matcher: Ignore;
}

/**
 * The files to migrate under `paths` (absolute, sorted, without duplicates). Directories are searched
 * for parsable files (`isParsablePath`), skipping `node_modules`, `dist`, `.git` and whatever the
 * `.gitignore` files say, from the repository root down to nested ones. A file named explicitly is
 * always included, even when ignored. Throws {@link PathError} for a path that does not exist or an
 * explicit file that is not JavaScript or TypeScript.
 */
export async function discoverFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = statOrNull(absolute);
    if (!stat) throw new PathError(given, `No such file or directory: ${given}`);
    if (stat.isFile()) {
      if (!isParsablePath(absolute)) {
        throw new PathError(given, `Not a JavaScript or TypeScript file: ${given} (expected ${parsableExtensions.join(', ')})`);
      }
      found.add(absolute);
      continue;
    }
    const [candidates, scopes] = await Promise.all([
      glob(
        parsableExtensions.map((ext) => `**/*${ext}`),
        { cwd: absolute, absolute: true, dot: true, ignore: skippedDirectories, followSymbolicLinks: false },
      ),
      gitignoreScopes(absolute),
    ]);
    // A directory named explicitly is searched even when it is ignored itself (`asyncwise migrate … build/`):
    // then only the `.gitignore` files inside it apply.
    const applying = isGitignored(absolute, scopes, true) ? scopes.filter((s) => isInside(s.base, absolute)) : scopes;
    for (const file of candidates) {
      const normalized = path.resolve(file);
      if (isParsablePath(normalized) && !isGitignored(normalized, applying)) found.add(normalized);
    }
  }
  return [...found].sort();
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Every `.gitignore` that applies under `root`, outermost first: those of the directories from the
 * repository root (the nearest ancestor holding `.git`) down to `root`, then the nested ones.
 */
async function gitignoreScopes(root: string): Promise<GitignoreScope[]> {
  const ancestors: string[] = [];
  for (let dir = root; ; dir = path.dirname(dir)) {
    ancestors.unshift(dir);
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
  }
  // Outside a repository, only `root`'s own `.gitignore` and the nested ones count.
  const inRepository = existsSync(path.join(ancestors[0] as string, '.git'));
  const outer = inRepository ? ancestors.slice(0, -1) : [];
  const nested = await glob('**/.gitignore', { cwd: root, absolute: true, dot: true, ignore: skippedDirectories });
  const files = [...outer.map((dir) => path.join(dir, '.gitignore')), ...nested.map((f) => path.resolve(f))];
  const scopes: GitignoreScope[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
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
