/**
 * Values that become thenables by accident, as eslint-plugin-unicorn's `no-thenable` reports them: an
 * object, class or module namespace with a `then` member. `await` and `Promise.resolve` call any
 * `then` they find, so `await import('./mod.js')` of a module exporting `then`, or `await
 * Promise.resolve(config)` of an object with a `then` field, calls it and waits for it to settle —
 * often forever.
 *
 * Exact from syntax: a key is `then` when it is written so (`then`, `'then'`, `` `then` ``) or is a
 * `const` holding that string.
 */
import type { TSESTree } from '@typescript-eslint/types';
import type { AnalysisFile } from './file';
import { constantInitializer, findVariable, innermostScope, isBuiltinGlobal } from './scope';

export type ThenableKind = 'object' | 'class' | 'export';

export interface ThenMember {
  /** The key, name or string that makes the value a thenable. */
  readonly node: TSESTree.Node;
  readonly kind: ThenableKind;
}

/** The string a key evaluates to, when the code shows it; `null` otherwise. */
function staticString(file: AnalysisFile, node: TSESTree.Node, depth = 0): string | null {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : null;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0 ? (node.quasis[0]?.value.cooked ?? null) : null;
  if (node.type === 'Identifier' && depth < 4) {
    const variable = findVariable(innermostScope(file.scopeManager, node), node.name);
    const init = variable ? constantInitializer(variable) : null;
    return init ? staticString(file, init, depth + 1) : null;
  }
  return null;
}

/**
 * Values that can never be called: only a callable `then` makes a thenable, so `{ then: { … } }` (a
 * JSON schema's `if`/`then`/`else`) or `then = 1` is data, not a trap.
 */
const neverCallable = new Set<string>(['Literal', 'TemplateLiteral', 'ObjectExpression', 'ArrayExpression', 'BinaryExpression', 'UnaryExpression', 'UpdateExpression']);

function mayBeCallable(value: TSESTree.Node | null | undefined): boolean {
  return !value || !neverCallable.has(value.type);
}

function isThenKey(file: AnalysisFile, key: TSESTree.Node, computed: boolean): boolean {
  if (!computed && key.type === 'Identifier') return key.name === 'then';
  return staticString(file, key) === 'then';
}

/** `{ then() {} }`, `{ get then() {} }`, `{ ['then']: … }`: each such property of an object literal. */
export function findThenProperties(file: AnalysisFile, node: TSESTree.ObjectExpression): ThenMember[] {
  const out: ThenMember[] = [];
  for (const property of node.properties) {
    if (property.type !== 'Property' || !isThenKey(file, property.key, property.computed)) continue;
    if (property.kind === 'init' && !property.method && !mayBeCallable(property.value)) continue;
    out.push({ node: property.key, kind: 'object' });
  }
  return out;
}

/** A class field or method (static or not, accessors too) named `then`. */
export function findThenClassMember(file: AnalysisFile, node: TSESTree.PropertyDefinition | TSESTree.MethodDefinition): ThenMember | null {
  if (node.type === 'PropertyDefinition' && node.value && !mayBeCallable(node.value)) return null;
  return isThenKey(file, node.key, node.computed) ? { node: node.key, kind: 'class' } : null;
}

/** `x.then = …`, `x['then'] = …`. */
export function findThenAssignment(file: AnalysisFile, node: TSESTree.AssignmentExpression): ThenMember | null {
  const target = node.left;
  if (target.type !== 'MemberExpression' || (node.operator === '=' && !mayBeCallable(node.right))) return null;
  return isThenKey(file, target.property, target.computed) ? { node: target.property, kind: 'object' } : null;
}

/** `Object.defineProperty(x, 'then', …)`, `Reflect.defineProperty(…)`, `Object.fromEntries([['then', …]])` on the built-ins. */
export function findThenDefinitions(file: AnalysisFile, node: TSESTree.CallExpression): ThenMember[] {
  const callee = node.callee;
  if (node.optional || callee.type !== 'MemberExpression' || callee.optional || callee.computed) return [];
  if (callee.object.type !== 'Identifier' || callee.property.type !== 'Identifier') return [];
  const owner = callee.object.name;
  const method = callee.property.name;
  if (method === 'defineProperty' && (owner === 'Object' || owner === 'Reflect')) {
    const [target, key] = node.arguments;
    if (node.arguments.length < 3 || !target || target.type === 'SpreadElement' || !key || key.type === 'SpreadElement') return [];
    if (!isBuiltinGlobal(file.scopeManager, callee.object, owner)) return [];
    return staticString(file, key) === 'then' ? [{ node: key, kind: 'object' }] : [];
  }
  if (method === 'fromEntries' && owner === 'Object' && node.arguments.length === 1 && node.arguments[0]?.type === 'ArrayExpression') {
    if (!isBuiltinGlobal(file.scopeManager, callee.object, owner)) return [];
    const out: ThenMember[] = [];
    for (const pair of node.arguments[0].elements) {
      const key = pair?.type === 'ArrayExpression' ? pair.elements[0] : null;
      const value = pair?.type === 'ArrayExpression' ? pair.elements[1] : null;
      if (value?.type === 'SpreadElement' || !mayBeCallable(value)) continue;
      if (key && key.type !== 'SpreadElement' && staticString(file, key) === 'then') out.push({ node: key, kind: 'object' });
    }
    return out;
  }
  return [];
}

/** `export { x as then }`, `export function then() {}`, `export class then {}`, `export const then = …` (destructured too). */
export function findThenExports(file: AnalysisFile, node: TSESTree.ExportNamedDeclaration): ThenMember[] {
  const out: ThenMember[] = [];
  for (const specifier of node.specifiers) {
    const exported = specifier.exported;
    const name = exported.type === 'Identifier' ? exported.name : exported.value;
    if (name === 'then') out.push({ node: exported, kind: 'export' });
  }
  const declaration = node.declaration;
  if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id?.name === 'then') {
    out.push({ node: declaration.id, kind: 'export' });
  }
  if (declaration?.type === 'VariableDeclaration') {
    for (const declarator of declaration.declarations) {
      // `export const then = 1` exports data; a destructured `then` may be anything.
      if (declarator.id.type === 'Identifier' && !mayBeCallable(declarator.init)) continue;
      for (const variable of file.scopeManager.getDeclaredVariables(declarator)) {
        if (variable.name === 'then') for (const identifier of variable.identifiers) out.push({ node: identifier, kind: 'export' });
      }
    }
  }
  return out;
}
