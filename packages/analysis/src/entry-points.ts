/**
 * Command-line entry points: files that start with a shebang (`#!`) or that the nearest
 * `package.json` names in `bin`. A CLI runs one task and exits, so a blocking call there holds up
 * nothing else; `no-sync-in-async` and `sync-to-async-io` leave such files alone by default.
 *
 * The same `package.json` also says whether its `.js` files are ES modules (`"type"`), which
 * `prefer-top-level-await` asks, and which Node versions it runs on (`engines.node`), which
 * `prefer-promise-with-resolvers` and `prefer-promise-try` ask. Reading `package.json` uses plain `node:fs`, which works in every host that runs the plugin (ESLint,
 * and oxlint's JS plugins, which run in Node), with no host API. Lookups are cached per process: the
 * folder → nearest `package.json` walk by folder, and each `package.json`'s `bin` and `type` by path, re-read
 * when its modification time changes (an editor's lint server outlives edits to it).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const nearestPackageJson = new Map<string, string | null>();
const manifestsByPath = new Map<string, { readonly mtimeMs: number; readonly manifest: Manifest }>();

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

interface Manifest {
  /** The absolute paths its `bin` names. */
  readonly bins: ReadonlySet<string>;
  /** Its `"type"` field, when it is one of the two Node reads. */
  readonly type: 'module' | 'commonjs' | null;
  /** Its `engines.node` range, when it has one. */
  readonly nodeRange: string | null;
}

const noManifest: Manifest = { bins: new Set(), type: null, nodeRange: null };

/** What a `package.json` says about its files; nothing when it cannot be read or parsed. */
function manifestOf(packageJson: string): Manifest {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(packageJson).mtimeMs;
  } catch {
    return noManifest;
  }
  const cached = manifestsByPath.get(packageJson);
  if (cached?.mtimeMs === mtimeMs) return cached.manifest;
  let manifest = noManifest;
  try {
    const json = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin?: unknown; type?: unknown; engines?: { node?: unknown } } | null;
    const dir = path.dirname(packageJson);
    const bins = new Set<string>();
    const targets = typeof json?.bin === 'string' ? [json.bin] : json?.bin && typeof json.bin === 'object' ? Object.values(json.bin) : [];
    for (const target of targets) if (typeof target === 'string') bins.add(path.resolve(dir, target));
    const nodeRange = json?.engines?.node;
    manifest = { bins, type: json?.type === 'module' || json?.type === 'commonjs' ? json.type : null, nodeRange: typeof nodeRange === 'string' ? nodeRange : null };
  } catch {
    // An unreadable or invalid package.json says nothing; the linter reports nothing about it.
  }
  manifestsByPath.set(packageJson, { mtimeMs, manifest });
  return manifest;
}

/** Paths a host makes up for text without a file (`<input>`, `<text>`) have no package. */
function manifestFor(filePath: string): { readonly absolute: string; readonly manifest: Manifest } | null {
  if (filePath === '' || filePath.startsWith('<')) return null;
  const absolute = path.resolve(filePath);
  const packageJson = findPackageJson(path.dirname(absolute));
  return packageJson === null ? null : { absolute, manifest: manifestOf(packageJson) };
}

/**
 * The `"type"` of the nearest `package.json` (`module` makes Node load `.js` files as ES modules),
 * or `null` when there is none, it says neither, or the path is no real file.
 */
export function packageTypeOf(filePath: string): 'module' | 'commonjs' | null {
  return manifestFor(filePath)?.manifest.type ?? null;
}

/**
 * The `engines.node` range of the nearest `package.json`, or `null` when there is none, it declares
 * none, or the path is no real file.
 */
export function nodeEnginesRangeOf(filePath: string): string | null {
  return manifestFor(filePath)?.manifest.nodeRange ?? null;
}

/**
 * The lowest Node major version an `engines.node` range admits: the smallest major any `||`
 * alternative starts from (`>=18` and `^18.2 || >=20` give 18). An alternative with no lower bound
 * (`*`, `<22`, `x`) admits every version, 0.
 */
export function lowestNodeMajor(range: string): number {
  return Math.min(
    ...range.split('||').map((alternative) => {
      const match = /^\s*(>=|>|\^|~|=)?\s*v?(\d+)/.exec(alternative);
      return match?.[2] === undefined ? 0 : Number(match[2]);
    }),
  );
}

/**
 * Whether the project of `filePath` says it runs on a Node older than `major`: its nearest
 * `package.json` declares an `engines.node` whose lowest admitted major is below it. No
 * `package.json`, no `engines`, or no real path (`<input>`) shows nothing against it: `false`.
 */
export function enginesAdmitNodeBefore(filePath: string | null | undefined, major: number): boolean {
  if (!filePath) return false;
  const range = nodeEnginesRangeOf(filePath);
  return range !== null && lowestNodeMajor(range) < major;
}

/**
 * Whether `filePath` is a `bin` of its nearest `package.json`. Paths a host makes up for text without
 * a file (`<input>`, `<text>`) are never entry points.
 */
export function isPackageBin(filePath: string): boolean {
  const found = manifestFor(filePath);
  return found !== null && found.manifest.bins.has(found.absolute);
}

/** Whether a file is a command-line entry point: a shebang, or a `bin` of the nearest `package.json`. */
export function isCommandLineEntryPoint(text: string, filePath: string | undefined): boolean {
  return hasShebang(text) || (filePath !== undefined && isPackageBin(filePath));
}
