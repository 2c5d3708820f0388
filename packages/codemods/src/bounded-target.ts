/**
 * What the bounded form looks like in the project a file belongs to: which limiter it calls (the
 * one the nearest `package.json` already depends on, else the local helper), whether a dependency
 * must be added, and for the local helper where it lives, in which module format, and how the file
 * imports it. Shared by `loop-to-bounded` and `unbounded-to-bounded`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisFile, BoundedFormOptions, BoundedLimiterKind } from '@asyncwise/analysis';
import type { BoundedOptionValues } from './codemod-options/bounded';
import type { GeneratedFile } from './types';

interface PackageFacts {
  readonly root: string;
  readonly dependencies: ReadonlySet<string>;
  readonly isModule: boolean;
}

const packageCache = new Map<string, { readonly mtimeMs: number; readonly facts: PackageFacts }>();

/** The nearest `package.json` at or above `folder`, or `null`. */
function nearestPackageJson(folder: string): string | null {
  for (let current = folder; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return null;
  }
}

/** The project facts of a file: its nearest `package.json`'s folder, dependencies and `type`. Cached by modification time. */
function packageFactsOf(filePath: string): PackageFacts {
  const folder = path.dirname(path.resolve(filePath));
  const manifest = nearestPackageJson(folder);
  if (manifest === null) return { root: folder, dependencies: new Set(), isModule: false };
  const mtimeMs = statSync(manifest).mtimeMs;
  const cached = packageCache.get(manifest);
  if (cached?.mtimeMs === mtimeMs) return cached.facts;
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null) json = parsed as Record<string, unknown>;
  } catch {
    // An unreadable manifest declares nothing: the local helper, as for a folder without one.
  }
  const dependencies = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const listed = json[field];
    if (typeof listed === 'object' && listed !== null) for (const name of Object.keys(listed)) dependencies.add(name);
  }
  const root = path.dirname(manifest);
  const facts: PackageFacts = { root, dependencies, isModule: json['type'] === 'module' };
  packageCache.set(manifest, { mtimeMs, facts });
  return facts;
}

/** The bounded form for one file, before its own text is looked at. */
export interface BoundedTarget {
  readonly limiter: BoundedLimiterKind;
  readonly concurrency: number;
  /** The library the project must add to its dependencies for the rewrite to run, or `null`. */
  readonly missingDependency: string | null;
  /** The local helper (`limiter: 'local'`): where it goes and what it holds. */
  readonly helper: GeneratedFile & { readonly format: HelperFormat };
}

type HelperFormat = 'typescript' | 'esm' | 'commonjs';

/**
 * The default helper's extension for a file: a TypeScript file gets a TypeScript helper, a
 * JavaScript file one it can load without a build. A CommonJS file of an ES module package
 * (`.cjs`, `.cts` where `type` is `module`) gets a CommonJS helper (`.cjs`, `.cts`): the package's
 * `.js` helper would be an ES module, which `require` cannot load on every Node version.
 */
function defaultHelperExtension(filePath: string, facts: PackageFacts): string {
  const extension = path.extname(filePath);
  if (facts.isModule && extension === '.cjs') return 'cjs';
  if (facts.isModule && extension === '.cts') return 'cts';
  return /\.[cm]?tsx?$/.test(extension) ? 'ts' : 'js';
}

/** Reads the project around `filePath` and the options into the bounded form's settings. */
export function boundedTargetFor(filePath: string, values: BoundedOptionValues): BoundedTarget {
  const facts = packageFactsOf(filePath);
  const limiter = (values.limiter as BoundedLimiterKind | null) ?? (facts.dependencies.has('p-map') ? 'p-map' : facts.dependencies.has('p-limit') ? 'p-limit' : 'local');
  const helperPath = path.resolve(facts.root, values.helperPath ?? `src/lib/asyncwise-limit.${defaultHelperExtension(filePath, facts)}`);
  const extension = path.extname(helperPath);
  const format: HelperFormat =
    extension === '.ts' || extension === '.mts' || extension === '.cts'
      ? 'typescript'
      : extension === '.mjs' || (extension !== '.cjs' && facts.isModule)
        ? 'esm'
        : 'commonjs';
  return {
    limiter,
    concurrency: values.concurrency,
    missingDependency: limiter !== 'local' && !facts.dependencies.has(limiter) ? limiter : null,
    helper: { path: helperPath, text: helperText(format), format, description: 'the bounded-map helper the local limiter imports' },
  };
}

/**
 * The analysis's options for one file: the helper's specifier relative to the file, with the
 * extension the file's own relative imports use (none when they all omit it; `.js` for a
 * TypeScript helper otherwise, which TypeScript and Node both resolve).
 */
export function boundedFormOptionsFor(file: AnalysisFile, filePath: string, target: BoundedTarget): BoundedFormOptions {
  const helper = target.helper.path;
  let relative = path.relative(path.dirname(path.resolve(filePath)), helper).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const sources = relativeImportSources(file);
  const omitsExtension = sources.length > 0 && sources.every((s) => !/\.[cm]?[jt]sx?$/.test(s));
  const keepsTs = sources.some((s) => /\.[cm]?tsx?$/.test(s));
  const extension = path.extname(relative);
  const runtimeExtension = extension === '.ts' ? '.js' : extension === '.mts' ? '.mjs' : extension === '.cts' ? '.cjs' : extension;
  const base = relative.slice(0, relative.length - extension.length);
  const specifier = omitsExtension ? base : `${base}${keepsTs ? extension : runtimeExtension}`;
  return { limiter: target.limiter, concurrency: target.concurrency, helperSpecifier: specifier, helperIsModule: target.helper.format === 'esm' };
}

/** The relative specifiers of the file's top-level imports and requires. */
function relativeImportSources(file: AnalysisFile): string[] {
  const sources: string[] = [];
  for (const statement of file.ast.body) {
    if (statement.type === 'ImportDeclaration' && statement.source.value.startsWith('.')) sources.push(statement.source.value);
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        const argument = init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' ? init.arguments[0] : undefined;
        if (argument?.type === 'Literal' && typeof argument.value === 'string' && argument.value.startsWith('.')) sources.push(argument.value);
      }
    }
  }
  return sources;
}

/** The description of an applied change, with the dependency to add when there is one. */
export function withDependencyNote(description: string, target: BoundedTarget): string {
  return target.missingDependency ? `${description} (add ${target.missingDependency} to package.json: it is not a dependency yet)` : description;
}

const helperDoc = `/**
 * Written once by asyncwise (loop-to-bounded, unbounded-to-bounded); yours to keep and change.
 *
 * Calls fn for every item with at most \`concurrency\` calls running at once, and resolves to the
 * results in the order of the items. The first rejection rejects the returned promise at once;
 * calls already started run to their end (their results are dropped), and no new call starts.
 */`;

/** The local helper's source, in the module format of the project. */
export function helperText(format: HelperFormat): string {
  const typed = format === 'typescript';
  const signature = typed
    ? 'export async function boundedMap<T, R>(items: Iterable<T>, concurrency: number, fn: (item: T, index: number) => R | PromiseLike<R>): Promise<R[]>'
    : `${format === 'esm' ? 'export ' : ''}async function boundedMap(items, concurrency, fn)`;
  const lines = [
    helperDoc,
    `${signature} {`,
    '  const list = Array.from(items);',
    `  const results${typed ? ': R[]' : ''} = new Array(list.length);`,
    '  let next = 0;',
    '  let failed = false;',
    `  const worker = async ()${typed ? ': Promise<void>' : ''} => {`,
    '    while (!failed && next < list.length) {',
    '      const index = next++;',
    '      try {',
    `        results[index] = await fn(list[index]${typed ? ' as T' : ''}, index);`,
    '      } catch (error) {',
    '        failed = true;',
    '        throw error;',
    '      }',
    '    }',
    '  };',
    `  const workers${typed ? ': Promise<void>[]' : ''} = [];`,
    '  for (let i = 0; i < Math.min(Math.max(1, concurrency), list.length); i++) workers.push(worker());',
    '  await Promise.all(workers);',
    '  return results;',
    '}',
  ];
  if (format === 'commonjs') lines.push('', 'module.exports = { boundedMap };');
  return `${lines.join('\n')}\n`;
}
