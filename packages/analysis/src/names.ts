import type { Reference, Scope } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import picomatch from 'picomatch';
import type { AnalysisFile } from './file';
import { innermostScope, referenceIndexOf } from './scope';
import { nodeWithin, skipTransparentWrappers } from './walk';

const MAX_NAME = 40;

function pathName(node: TSESTree.Node): string | null {
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'PrivateIdentifier':
      return `#${node.name}`;
    case 'ThisExpression':
      return 'this';
    case 'Super':
      return 'super';
    case 'MemberExpression': {
      const object = pathName(node.object);
      if (object === null) return null;
      const dot = node.optional ? '?.' : '.';
      if (!node.computed) return `${object}${dot}${pathName(node.property) ?? '?'}`;
      if (node.property.type === 'Literal') return `${object}${node.optional ? '?.' : ''}[${node.property.raw}]`;
      return null;
    }
    case 'CallExpression': {
      const callee = pathName(node.callee);
      return callee === null ? null : `${callee}${node.optional ? '?.' : ''}()`;
    }
    case 'ChainExpression':
    case 'TSNonNullExpression':
    case 'TSAsExpression':
      return pathName(node.expression);
    default:
      return null;
  }
}

function shortText(text: string, node: TSESTree.Node): string {
  const flat = text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  return flat.length > MAX_NAME ? `${flat.slice(0, MAX_NAME - 1)}…` : flat;
}

/**
 * A short name for what an expression calls, for messages and reports: `api.getUser()`,
 * `new Worker()`, `import()`, or the expression's own text (shortened) when it has no dotted name.
 */
export function operationName(text: string, expression: TSESTree.Expression): string {
  const node = skipTransparentWrappers(expression);
  if (node.type === 'CallExpression') {
    return `${pathName(node.callee) ?? shortText(text, node.callee)}${node.optional ? '?.' : ''}()`;
  }
  if (node.type === 'NewExpression') return `new ${pathName(node.callee) ?? shortText(text, node.callee)}()`;
  if (node.type === 'ImportExpression') return 'import()';
  return pathName(node) ?? shortText(text, node);
}

/**
 * The dotted names of every call along a call chain, outermost first, without the trailing `()`:
 * `fetch(url).then(r => r.json())` gives `fetch().then` and `fetch`. These are what `ignore`
 * patterns match.
 */
export function calleeNames(expression: TSESTree.Expression): string[] {
  const names: string[] = [];
  let node: TSESTree.Node = skipTransparentWrappers(expression);
  while (node.type === 'CallExpression' || node.type === 'NewExpression') {
    const name = pathName(node.callee);
    if (name !== null) names.push(name);
    let next: TSESTree.Node = node.callee;
    if (next.type === 'ChainExpression') next = next.expression;
    if (next.type !== 'MemberExpression') break;
    node = skipTransparentWrappers(next.object);
  }
  return names;
}

/**
 * Compiles callee-name glob patterns (`logger.*`, `*.write`, `db.transaction`) into one predicate.
 * A leading `this.` on a name is optional for matching, so `logger.*` also covers `this.logger.info`.
 */
export function calleeMatcher(patterns: readonly string[]): (names: readonly string[]) => boolean {
  if (patterns.length === 0) return () => false;
  const isMatch = globMatcher(patterns, { dot: true, nobrace: false });
  return (names) => names.some((name) => isMatch(name) || (name.startsWith('this.') && isMatch(name.slice(5))));
}

const compiledGlobs = new Map<string, (text: string) => boolean>();

/**
 * picomatch's matcher for `patterns`, compiled once per process: rules ask per file with the same
 * options, and compiling the globs cost more than matching them (measured under oxlint: ~0.3 s of
 * a 1,200-file run). Bounded, as options could differ per file in a large config.
 */
export function globMatcher(patterns: readonly string[], options: { readonly dot: boolean; readonly nobrace?: boolean }): (text: string) => boolean {
  const key = JSON.stringify([patterns, options.dot, options.nobrace ?? null]);
  let matcher = compiledGlobs.get(key);
  if (!matcher) {
    if (compiledGlobs.size >= 256) compiledGlobs.clear();
    matcher = picomatch([...patterns], { dot: options.dot, ...(options.nobrace === undefined ? {} : { nobrace: options.nobrace }) });
    compiledGlobs.set(key, matcher);
  }
  return matcher;
}

/** Scopes of types only (a function type's parameters): they bind nothing at run time. */
const typeScopeTypes: ReadonlySet<string> = new Set(['functionType', 'mappedType', 'conditionalType', 'type']);

/** Every value scope whose block lies inside `node`'s range. */
export function valueScopesWithin(file: AnalysisFile, node: TSESTree.Node): Scope[] {
  const [start, end] = node.range;
  return file.scopeManager.scopes.filter((s) => s.block.range[0] >= start && s.block.range[1] <= end && !typeScopeTypes.has(s.type));
}

/**
 * Whether a binding `name` that a rewrite declares in place of `site` meets nothing: no scope around
 * `site` declares it (it would shadow that one), the file uses no undeclared global of that name, and
 * nothing inside `site` declares or refers to it (it would capture that use, or be shadowed).
 *
 * With `ownedBySite`, a declaration inside `site` is allowed, and so is a use that resolves to one:
 * for a name declared beside code that keeps `site`'s own scopes (a `for…of` head around a call whose
 * parameter is the loop's element), where only a use reaching outside `site` would be captured.
 * Unlike a search of the file's text, two rewrites in different functions may take the same name.
 */
export function isNameFreeAt(file: AnalysisFile, site: TSESTree.Node, name: string, ownedBySite = false): boolean {
  if (!isPlainName(name)) return false;
  for (let scope = innermostScope(file.scopeManager, site); scope; scope = scope.upper) {
    const declared = scope.set.get(name);
    if (declared && !(ownedBySite && declared.defs.every((def) => nodeWithin(def.name, site)))) return false;
  }
  if (file.scopeManager.globalScope?.through.some((r) => r.identifier.name === name)) return false;
  const ownUse = (reference: Reference): boolean =>
    reference.identifier.name !== name || (ownedBySite && reference.resolved !== null && reference.resolved.defs.every((def) => nodeWithin(def.name, site)));
  // The scopes inside hold the uses of types too; the index, the uses the site makes in the scope around it (a loop's list).
  for (const scope of valueScopesWithin(file, site)) {
    if (!ownedBySite && scope.set.has(name)) return false;
    if (!scope.references.every(ownUse)) return false;
  }
  return referenceIndexOf(file).within(site.range[0], site.range[1]).every(ownUse);
}

/** The first of `candidates` free at `site` (see `isNameFreeAt`) and not in `taken`, or `null`. */
export function freeNameAt(file: AnalysisFile, site: TSESTree.Node, candidates: readonly (string | null)[], taken: ReadonlySet<string> = new Set(), ownedBySite = false): string | null {
  for (const name of candidates) if (name !== null && !taken.has(name) && isNameFreeAt(file, site, name, ownedBySite)) return name;
  return null;
}

/** Words that cannot name a binding (in strict code, as modules and classes are). */
const reservedWords: ReadonlySet<string> = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'implements import in instanceof interface let new null package private protected public return static super switch this throw ' +
    'true try typeof var void while with yield arguments eval undefined NaN Infinity'
  ).split(' '),
);

function isPlainName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !reservedWords.has(name);
}

/** Verbs that only say a call fetches its result: `readLocalFile()` gives `localFile`, `getUser()` gives `user`. */
const fetchingVerb = /^(?:get|read|load|fetch|find|lookup|resolve|compute|make|build|create)(?=[A-Z])/;

/**
 * A name for what `expression` holds, taken from the code itself, or `null`: a variable's own name
 * (`result`), a property's (`info.size` gives `size`), or what a call fetches (`await readLocalFile(f)`
 * gives `localFile`). Only names a reader would take for the value itself; a literal, `this`, an
 * operator or a computed member give none.
 */
export function nameOfValue(expression: TSESTree.Expression): string | null {
  let node: TSESTree.Node = skipTransparentWrappers(expression);
  if (node.type === 'AwaitExpression') node = skipTransparentWrappers(node.argument);
  if (node.type === 'ChainExpression') node = node.expression;
  let name: string | null = null;
  if (node.type === 'Identifier') name = node.name;
  else if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') name = node.property.name;
  else if (node.type === 'CallExpression') {
    const callee = node.callee.type === 'MemberExpression' && !node.callee.computed ? node.callee.property : node.callee;
    const verb = callee.type === 'Identifier' ? callee.name : '';
    const rest = verb.replace(fetchingVerb, '');
    name = rest !== verb ? `${rest.charAt(0).toLowerCase()}${rest.slice(1)}` : null;
  }
  return name !== null && isPlainName(name) ? name : null;
}
