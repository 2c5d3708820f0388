/**
 * Command-line entry points: files that start with a shebang (`#!`) or that the nearest
 * `package.json` names in `bin`. A CLI runs one task and exits, so a blocking call there holds up
 * nothing else; `no-sync-in-async` and `sync-to-async-io` leave such files alone by default.
 *
 * Reading `package.json` uses plain `node:fs`, which works in every host that runs the plugin (ESLint,
 * and oxlint's JS plugins, which run in Node), with no host API. Lookups are cached per process: the
 * folder → nearest `package.json` walk by folder, and each `package.json`'s `bin` by path, re-read
 * when its modification time changes (an editor's lint server outlives edits to it).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const nearestPackageJson = new Map<string, string | null>();
const binsByPackageJson = new Map<string, { readonly mtimeMs: number; readonly bins: ReadonlySet<string> }>();

/** Whether the text starts with `#!` (after a byte order mark, which ESLint and the codemods set aside). */
export function hasShebang(text: string): boolean {
  return text.startsWith('#!') || text.startsWith('\uFEFF#!');
}

function findPackageJson(dir: string): string | null {
  const cached = nearestPackageJson.get(dir);
  if (cached !== undefined) return cached;
  const candidate = path.join(dir, 'package.json');
  let found: string | null;
  try {
    found = statSync(candidate).isFile() ? candidate : null;
  } catch {
    found = null;
  }
  if (found === null) {
    const parent = path.dirname(dir);
    found = parent === dir ? null : findPackageJson(parent);
  }
  nearestPackageJson.set(dir, found);
  return found;
}

/** The absolute paths a `package.json`'s `bin` names; none when it cannot be read or parsed. */
function binsOf(packageJson: string): ReadonlySet<string> {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(packageJson).mtimeMs;
  } catch {
    return new Set();
  }
  const cached = binsByPackageJson.get(packageJson);
  if (cached?.mtimeMs === mtimeMs) return cached.bins;
  const bins = new Set<string>();
  try {
    const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin?: unknown };
    const dir = path.dirname(packageJson);
    const targets = typeof manifest.bin === 'string' ? [manifest.bin] : manifest.bin && typeof manifest.bin === 'object' ? Object.values(manifest.bin) : [];
    for (const target of targets) if (typeof target === 'string') bins.add(path.resolve(dir, target));
  } catch {
    // An unreadable or invalid package.json names no entry points; the linter reports nothing about it.
  }
  binsByPackageJson.set(packageJson, { mtimeMs, bins });
  return bins;
}

/**
 * Whether `filePath` is a `bin` of its nearest `package.json`. Paths a host makes up for text without
 * a file (`<input>`, `<text>`) are never entry points.
 */
export function isPackageBin(filePath: string): boolean {
  if (filePath === '' || filePath.startsWith('<')) return false;
  const absolute = path.resolve(filePath);
  const packageJson = findPackageJson(path.dirname(absolute));
  return packageJson !== null && binsOf(packageJson).has(absolute);
}

/** Whether a file is a command-line entry point: a shebang, or a `bin` of the nearest `package.json`. */
export function isCommandLineEntryPoint(text: string, filePath: string | undefined): boolean {
  return hasShebang(text) || (filePath !== undefined && isPackageBin(filePath));
}
