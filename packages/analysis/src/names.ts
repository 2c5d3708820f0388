import type { TSESTree } from '@typescript-eslint/types';
import picomatch from 'picomatch';
import { skipTransparentWrappers } from './walk';

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
