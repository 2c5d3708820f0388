import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { requireSource } from '../modules';
import { findVariable, innermostScope } from '../scope';

/** What `require()` of a module gives, as an export's name: its `module.exports` (the name Node's own ESM interop gives it, `export { x as 'module.exports' }`). */
export const wholeModule = 'module.exports';

/** What a value name at some place is bound to, as far as declarations show it. */
export type ValueBinding =
  /** Function declarations (overloads and implementation), a class, an enum. */
  | { readonly kind: 'declarations'; readonly nodes: readonly TSESTree.Node[] }
  /** A variable declared by `declarator`; `constant` when its initialiser is its only value. */
  | { readonly kind: 'variable'; readonly id: TSESTree.Identifier; readonly declarator: TSESTree.VariableDeclarator; readonly constant: boolean }
  /** `const { name } = object`: a member of another value. */
  | { readonly kind: 'member'; readonly object: TSESTree.Expression; readonly name: string }
  /** A parameter, with its declared type when it has one. */
  | { readonly kind: 'parameter'; readonly annotation: TSESTree.TypeNode | null; readonly optional: boolean }
  /** An import: `imported` is the exported name, `'default'`, or `'*'` for a namespace. */
  | { readonly kind: 'import'; readonly source: string; readonly imported: string };

/** What a type name at some place is bound to. */
export type TypeBinding =
  | { readonly kind: 'declarations'; readonly nodes: readonly TSESTree.Node[] }
  | { readonly kind: 'type-parameter' }
  | { readonly kind: 'import'; readonly source: string; readonly imported: string };

/**
 * The names one file declares, as the declaration index reads them. The file being linted is read
 * through its scope manager (every scope); another file of the project through its top level only,
 * and then nothing inside a function body is ever read (its names could be shadowed there).
 */
export interface DeclarationSpace {
  /** The file's absolute path, to resolve its imports from; null when unknown (stdin, a test string). */
  readonly path: string | null;
  /** Whether names inside function bodies resolve correctly (a scope manager is behind the space). */
  readonly scoped: boolean;
  value(name: string, at: TSESTree.Node): ValueBinding | null;
  type(name: string, at: TSESTree.Node): TypeBinding | null;
  /** Whether what the catalogues and plain syntax show already proves `node` a promise (`fetch()`, `Promise.all()`). */
  catalogued(node: TSESTree.Expression, depth: number): boolean;
}

function importBindingOf(spec: TSESTree.Node, declaration: TSESTree.Node): ValueBinding & TypeBinding | null {
  if (declaration.type !== 'ImportDeclaration') return null;
  const source = declaration.source.value;
  if (spec.type === 'ImportSpecifier') {
    const imported = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
    return { kind: 'import', source, imported };
  }
  if (spec.type === 'ImportDefaultSpecifier') return { kind: 'import', source, imported: 'default' };
  if (spec.type === 'ImportNamespaceSpecifier') return { kind: 'import', source, imported: '*' };
  return null;
}

/** The type written on a parameter's identifier (`x: T`, `x: T = d`, `private x: T`). */
function parameterAnnotation(name: TSESTree.Node): TSESTree.TypeNode | null {
  if (name.type !== 'Identifier') return null;
  return name.typeAnnotation?.typeAnnotation ?? null;
}

/** The file being linted, read through its scope manager. */
export class ScopedSpace implements DeclarationSpace {
  readonly scoped = true;

  constructor(
    private readonly scopeManager: ScopeManager,
    readonly path: string | null,
    readonly catalogued: (node: TSESTree.Expression, depth: number) => boolean,
  ) {}

  private variable(name: string, at: TSESTree.Node): Variable | null {
    return findVariable(innermostScope(this.scopeManager, at), name);
  }

  value(name: string, at: TSESTree.Node): ValueBinding | null {
    const variable = this.variable(name, at);
    if (!variable) return null;
    const defs = variable.defs.filter((d) => d.type !== 'Type');
    if (defs.length === 0) return variable.defs.length === 0 ? null : { kind: 'declarations', nodes: [] };
    const first = defs[0];
    if (!first) return null;
    if (defs.every((d) => d.type === 'FunctionName') || (defs.length === 1 && (first.type === 'ClassName' || first.type === 'TSEnumName'))) {
      return { kind: 'declarations', nodes: defs.map((d) => d.node) };
    }
    if (defs.length !== 1) return { kind: 'declarations', nodes: [] };
    if (first.type === 'ImportBinding') {
      if (first.parent.type === 'ImportDeclaration' && first.parent.importKind === 'type') return null;
      return importBindingOf(first.node, first.parent);
    }
    if (first.type === 'Parameter') {
      // `x?: T` and `x: T = d` may be `undefined` in the body... only `x?: T` says so in its type.
      const optional = first.name.type === 'Identifier' && first.name.optional === true;
      return { kind: 'parameter', annotation: parameterAnnotation(first.name), optional };
    }
    if (first.type === 'Variable' && first.name.type === 'Identifier') {
      const declarator = first.node;
      const declaration = declarator.parent;
      const writes = variable.references.filter((r) => r.isWrite());
      const constant =
        declaration?.type === 'VariableDeclaration' &&
        (declaration.kind === 'const' || (writes.length === 1 && writes[0]?.init === true));
      if (declarator.id === first.name) {
        // `const lib = require('./lib')` is the module's `module.exports`, as the index records it.
        const source = constant && !first.name.typeAnnotation ? requireSource(declarator.init) : null;
        if (source !== null) return { kind: 'import', source, imported: wholeModule };
        return { kind: 'variable', id: first.name, declarator, constant };
      }
      // `const { get } = api` and `const { get: load } = api`, one level deep, without a default.
      const property = first.name.parent;
      if (
        constant &&
        declarator.init &&
        property?.type === 'Property' &&
        property.value === first.name &&
        property.parent === declarator.id
      ) {
        const key = !property.computed && property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : null;
        if (key === null) return { kind: 'declarations', nodes: [] };
        // `const { describe } = require('node:test')` is the module's named export, as an import would be.
        const source = requireSource(declarator.init);
        if (source !== null) return { kind: 'import', source, imported: key };
        return { kind: 'member', object: declarator.init, name: key };
      }
      return { kind: 'declarations', nodes: [] };
    }
    return { kind: 'declarations', nodes: [] };
  }

  type(name: string, at: TSESTree.Node): TypeBinding | null {
    const variable = this.variable(name, at);
    if (!variable) return null;
    const defs = variable.defs.filter((d) => d.type === 'Type' || d.type === 'ClassName' || d.type === 'ImportBinding' || d.type === 'TSEnumName');
    if (defs.length === 0) return variable.defs.length === 0 ? null : { kind: 'declarations', nodes: [] };
    const first = defs[0];
    if (!first) return null;
    if (first.type === 'Type' && first.node.type === 'TSTypeParameter') return { kind: 'type-parameter' };
    if (first.type === 'ImportBinding' && defs.length === 1) return importBindingOf(first.node, first.parent);
    return { kind: 'declarations', nodes: defs.map((d) => d.node) };
  }
}

interface TopLevelNames {
  readonly values: Map<string, ValueBinding>;
  readonly types: Map<string, TypeBinding>;
}

function addDeclaration(map: Map<string, ValueBinding> | Map<string, TypeBinding>, name: string, node: TSESTree.Node): void {
  const existing = (map as Map<string, ValueBinding | TypeBinding>).get(name);
  if (existing?.kind === 'declarations') map.set(name, { kind: 'declarations', nodes: [...existing.nodes, node] });
  else if (existing) map.set(name, { kind: 'declarations', nodes: [] });
  else map.set(name, { kind: 'declarations', nodes: [node] });
}

/** The top-level names of a program: declarations, exported declarations and imports. */
export function topLevelNames(program: TSESTree.Program): TopLevelNames {
  const values = new Map<string, ValueBinding>();
  const types = new Map<string, TypeBinding>();
  const declare = (node: TSESTree.Node | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'TSDeclareFunction':
        if (node.id) addDeclaration(values, node.id.name, node);
        break;
      case 'ClassDeclaration':
        if (node.id) {
          addDeclaration(values, node.id.name, node);
          addDeclaration(types, node.id.name, node);
        }
        break;
      case 'TSEnumDeclaration':
        addDeclaration(values, node.id.name, node);
        addDeclaration(types, node.id.name, node);
        break;
      case 'TSTypeAliasDeclaration':
      case 'TSInterfaceDeclaration':
        addDeclaration(types, node.id.name, node);
        break;
      case 'VariableDeclaration':
        for (const declarator of node.declarations) {
          // `const lib = require('./lib')` and `const { load } = require('./lib')` are imports, as in the linted file.
          const source = node.kind === 'const' ? requireSource(declarator.init) : null;
          if (declarator.id.type === 'ObjectPattern' && source !== null) {
            for (const property of declarator.id.properties) {
              if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier' || property.value.type !== 'Identifier') continue;
              values.set(property.value.name, { kind: 'import', source, imported: property.key.name });
            }
          }
          if (declarator.id.type !== 'Identifier') continue;
          if (source !== null && !declarator.id.typeAnnotation) values.set(declarator.id.name, { kind: 'import', source, imported: wholeModule });
          else values.set(declarator.id.name, { kind: 'variable', id: declarator.id, declarator, constant: node.kind === 'const' });
        }
        break;
      case 'ImportDeclaration':
        for (const spec of node.specifiers) {
          const binding = importBindingOf(spec, node);
          if (!binding) continue;
          const typeOnly = node.importKind === 'type' || (spec.type === 'ImportSpecifier' && spec.importKind === 'type');
          if (!typeOnly) values.set(spec.local.name, binding);
          types.set(spec.local.name, binding);
        }
        break;
      case 'ExportNamedDeclaration':
        declare(node.declaration);
        break;
      case 'ExportDefaultDeclaration':
        if ('id' in node.declaration && node.declaration.id) declare(node.declaration);
        break;
      default:
        break;
    }
  };
  for (const statement of program.body) declare(statement);
  return { values, types };
}

/** Another file of the project, read through its top level only. */
export class TopLevelSpace implements DeclarationSpace {
  readonly scoped = false;
  private readonly names: TopLevelNames;

  constructor(
    program: TSESTree.Program,
    readonly path: string,
  ) {
    this.names = topLevelNames(program);
  }

  value(name: string): ValueBinding | null {
    return this.names.values.get(name) ?? null;
  }

  type(name: string): TypeBinding | null {
    return this.names.types.get(name) ?? null;
  }

  catalogued(): boolean {
    return false;
  }
}
