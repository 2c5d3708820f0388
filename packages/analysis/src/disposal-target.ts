/**
 * Whether a file's project can use `await using`: TypeScript compiles it (TypeScript ≥ 5.2, with
 * `esnext` or `esnext.disposable` in the nearest `tsconfig.json`'s `lib`, or `target: esnext`
 * without a `lib`; and the nearest `package.json` that declares a `typescript` dependency, if any,
 * admits no version before 5.2), or, for JavaScript, the nearest `package.json`'s `engines.node` admits only
 * Node ≥ 24, which runs it natively. `lib` and `target` are read as TypeScript 5 reads them through
 * `extends` (a relative path or a package's config, a string or an array whose later entries win,
 * the file's own options over all). Anything the files do not show (no `tsconfig.json`, an
 * `extends` that cannot be followed or loops, no `engines`) is "not supported": a suggestion that
 * does not compile costs more than one not offered.
 *
 * Read with plain `node:fs`, as `entry-points.ts` reads `bin` (both hosts run in Node), and cached
 * per folder; each file is re-read when its modification time changes.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { lowestNodeMajor } from './entry-points';

const nearest = new Map<string, string | null>();
const engineAnswers: FileCache<boolean> = new Map();

function findUp(dir: string, name: string): string | null {
  const key = `${dir}\0${name}`;
  const cached = nearest.get(key);
  if (cached !== undefined) return cached;
  const candidate = path.join(dir, name);
  let found: string | null;
  try {
    found = statSync(candidate).isFile() ? candidate : null;
  } catch {
    found = null;
  }
  if (found === null && !(name === 'tsconfig.json' && dir !== path.dirname(dir) && hasPackageJson(dir))) {
    const parent = path.dirname(dir);
    found = parent === dir ? null : findUp(parent, name);
  }
  nearest.set(key, found);
  return found;
}

/** A `tsconfig.json` is looked for up to the package's own folder, not above it. */
function hasPackageJson(dir: string): boolean {
  try {
    return statSync(path.join(dir, 'package.json')).isFile();
  } catch {
    return false;
  }
}

/** JSON with comments and trailing commas, as `tsconfig.json` is written, read as JSON. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = /"(?:[^"\\\n]|\\.)*"/y;
      end.lastIndex = i;
      const match = end.exec(text);
      const literal = match ? match[0] : text.slice(i);
      out += literal;
      i += literal.length - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else {
      out += c;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

/** Whether compiler options give `await using` its types: `lib` with `esnext`/`esnext.disposable`, or `target: esnext` and no `lib`. */
export function compilerOptionsSupportAwaitUsing(options: { readonly lib?: unknown; readonly target?: unknown }): boolean {
  if (Array.isArray(options.lib)) return options.lib.some((lib) => typeof lib === 'string' && ['esnext', 'esnext.disposable'].includes(lib.toLowerCase()));
  return typeof options.target === 'string' && options.target.toLowerCase() === 'esnext';
}

/** Whether an `engines.node` range admits only Node ≥ 24: every `||` alternative starts from 24 or more (`>=24`, `^24.1`, `24.x`, `24 - 26`). */
export function nodeRangeSupportsAwaitUsing(range: string): boolean {
  return lowestNodeMajor(range) >= 24;
}

/**
 * Whether a `typescript` version range admits only TypeScript ≥ 5.2, the first to compile `using`:
 * every `||` alternative starts from 5.2 or later (`^5.4.0`, `~5.2.2`, `>=5.3`, `5.9.3`). A range
 * that names no version (`workspace:*`, `catalog:`, `latest`) shows nothing against it.
 */
export function typescriptRangeSupportsUsing(range: string): boolean {
  if (!/\d/.test(range) || /^\s*(workspace|catalog|npm|link|file|git|github|http)/.test(range)) return true;
  return range.split('||').every((alternative) => {
    const match = /^\s*(>=|>|\^|~|=)?\s*v?(\d+)(?:\.(\d+|x|\*))?/.exec(alternative);
    if (match?.[2] === undefined) return false;
    const major = Number(match[2]);
    const minor = match[3] === undefined || match[3] === 'x' || match[3] === '*' ? 0 : Number(match[3]);
    return major > 5 || (major === 5 && minor >= 2);
  });
}

const dependencyKinds = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
const typescriptRanges: FileCache<string | null> = new Map();

/** The `typescript` range a `package.json` declares, `null` when it declares none or cannot be read. */
function typescriptRangeIn(manifest: string): string | null {
  return readCached(typescriptRanges, manifest, null, (text) => {
    const json = JSON.parse(text) as Record<string, Record<string, unknown> | undefined> | null;
    const found = dependencyKinds.map((kind) => json?.[kind]?.typescript).find((r) => typeof r === 'string');
    return typeof found === 'string' ? found : null;
  });
}

/**
 * Whether the TypeScript the project declares can compile `using`: the nearest `package.json` above
 * `dir` that declares `typescript` (a workspace's root, often) admits only ≥ 5.2; true when none
 * declares it (a global compiler: the `lib` check still stands).
 */
function declaredTypeScriptSupportsUsing(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    const range = typescriptRangeIn(path.join(current, 'package.json'));
    if (range !== null) return typescriptRangeSupportsUsing(range);
    if (path.dirname(current) === current) return true;
  }
}

type FileCache<T> = Map<string, { readonly mtimeMs: number; readonly value: T }>;

/**
 * What `read` makes of `file`'s text, kept in `cache` until the file's modification time changes;
 * `otherwise` when the file is missing, unreadable, or `read` throws (invalid JSON shows nothing).
 */
function readCached<T>(cache: FileCache<T>, file: string, otherwise: T, read: (text: string) => T): T {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return otherwise;
  }
  const cached = cache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.value;
  let value = otherwise;
  try {
    value = read(readFileSync(file, 'utf8'));
  } catch {
    // An unreadable or invalid file shows nothing.
  }
  cache.set(file, { mtimeMs, value });
  return value;
}

/** The options of one config that decide `await using`, and what it extends, in order. */
interface ConfigFacts {
  readonly options: CompilerOptions;
  readonly extends: readonly string[];
}

type CompilerOptions = { readonly lib?: unknown; readonly target?: unknown };

const configs: FileCache<ConfigFacts | null> = new Map();
const extendedConfigs = new Map<string, string | null>();

/** One `tsconfig.json` (or a config it extends) as written; null when it cannot be read or its `extends` is not a string or an array of strings. */
function readConfig(file: string): ConfigFacts | null {
  return readCached(configs, file, null, (text) => {
    const config = parseJsonc(text) as { compilerOptions?: Record<string, unknown>; extends?: unknown } | null;
    const raw = config?.extends;
    const list = raw === undefined ? [] : typeof raw === 'string' ? [raw] : Array.isArray(raw) && raw.every((e) => typeof e === 'string') ? raw : null;
    if (list === null) return null;
    const own = config?.compilerOptions ?? {};
    return { options: { ...('lib' in own ? { lib: own.lib } : {}), ...('target' in own ? { target: own.target } : {}) }, extends: list };
  });
}

/**
 * The `lib` and `target` in effect for the config `file`, as TypeScript 5 merges them: the configs
 * it extends in order (a later one overriding an earlier one), then its own options over them. Null
 * when a config in the chain cannot be read or found, or the chain loops (`ancestors` holds the
 * configs that led here, so a base shared by two branches is not a loop).
 */
function effectiveOptions(file: string, ancestors: readonly string[]): CompilerOptions | null {
  if (ancestors.includes(file) || ancestors.length > 32) return null;
  const facts = readConfig(file);
  if (!facts) return null;
  let merged: CompilerOptions = {};
  for (const specifier of facts.extends) {
    const base = extendedConfigPath(specifier, file);
    const options = base === null ? null : effectiveOptions(base, [...ancestors, file]);
    if (options === null) return null;
    merged = { ...merged, ...options };
  }
  return { ...merged, ...facts.options };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The config an `extends` entry of `from` names, as TypeScript 5 finds it: a relative or absolute
 * path (with `.json` added when the file as written does not exist), or a package in a
 * `node_modules` folder up from `from`: its `exports` entry for the subpath (conditions `types`,
 * `node`, `require`, `default`), else the subpath itself (also with `.json`, or as a folder's
 * `tsconfig.json`), else its `package.json`'s `tsconfig` field, else its `tsconfig.json`. Cached per
 * folder and entry.
 */
function extendedConfigPath(specifier: string, from: string): string | null {
  const dir = path.dirname(from);
  const key = `${dir}\0${specifier}`;
  const cached = extendedConfigs.get(key);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  if (path.isAbsolute(specifier) || /^\.\.?[\\/]/.test(specifier)) {
    const file = path.resolve(dir, specifier);
    found = isFile(file) ? file : !file.endsWith('.json') && isFile(`${file}.json`) ? `${file}.json` : null;
  } else {
    const match = /^((?:@[^/]+\/)?[^/]+)(?:\/(.+))?$/.exec(specifier);
    const name = match?.[1];
    for (let current = dir; name !== undefined; current = path.dirname(current)) {
      const packageDir = path.join(current, 'node_modules', name);
      if (isFile(path.join(packageDir, 'package.json'))) {
        found = packageConfigPath(packageDir, match?.[2]);
        break;
      }
      if (path.dirname(current) === current) break;
    }
  }
  extendedConfigs.set(key, found);
  return found;
}

function packageConfigPath(packageDir: string, subpath: string | undefined): string | null {
  let manifest: { exports?: unknown; tsconfig?: unknown } | null;
  try {
    manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { exports?: unknown; tsconfig?: unknown } | null;
  } catch {
    return null;
  }
  const exported = exportedFile(manifest?.exports, subpath === undefined ? '.' : `./${subpath}`);
  if (exported !== undefined) return exported === null ? null : isFile(path.join(packageDir, exported)) ? path.join(packageDir, exported) : null;
  const candidates =
    subpath === undefined
      ? [typeof manifest?.tsconfig === 'string' ? manifest.tsconfig : 'tsconfig.json']
      : [subpath, ...(subpath.endsWith('.json') ? [] : [`${subpath}.json`]), path.join(subpath, 'tsconfig.json')];
  return candidates.map((c) => path.join(packageDir, c)).find(isFile) ?? null;
}

const configConditions = new Set(['types', 'node', 'require', 'default']);

/**
 * The file a package's `exports` maps `subpath` to: `undefined` when it has no `exports` (so the
 * files themselves are looked up), null when `exports` does not export the subpath.
 */
function exportedFile(exports: unknown, subpath: string): string | null | undefined {
  if (exports === undefined || exports === null) return undefined;
  const conditional = (value: unknown): string | null => {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    for (const [condition, target] of Object.entries(value)) if (configConditions.has(condition)) return conditional(target);
    return null;
  };
  if (typeof exports === 'string' || typeof exports !== 'object' || Array.isArray(exports)) return subpath === '.' ? conditional(exports) : null;
  const entries = Object.entries(exports);
  if (!entries.every(([key]) => key.startsWith('.'))) return subpath === '.' ? conditional(exports) : null;
  const exact = entries.find(([key]) => key === subpath);
  if (exact) return conditional(exact[1]);
  // A `./*` pattern: the part the star stands for is put into the target.
  for (const [key, target] of entries) {
    const star = key.indexOf('*');
    if (star < 0 || !subpath.startsWith(key.slice(0, star)) || !subpath.endsWith(key.slice(star + 1)) || subpath.length < key.length - 1) continue;
    const file = conditional(target);
    return file === null ? null : file.replace('*', subpath.slice(star, subpath.length - (key.length - star - 1)));
  }
  return null;
}

/**
 * Whether `await using` may be suggested in `filePath`: from the nearest `tsconfig.json` for a
 * TypeScript file, from the nearest `package.json`'s `engines.node` otherwise. Paths a host makes
 * up for text without a file (`<input>`) get `false`.
 */
export function supportsAwaitUsing(filePath: string | undefined): boolean {
  if (!filePath || filePath.startsWith('<')) return false;
  const absolute = path.resolve(filePath);
  const dir = path.dirname(absolute);
  if (/\.[cm]?tsx?$/.test(absolute)) {
    const tsconfig = findUp(dir, 'tsconfig.json');
    const options = tsconfig === null ? null : effectiveOptions(tsconfig, []);
    return options !== null && compilerOptionsSupportAwaitUsing(options) && declaredTypeScriptSupportsUsing(dir);
  }
  const packageJson = findUp(dir, 'package.json');
  return (
    packageJson !== null &&
    readCached(engineAnswers, packageJson, false, (text) => {
      const manifest = JSON.parse(text) as { engines?: { node?: unknown } } | null;
      const range = manifest?.engines?.node;
      return typeof range === 'string' && nodeRangeSupportsAwaitUsing(range);
    })
  );
}
