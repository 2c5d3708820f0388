import type { Reference, Scope, ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { PerFile } from './per-file';

/**
 * A binding as the analysis compares them: the resolved variable, or `global:<name>` for globals
 * (declared or not), so a global read and a global write always meet under the same key.
 */
export type BindingKey = Variable | `global:${string}`;

export function bindingKeyOf(reference: Reference): BindingKey {
  const variable = reference.resolved;
  if (!variable || variable.scope.type === 'global') return `global:${reference.identifier.name}`;
  return variable;
}

/** Type-only references (`const a: A`) never run; the analysis ignores them. */
export function isValueReference(reference: Reference): boolean {
  // eslint-scope (plain JS under ESLint) has no such flag: every reference is a value reference there.
  return (reference as { isValueReference?: boolean }).isValueReference !== false;
}

/**
 * All value references of a file sorted by position, so "which references lie inside this range" is a
 * binary search instead of a walk. Built once per file.
 */
export class ReferenceIndex {
  private readonly references: Reference[];

  constructor(scopeManager: ScopeManager) {
    const all: Reference[] = [];
    for (const scope of scopeManager.scopes) {
      for (const reference of scope.references) if (isValueReference(reference)) all.push(reference);
    }
    all.sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
    this.references = all;
  }

  /** References whose identifier starts inside `[start, end)`. */
  within(start: number, end: number): Reference[] {
    const refs = this.references;
    let lo = 0;
    let hi = refs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((refs[mid] as Reference).identifier.range[0] < start) lo = mid + 1;
      else hi = mid;
    }
    const out: Reference[] = [];
    for (let i = lo; i < refs.length; i++) {
      const ref = refs[i] as Reference;
      if (ref.identifier.range[0] >= end) break;
      out.push(ref);
    }
    return out;
  }
}

const referenceIndexes = new PerFile<ReferenceIndex>();

/** The file's reference index, built once per analysis view and shared by every finder. */
export function referenceIndexOf(file: AnalysisFile): ReferenceIndex {
  let index = referenceIndexes.get(file);
  if (!index) {
    index = new ReferenceIndex(file.scopeManager);
    referenceIndexes.set(file, index);
  }
  return index;
}

/** The innermost scope that contains `node`, found by walking up to the nearest node that owns a scope. */
export function innermostScope(scopeManager: ScopeManager, node: TSESTree.Node): Scope | null {
  let current: TSESTree.Node | undefined = node;
  while (current) {
    const scope = scopeManager.acquire(current, true);
    if (scope) return scope;
    current = current.parent;
  }
  return scopeManager.globalScope;
}

/** Looks `name` up from `scope` outwards, as the engine would. */
export function findVariable(scope: Scope | null, name: string): Variable | null {
  let current = scope;
  while (current) {
    const variable = current.set.get(name);
    if (variable) return variable;
    current = current.upper;
  }
  return null;
}

/**
 * Whether `name` refers to the built-in global at `node`: not declared by the user in any enclosing
 * scope (lib and configured globals have no definitions, so they still count as built-in).
 */
export function isBuiltinGlobal(scopeManager: ScopeManager, node: TSESTree.Node, name: string): boolean {
  const variable = findVariable(innermostScope(scopeManager, node), name);
  return !variable || variable.defs.length === 0;
}

/** Whether `node` is `undefined` itself: the global `undefined` (not a shadowing binding), or `void` of a literal. */
export function isUndefinedValue(scopeManager: ScopeManager, node: TSESTree.Node): boolean {
  if (node.type === 'UnaryExpression') return node.operator === 'void' && node.argument.type === 'Literal';
  return node.type === 'Identifier' && node.name === 'undefined' && isBuiltinGlobal(scopeManager, node, 'undefined');
}

/** The single expression a variable is bound to, when it is a `const` (or never-reassigned `let`) with an initialiser. */
export function constantInitializer(variable: Variable): TSESTree.Expression | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (!def || def.type !== 'Variable') return null;
  const declarator = def.node;
  if (declarator.id.type !== 'Identifier' || !declarator.init) return null;
  const writes = variable.references.filter((r) => r.isWrite());
  if (writes.length !== 1 || writes[0]?.writeExpr !== declarator.init) return null;
  return declarator.init;
}

/** Whether any reference to the variable reaches a member of it (`xs.push(…)`, `xs[0] = …`, `xs.length`): a `const` array may still change. */
export function isMemberUsed(variable: Variable): boolean {
  return variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    return parent?.type === 'MemberExpression' && parent.object === ref.identifier;
  });
}
