/**
 * Whether a file's project can use `await using`: TypeScript compiles it (TypeScript ≥ 5.2, with
 * `esnext` or `esnext.disposable` in the nearest `tsconfig.json`'s `lib`, or `target: esnext`
 * without a `lib`; and the nearest `package.json` that declares a `typescript` dependency, if any,
 * admits no version before 5.2), or, for JavaScript, the nearest `package.json`'s `engines.node` admits only
 * Node ≥ 24, which runs it natively. Anything the files do not show (no `tsconfig.json`, an
 * `extends` that sets `lib` elsewhere, no `engines`) is "not supported": a suggestion that does not
 * compile costs more than one not offered.
 *
 * Read with plain `node:fs`, as `entry-points.ts` reads `bin` (both hosts run in Node), and cached
 * per folder; each file's answer is re-read when its modification time changes.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const nearest = new Map<string, string | null>();
const answers = new Map<string, { readonly mtimeMs: number; readonly supported: boolean }>();

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
  return range.split('||').every((alternative) => {
    const match = /^\s*(>=|>|\^|~|=)?\s*v?(\d+)/.exec(alternative);
    if (match?.[2] === undefined) return false;
    return Number(match[2]) >= 24;
  });
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
const typescriptRanges = new Map<string, { readonly mtimeMs: number; readonly range: string | null }>();

/** The `typescript` range a `package.json` declares, `null` when it declares none or cannot be read. */
function typescriptRangeIn(manifest: string): string | null {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(manifest).mtimeMs;
  } catch {
    return null;
  }
  const cached = typescriptRanges.get(manifest);
  if (cached?.mtimeMs === mtimeMs) return cached.range;
  let range: string | null = null;
  try {
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, Record<string, unknown> | undefined> | null;
    const found = dependencyKinds.map((kind) => json?.[kind]?.typescript).find((r) => typeof r === 'string');
    range = typeof found === 'string' ? found : null;
  } catch {
    // An unreadable or invalid manifest declares nothing.
  }
  typescriptRanges.set(manifest, { mtimeMs, range });
  return range;
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

function readAnswer(file: string, judge: (text: string) => boolean): boolean {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return false;
  }
  const cached = answers.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.supported;
  let supported = false;
  try {
    supported = judge(readFileSync(file, 'utf8'));
  } catch {
    // An unreadable or invalid file shows no support.
  }
  answers.set(file, { mtimeMs, supported });
  return supported;
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
    return (
      tsconfig !== null &&
      readAnswer(tsconfig, (text) => {
        const config = parseJsonc(text) as { compilerOptions?: { lib?: unknown; target?: unknown } } | null;
        return compilerOptionsSupportAwaitUsing(config?.compilerOptions ?? {});
      }) &&
      declaredTypeScriptSupportsUsing(dir)
    );
  }
  const packageJson = findUp(dir, 'package.json');
  return (
    packageJson !== null &&
    readAnswer(packageJson, (text) => {
      const manifest = JSON.parse(text) as { engines?: { node?: unknown } } | null;
      const range = manifest?.engines?.node;
      return typeof range === 'string' && nodeRangeSupportsAwaitUsing(range);
    })
  );
}
