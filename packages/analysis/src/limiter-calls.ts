/**
 * Which catalogued limiter a call is, and what bound it passes. A call resolves to a `limiters`
 * entry through the file's imports and `require`s (`modules.ts`), and a stream method only on a
 * value shown to be a `Readable` (`Readable.from(…)`, `new Readable(…)`, another stream method's
 * result): never by a name alone, so the user's own `map`, `each` or `queue` is none of these.
 */
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { type Limiter, limiterOf, limiterPackages, streamLimiterOf } from './catalogues/limiters';
import { normalizeModuleName, resolveModuleMember, staticPropertyName } from './modules';
import { isBuiltinGlobal } from './scope';
import { skipTransparentWrappers } from './walk';

/**
 * The bound a limiter call passes: a finite number, `Infinity` (written so, or the default), a
 * value the code does not show (`unknown`: a variable, a spread of options), or `missing` where
 * the call cannot run without one.
 */
export type LimiterBound =
  | { readonly kind: 'finite'; readonly value: number }
  | { readonly kind: 'infinite'; readonly written: boolean }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'missing' };

export interface LimiterCall {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly limiter: Limiter;
  readonly bound: LimiterBound;
}

/** The module and export a resolved callee names: `async/mapLimit` is async's `mapLimit`. */
function exportOf(module: string, path: readonly string[]): { module: string; name: string } | null {
  const slash = module.indexOf('/');
  if (slash > 0 && !module.startsWith('@')) {
    // `import mapLimit from 'async/mapLimit'`: a subpath module whose default export is the function.
    const pkg = module.slice(0, slash);
    if (path.length === 0 || (path.length === 1 && path[0] === 'default')) return { module: pkg, name: module.slice(slash + 1) };
    return null;
  }
  if (path.length === 0) return { module, name: 'default' };
  if (path.length === 1) return { module, name: path[0] as string };
  return null;
}

/**
 * Whether `node` is shown to be a Node `Readable`: `Readable.from(…)`, `stream.Readable.from(…)`,
 * `new Readable(…)` with `Readable` from `node:stream`, or the result of a stream method on one.
 */
export function isReadableStream(scopeManager: ScopeManager, node: TSESTree.Expression, depth = 0): boolean {
  if (depth > 8) return false;
  const core = skipTransparentWrappers(node);
  if (core.type === 'NewExpression') {
    const member = resolveModuleMember(scopeManager, core.callee);
    return member !== null && member.module === 'stream' && member.path.length === 1 && member.path[0] === 'Readable';
  }
  if (core.type !== 'CallExpression' || core.callee.type !== 'MemberExpression') return false;
  const name = staticPropertyName(core.callee);
  if (name === 'from') {
    const member = resolveModuleMember(scopeManager, core.callee);
    return member !== null && member.module === 'stream' && member.path.join('.') === 'Readable.from';
  }
  if (name !== null && (streamLimiterOf(name) || name === 'take' || name === 'drop')) {
    return isReadableStream(scopeManager, core.callee.object, depth + 1);
  }
  return false;
}

/** The catalogued limiter `call` is, or `undefined`. */
export function limiterAt(scopeManager: ScopeManager, call: TSESTree.CallExpression | TSESTree.NewExpression): Limiter | undefined {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type === 'MemberExpression' && call.type === 'CallExpression') {
    const method = staticPropertyName(callee);
    const stream = method === null ? undefined : streamLimiterOf(method);
    if (stream && isReadableStream(scopeManager, callee.object)) return stream;
  }
  if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return undefined;
  const member = resolveModuleMember(scopeManager, callee);
  if (!member) return undefined;
  const found = exportOf(normalizeModuleName(member.module), member.path);
  if (!found || !limiterPackages.has(found.module)) return undefined;
  const limiter = limiterOf(found.module, found.name);
  if (!limiter) return undefined;
  // Constructors are called with `new`, the rest without.
  return (limiter.shape === 'queue-constructor') === (call.type === 'NewExpression') ? limiter : undefined;
}

/** A numeric value the code shows: a literal, `Infinity`, `Number.POSITIVE_INFINITY`; `null` otherwise. */
function numberOf(scopeManager: ScopeManager, node: TSESTree.Node): number | null {
  const core = node.type === 'SpreadElement' ? null : skipTransparentWrappers(node as TSESTree.Expression);
  if (!core) return null;
  if (core.type === 'Literal' && typeof core.value === 'number') return core.value;
  if (core.type === 'Identifier' && core.name === 'Infinity' && isBuiltinGlobal(scopeManager, core, 'Infinity')) return Infinity;
  if (
    core.type === 'MemberExpression' &&
    core.object.type === 'Identifier' &&
    core.object.name === 'Number' &&
    staticPropertyName(core) === 'POSITIVE_INFINITY' &&
    isBuiltinGlobal(scopeManager, core, 'Number')
  ) {
    return Infinity;
  }
  return null;
}

function boundOfValue(scopeManager: ScopeManager, node: TSESTree.Node): LimiterBound {
  const value = numberOf(scopeManager, node);
  if (value === null) return { kind: 'unknown' };
  return value === Infinity ? { kind: 'infinite', written: true } : { kind: 'finite', value };
}

function defaultBound(limiter: Limiter): LimiterBound {
  if (limiter.default === 'required') return { kind: 'missing' };
  return limiter.default === 'Infinity' ? { kind: 'infinite', written: false } : { kind: 'finite', value: limiter.default };
}

/** The bound a limiter call passes, as far as the code shows it (see {@link LimiterBound}). */
export function limiterBound(scopeManager: ScopeManager, call: TSESTree.CallExpression | TSESTree.NewExpression, limiter: Limiter): LimiterBound {
  const limit = limiter.limit;
  if (limit.kind === 'none') return defaultBound(limiter);
  // A spread argument hides which argument lands where.
  const spreadAt = call.arguments.findIndex((a) => a.type === 'SpreadElement');
  if (spreadAt >= 0 && spreadAt <= limit.argument) return { kind: 'unknown' };
  const argument = call.arguments[limit.argument];
  if (!argument) return defaultBound(limiter);
  if (limit.kind === 'argument') return boundOfValue(scopeManager, argument);
  const options = skipTransparentWrappers(argument as TSESTree.Expression);
  if (options.type !== 'ObjectExpression') return { kind: 'unknown' };
  let bound: LimiterBound | null = null;
  for (const property of options.properties) {
    // A spread may carry the property; a later literal one still wins.
    if (property.type === 'SpreadElement') bound = { kind: 'unknown' };
    else if (!property.computed && (property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : null) === limit.property) {
      bound = property.shorthand ? { kind: 'unknown' } : boundOfValue(scopeManager, property.value);
    }
  }
  return bound ?? defaultBound(limiter);
}

/** The limiter call `call` is, with its bound, or `null`. */
export function limiterCallOf(scopeManager: ScopeManager, call: TSESTree.CallExpression | TSESTree.NewExpression): LimiterCall | null {
  const limiter = limiterAt(scopeManager, call);
  return limiter ? { node: call, limiter, bound: limiterBound(scopeManager, call, limiter) } : null;
}
