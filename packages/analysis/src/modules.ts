/**
 * Which Node core module member an expression names, through every import and `require` form.
 *
 * The catalogues (promise APIs, blocking APIs, callback APIs) are keyed by module and member; this
 * module is the one resolver they share, so `import { readFileSync as read } from 'node:fs'`,
 * `import * as fs from 'fs'`, `import fs from 'fs'`, `const fs = require('fs')`,
 * `const { readFileSync } = require('node:fs')`, `require('fs').readFileSync`,
 * `const { promises: fsp } = require('fs')` and `fs.promises.readFile` all reach the same entry. A
 * name alone (`…Sync`) never does: an identifier resolves only through its binding.
 *
 * The resolver works on a scope manager alone (no walk): an identifier's variable and its one
 * definition say where it came from. A variable written after its declaration, or declared twice,
 * resolves to nothing.
 */
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { findVariable, innermostScope } from './scope';

/** Where an identifier's value comes from, when it is a module import or `require` result. */
export interface ModuleBinding {
  /** The specifier as written (`node:fs`, `fs/promises`). */
  readonly source: string;
  /** The member imported, or `null` for the module object (default, namespace or whole `require`). */
  readonly member: string | null;
}

/** A resolved module member: `fs` + `['promises', 'readFile']` for `fs.promises.readFile`. */
export interface ModuleMember {
  /** The module, without the `node:` scheme. */
  readonly module: string;
  /** The member path below the module object; empty for the module object itself. */
  readonly path: readonly string[];
}

/** Strips the `node:` scheme so `node:fs` and `fs` share one entry. */
export function normalizeModuleName(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

/** `x.name` or `x['name']`: the property name when it is static. */
export function staticPropertyName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') {
    return node.property.value;
  }
  return null;
}

/** The specifier of a `require('x')` call with one string literal argument, or `null`. */
export function requireSource(node: TSESTree.Node | null | undefined): string | null {
  if (
    node?.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0]?.type === 'Literal' &&
    typeof node.arguments[0].value === 'string'
  ) {
    return node.arguments[0].value;
  }
  if (node?.type === 'TSExternalModuleReference' && node.expression.type === 'Literal') {
    return typeof node.expression.value === 'string' ? node.expression.value : null;
  }
  return null;
}

/** Whether a variable keeps the value of its one definition: declared once, never written again. */
function isWrittenOnce(variable: Variable): boolean {
  let writes = 0;
  for (const reference of variable.references) if (reference.isWrite()) writes++;
  return writes <= 1;
}

/**
 * The module and member path an initializer reads: `require('fs')` → `fs` + `[]`,
 * `require('fs').promises` → `fs` + `['promises']`.
 */
function requiredMember(node: TSESTree.Node | null | undefined): { source: string; path: string[] } | null {
  let current = node;
  const path: string[] = [];
  while (current?.type === 'MemberExpression') {
    const name = staticPropertyName(current);
    if (name === null) return null;
    path.unshift(name);
    current = current.object;
  }
  const source = requireSource(current);
  return source === null ? null : { source, path };
}

/**
 * Resolves a variable to the module member it was imported or required as, through every common
 * form; `null` when it is anything else or is reassigned.
 */
export function moduleBindingOf(variable: Variable): ModuleBinding | null {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1) return null;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration.type === 'TSImportEqualsDeclaration') {
      // `import fs = require('fs')`
      const source = requireSource(declaration.moduleReference);
      return source === null ? null : { source, member: null };
    }
    if (declaration.type !== 'ImportDeclaration') return null;
    const source = declaration.source.value;
    const spec = def.node;
    if (spec.type === 'ImportSpecifier') {
      const imported = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
      return { source, member: imported };
    }
    // Default and namespace imports of Node core modules both expose the module object.
    return { source, member: null };
  }
  if (def.type !== 'Variable' || !isWrittenOnce(variable)) return null;
  const declarator = def.node;
  const required = requiredMember(declarator.init);
  if (required === null || required.path.length > 1) return null;
  const [first] = required.path;
  if (declarator.id.type === 'Identifier') return { source: required.source, member: first ?? null };
  // `const { readFileSync, promises: fsp } = require('fs')`; a pattern below a member is too deep.
  if (declarator.id.type !== 'ObjectPattern' || first !== undefined) return null;
  for (const property of declarator.id.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : null;
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (key !== null && value.type === 'Identifier' && value.name === variable.name) {
      return { source: required.source, member: key };
    }
  }
  return null;
}

/**
 * The core module member an expression names: `readFileSync` (imported or destructured),
 * `fs.readFileSync`, `fs['readFileSync']`, `fs.promises.readFile`, `require('fs').readFileSync`,
 * with `node:` stripped. `null` when the expression is not a static path from a module binding.
 */
export function resolveModuleMember(scopeManager: ScopeManager, node: TSESTree.Node): ModuleMember | null {
  const path: string[] = [];
  let current: TSESTree.Node = node;
  while (current.type === 'MemberExpression' || current.type === 'ChainExpression' || current.type === 'TSNonNullExpression') {
    if (current.type !== 'MemberExpression') {
      current = current.expression;
      continue;
    }
    const name = staticPropertyName(current);
    if (name === null) return null;
    path.unshift(name);
    current = current.object;
  }
  if (current.type === 'CallExpression') {
    const source = requireSource(current);
    return source === null ? null : { module: normalizeModuleName(source), path };
  }
  if (current.type !== 'Identifier') return null;
  const variable = findVariable(innermostScope(scopeManager, current), current.name);
  const binding = variable ? moduleBindingOf(variable) : null;
  if (!binding) return null;
  return {
    module: normalizeModuleName(binding.source),
    path: binding.member === null ? path : [binding.member, ...path],
  };
}
