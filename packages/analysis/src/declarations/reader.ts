import type { TSESTree } from '@typescript-eslint/types';
import {
  abortSignalShape,
  agreeing,
  arrayShape,
  notPromise,
  promiseShape,
  type Shape,
  thenableShape,
  unknownShape,
  voidShape,
} from './shape';
import type { DeclarationSpace, TypeBinding, ValueBinding } from './space';
import { recordedReturnCleanup } from '../generator-cleanup';

/** How far one question may follow declarations before it answers "unknown" (recursive types, long chains). */
const MAX_DEPTH = 16;

/** Where an import leads: the shape of another module's export, from the project-wide index. */
export interface ImportResolver {
  exportShape(from: string | null, source: string, name: string, space: 'value' | 'type', depth: number): Shape;
}

/** What one question carries: the file's names, type parameters in scope, and how deep it has gone. */
interface Context {
  readonly space: DeclarationSpace;
  /** Type parameter names in scope where the file's space cannot tell (another file's top level). */
  readonly hidden: ReadonlySet<string>;
  readonly depth: number;
}

type FunctionShape = Extract<Shape, { kind: 'function' }>;

type FunctionNode =
  | TSESTree.FunctionLike
  | TSESTree.TSMethodSignature
  | TSESTree.TSFunctionType
  | TSESTree.TSCallSignatureDeclaration;

const notThenableTypes = new Set<string>([
  'TSStringKeyword',
  'TSNumberKeyword',
  'TSBooleanKeyword',
  'TSBigIntKeyword',
  'TSSymbolKeyword',
  'TSUndefinedKeyword',
  'TSNullKeyword',
  'TSLiteralType',
  'TSTemplateLiteralType',
]);

/** Array methods whose result is an array again. */
const arrayReturningMethods = new Set(['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'toSorted', 'toReversed', 'toSpliced', 'with']);
/** Static calls that build arrays: `Array.from(x)`, `Object.keys(x)`. */
const arrayBuilders: Record<string, readonly string[]> = { Array: ['from', 'of'], Object: ['keys', 'values', 'entries'] };

const nullishTypes = new Set<string>(['TSVoidKeyword', 'TSUndefinedKeyword', 'TSNullKeyword']);

const promiseMethods = new Set(['then', 'catch', 'finally']);

function keyName(key: TSESTree.Node, computed: boolean): string | null {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (!computed && key.type === 'PrivateIdentifier') return `#${key.name}`;
  return null;
}

/** A member's static name: `a.b`, `a['b']`, `a.#b`. */
export function memberName(node: TSESTree.MemberExpression): string | null {
  return keyName(node.property, node.computed);
}

/**
 * The most arguments a typed declaration takes, or null where any number may be passed: a rest
 * parameter, or a function whose type is not declared (plain JavaScript reads extra arguments
 * through `arguments`, and its return shape does not depend on their number).
 */
function declaredMaxArguments(fn: FunctionNode): number | null {
  const typed = fn.type === 'TSDeclareFunction' || fn.type === 'TSEmptyBodyFunctionExpression' || fn.type === 'TSMethodSignature' || fn.type === 'TSFunctionType' || fn.type === 'TSCallSignatureDeclaration' || fn.returnType != null;
  if (!typed || fn.params.some((p) => p.type === 'RestElement')) return null;
  const [first] = fn.params;
  const withThis = first?.type === 'Identifier' && first.name === 'this';
  return fn.params.length - (withThis ? 1 : 0);
}

function typeParameterNames(node: { typeParameters?: TSESTree.TSTypeParameterDeclaration | undefined | null }): string[] {
  return node.typeParameters?.params.map((p) => p.name.name) ?? [];
}

/**
 * Reads shapes from declarations. One reader serves a whole process: the file's names come with
 * every question (its {@link DeclarationSpace}), imports go to the project-wide index.
 */
export class ShapeReader {
  constructor(private readonly imports: ImportResolver) {}

  /** The shape of the value `node` evaluates to, in the file `space` describes. */
  expression(node: TSESTree.Expression, space: DeclarationSpace, depth = 0): Shape {
    return this.expressionShape(node, { space, hidden: new Set(), depth });
  }

  /** The shape of a value declared with type `node`. */
  type(node: TSESTree.TypeNode, space: DeclarationSpace, depth = 0): Shape {
    return this.typeShape(node, { space, hidden: new Set(), depth });
  }

  /** The shape of what a module exports under `name`, read from the module's own top level. */
  exported(binding: ValueBinding | TypeBinding | null, space: DeclarationSpace, kind: 'value' | 'type', depth: number): Shape {
    const context: Context = { space, hidden: new Set(), depth };
    if (!binding) return unknownShape;
    return kind === 'value' ? this.valueShape(binding as ValueBinding, context) : this.typeBindingShape(binding as TypeBinding, context);
  }

  private deeper(context: Context, hidden?: readonly string[]): Context | null {
    if (context.depth >= MAX_DEPTH) return null;
    const next = hidden && hidden.length > 0 ? new Set([...context.hidden, ...hidden]) : context.hidden;
    return { space: context.space, hidden: next, depth: context.depth + 1 };
  }

  private expressionShape(node: TSESTree.Expression, outer: Context): Shape {
    const context = this.deeper(outer);
    if (!context) return unknownShape;
    if ((node.type === 'CallExpression' || node.type === 'NewExpression') && context.space.catalogued(node, context.depth)) return promiseShape;
    switch (node.type) {
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return this.functionShape(node, context);
      case 'ClassExpression':
        return this.classShape(node, context);
      case 'ObjectExpression':
        return this.objectLiteralShape(node, context);
      case 'ArrayExpression':
        return arrayShape;
      case 'AwaitExpression':
      case 'Literal':
      case 'TemplateLiteral':
      case 'UnaryExpression':
      case 'UpdateExpression':
      case 'BinaryExpression':
        return notPromise;
      case 'TSAsExpression':
      case 'TSTypeAssertion': {
        const annotation = node.typeAnnotation;
        if (annotation.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' && annotation.typeName.name === 'const') {
          return this.expressionShape(node.expression, context);
        }
        return this.typeShape(annotation, context);
      }
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'ChainExpression':
        return this.expressionShape(node.expression, context);
      case 'Identifier': {
        const binding = context.space.value(node.name, node);
        if (!binding) return node.name === 'undefined' ? notPromise : unknownShape;
        return this.valueShape(binding, context);
      }
      case 'ThisExpression':
        return context.space.scoped ? this.thisShape(node, context) : unknownShape;
      case 'MemberExpression': {
        const name = memberName(node);
        if (name === null || node.object.type === 'Super') return unknownShape;
        return this.memberOf(this.expressionShape(node.object, context), name);
      }
      case 'CallExpression': {
        if (node.callee.type === 'Super') return unknownShape;
        const callee_ = node.callee;
        if (callee_.type === 'MemberExpression' && callee_.object.type === 'Identifier') {
          const builders = Object.hasOwn(arrayBuilders, callee_.object.name) ? arrayBuilders[callee_.object.name] : undefined;
          const name = memberName(callee_);
          if (builders && name && builders.includes(name) && !context.space.value(callee_.object.name, callee_)) return arrayShape;
        }
        const callee = this.expressionShape(node.callee, context);
        if (callee.kind !== 'function') return unknownShape;
        // More arguments than any declared signature takes: the call is one the types do not describe.
        if (callee.maxArguments !== undefined && node.arguments.length > callee.maxArguments && !node.arguments.some((a) => a.type === 'SpreadElement')) {
          return unknownShape;
        }
        return callee.returns();
      }
      case 'NewExpression': {
        if (node.callee.type === 'Identifier' && node.callee.name === 'Promise' && !context.space.value('Promise', node)) {
          return promiseShape;
        }
        const callee = this.expressionShape(node.callee, context);
        return callee.kind === 'object' && callee.construct ? callee.construct() : unknownShape;
      }
      default:
        return unknownShape;
    }
  }

  private memberOf(shape: Shape, name: string): Shape {
    if (shape.kind === 'object') return shape.member(name);
    if (shape.kind === 'not-promise' && shape.array && arrayReturningMethods.has(name)) return { kind: 'function', returns: () => arrayShape };
    if (shape.kind === 'promise' && shape.member) return shape.member(name);
    if (shape.kind === 'promise' && promiseMethods.has(name)) {
      const result = shape.thenable && name === 'then' ? thenableShape : shape.thenable ? unknownShape : promiseShape;
      return { kind: 'function', returns: () => result };
    }
    return unknownShape;
  }

  private valueShape(binding: ValueBinding, context: Context): Shape {
    switch (binding.kind) {
      case 'import':
        return this.imports.exportShape(context.space.path, binding.source, binding.imported, 'value', context.depth);
      case 'member':
        return this.memberOf(this.expressionShape(binding.object, context), binding.name);
      case 'parameter':
        return binding.annotation ? this.declaredShape(binding.annotation, binding.optional, context) : unknownShape;
      case 'variable': {
        const annotation = binding.id.typeAnnotation?.typeAnnotation;
        if (annotation) return this.typeShape(annotation, context);
        const init = binding.declarator.init;
        return binding.constant && init ? this.expressionShape(init, context) : unknownShape;
      }
      case 'declarations':
        return this.declarationsShape(binding.nodes, context);
    }
  }

  private declarationsShape(nodes: readonly TSESTree.Node[], context: Context): Shape {
    const first = nodes[0];
    if (!first) return unknownShape;
    if (nodes.length === 1 && (first.type === 'ClassDeclaration' || first.type === 'ClassExpression')) return this.classShape(first, context);
    if (nodes.length === 1 && first.type === 'TSEnumDeclaration') return { kind: 'object', member: () => notPromise };
    if (!nodes.every((n) => n.type === 'FunctionDeclaration' || n.type === 'TSDeclareFunction')) return unknownShape;
    // Callers see the overload signatures; the implementation's own signature only when there are none.
    const signatures = nodes.filter((n) => n.type === 'TSDeclareFunction');
    const visible = signatures.length > 0 ? signatures : nodes;
    return agreeing(visible.map((n) => this.functionShape(n as TSESTree.FunctionLike, context)));
  }

  private functionShape(fn: FunctionNode, outer: Context): FunctionShape {
    const cleanup = 'generator' in fn && fn.generator && fn.async ? recordedReturnCleanup(fn) : undefined;
    const maxArguments = declaredMaxArguments(fn);
    return {
      kind: 'function',
      arity: fn.params.filter((p) => p.type !== 'RestElement').length,
      ...(maxArguments === null ? {} : { maxArguments }),
      declaration: fn,
      ...(cleanup === undefined ? {} : { asyncGenerator: { returnRunsCleanup: cleanup } }),
      parameter: (index) => {
        const context = this.deeper(outer, outer.space.scoped ? undefined : typeParameterNames(fn));
        return context ? this.parameterShape(fn.params, index, context) : unknownShape;
      },
      returns: () => {
        const context = this.deeper(outer, outer.space.scoped ? undefined : typeParameterNames(fn));
        if (!context) return unknownShape;
        if ('generator' in fn && fn.generator) return notPromise;
        const returnType = fn.returnType?.typeAnnotation;
        if (returnType) return this.typeShape(returnType, context);
        if ('async' in fn && fn.async) return promiseShape;
        // `() => fetch(x)`: the body's value, read only where names inside a body resolve correctly.
        if (fn.type === 'ArrowFunctionExpression' && fn.expression && context.space.scoped) {
          return this.expressionShape(fn.body, context);
        }
        return unknownShape;
      },
    };
  }

  /** The declared type of the parameter a call's `index`-th argument binds to. */
  private parameterShape(params: readonly TSESTree.Parameter[], index: number, context: Context): Shape {
    for (let i = 0; i < params.length; i++) {
      let param: TSESTree.Parameter = params[i] as TSESTree.Parameter;
      if (param.type === 'TSParameterProperty') param = param.parameter;
      if (param.type === 'RestElement') {
        const annotation = param.typeAnnotation?.typeAnnotation;
        if (annotation?.type === 'TSArrayType') return this.typeShape(annotation.elementType, context);
        return unknownShape;
      }
      if (i !== index) continue;
      const target = param.type === 'AssignmentPattern' ? param.left : param;
      if (target.type === 'Identifier' && target.name === 'this') return unknownShape;
      const annotation = 'typeAnnotation' in target ? target.typeAnnotation?.typeAnnotation : undefined;
      const optional = param.type === 'AssignmentPattern' || ('optional' in target && target.optional === true);
      return annotation ? this.declaredShape(annotation, optional, context) : unknownShape;
    }
    return unknownShape;
  }

  private objectLiteralShape(node: TSESTree.ObjectExpression, context: Context): Shape {
    return {
      kind: 'object',
      member: (name) => {
        for (let i = node.properties.length - 1; i >= 0; i--) {
          const property = node.properties[i] as TSESTree.ObjectLiteralElement;
          if (property.type === 'SpreadElement') return unknownShape;
          if (keyName(property.key, property.computed) !== name) continue;
          if (property.kind === 'set') continue;
          const value = property.value as TSESTree.Expression;
          if (property.kind === 'get') {
            return value.type === 'FunctionExpression' ? this.functionShape(value, context).returns() : unknownShape;
          }
          return this.expressionShape(value, context);
        }
        return unknownShape;
      },
    };
  }

  /** A class as a value: its static members, and what `new` gives. */
  private classShape(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, context: Context): Shape {
    return {
      kind: 'object',
      member: (name) => this.classMember(node, name, true, context),
      construct: () => this.instanceShape(node, context),
    };
  }

  private instanceShape(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, context: Context): Shape {
    return { kind: 'object', member: (name) => this.classMember(node, name, false, context) };
  }

  private classMember(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string, isStatic: boolean, outer: Context): Shape {
    const context = this.deeper(outer, outer.space.scoped ? undefined : typeParameterNames(node));
    if (!context) return unknownShape;
    const methods: TSESTree.FunctionLike[] = [];
    for (const member of node.body.body) {
      if (member.type === 'MethodDefinition' && member.kind === 'constructor' && !isStatic) {
        for (const param of member.value.params) {
          if (param.type !== 'TSParameterProperty') continue;
          const id = param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter;
          if (id.type === 'Identifier' && id.name === name) {
            const annotation = id.typeAnnotation?.typeAnnotation;
            return annotation ? this.declaredShape(annotation, id.optional, context) : unknownShape;
          }
        }
        continue;
      }
      if (!('key' in member) || member.static !== isStatic || keyName(member.key, member.computed) !== name) continue;
      switch (member.type) {
        case 'MethodDefinition':
        case 'TSAbstractMethodDefinition':
          if (member.kind === 'get') return this.functionShape(member.value, context).returns();
          if (member.kind === 'method') methods.push(member.value);
          else if (member.kind !== 'set') return unknownShape;
          break;
        case 'PropertyDefinition':
        case 'TSAbstractPropertyDefinition': {
          const annotation = member.typeAnnotation?.typeAnnotation;
          // A field without an initialiser (and without `!`) is undefined until something assigns it, whatever
          // its type says where `strictPropertyInitialization` is off.
          const uninitialised = member.type === 'PropertyDefinition' && member.value === null && !member.definite;
          if (annotation) return this.declaredShape(annotation, member.optional || uninitialised, context);
          return member.value ? this.expressionShape(member.value, context) : unknownShape;
        }
        default:
          return unknownShape;
      }
    }
    if (methods.length > 0) {
      const signatures = methods.filter((m) => m.type === 'TSEmptyBodyFunctionExpression');
      const visible = signatures.length > 0 && signatures.length < methods.length ? signatures : methods;
      return agreeing(visible.map((m) => this.functionShape(m, context)));
    }
    const superClass = node.superClass;
    if (!superClass) return unknownShape;
    const parent = this.expressionShape(superClass, context);
    if (parent.kind !== 'object') return unknownShape;
    if (isStatic) return parent.member(name);
    return parent.construct ? this.memberOf(parent.construct(), name) : unknownShape;
  }

  /** `this` inside a class's method, accessor or property initialiser (arrows see through). */
  private thisShape(node: TSESTree.Node, context: Context): Shape {
    let current: TSESTree.Node | undefined = node.parent;
    let isStatic: boolean | null = null;
    while (current) {
      if (current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
        const owner = current.parent;
        if (owner?.type !== 'MethodDefinition' && owner?.type !== 'PropertyDefinition') return unknownShape;
        isStatic = owner.static;
      }
      if (current.type === 'PropertyDefinition' && isStatic === null) isStatic = current.static;
      if (current.type === 'StaticBlock' && isStatic === null) isStatic = true;
      if (current.type === 'ClassBody') {
        const cls = current.parent;
        if (isStatic === null || !cls || (cls.type !== 'ClassDeclaration' && cls.type !== 'ClassExpression')) return unknownShape;
        return isStatic ? this.classShape(cls, context) : this.instanceShape(cls, context);
      }
      current = current.parent;
    }
    return unknownShape;
  }

  /** The shape of a declared type, `undefined` included when the declaration is optional (`x?: T`). */
  private declaredShape(annotation: TSESTree.TypeNode, optional: boolean | undefined, context: Context): Shape {
    const shape = this.typeShape(annotation, context);
    return optional && shape.kind === 'promise' ? { ...shape, nullable: true } : shape;
  }

  private typeShape(node: TSESTree.TypeNode, outer: Context): Shape {
    const context = this.deeper(outer);
    if (!context) return unknownShape;
    if (notThenableTypes.has(node.type)) return notPromise;
    switch (node.type) {
      case 'TSVoidKeyword':
        return voidShape;
      case 'TSArrayType':
      case 'TSTupleType':
        return arrayShape;
      case 'TSTypeReference': {
        if (node.typeName.type !== 'Identifier') return unknownShape;
        const name = node.typeName.name;
        if (context.hidden.has(name)) return unknownShape;
        const binding = context.space.type(name, node);
        if (!binding) {
          if (name === 'Promise') return promiseShape;
          if (name === 'PromiseLike') return thenableShape;
          if (name === 'Array' || name === 'ReadonlyArray') return arrayShape;
          if (name === 'AbortSignal') return abortSignalShape;
          return unknownShape;
        }
        return this.typeBindingShape(binding, context);
      }
      case 'TSFunctionType':
        return this.functionShape(node, context);
      case 'TSTypeLiteral':
        return this.membersShape([node.members], [], context);
      case 'TSUnionType': {
        const nullish = node.types.filter((t) => nullishTypes.has(t.type));
        const parts = node.types.filter((t) => !nullishTypes.has(t.type)).map((t) => this.typeShape(t, context));
        if (parts.length === 0) return nullish.some((t) => t.type === 'TSVoidKeyword') ? voidShape : notPromise;
        if (parts.every((p) => p.kind === 'promise')) {
          return { kind: 'promise', thenable: parts.some((p) => p.kind === 'promise' && p.thenable), ...(nullish.length > 0 ? { nullable: true } : {}) };
        }
        if (parts.every((p) => p.kind === 'not-promise') && nullish.length === 0) return agreeing(parts);
        // `AbortSignal | undefined`: an optional signal is still where a signal goes.
        if (parts.every((p) => p.kind === 'not-promise' && p.abortSignal)) return abortSignalShape;
        if (parts.every((p) => p.kind === 'not-promise')) return notPromise;
        return unknownShape;
      }
      case 'TSTypeOperator':
        return node.operator === 'readonly' && node.typeAnnotation ? this.typeShape(node.typeAnnotation, context) : unknownShape;
      default:
        return unknownShape;
    }
  }

  private typeBindingShape(binding: TypeBinding, outer: Context): Shape {
    const context = this.deeper(outer);
    if (!context) return unknownShape;
    switch (binding.kind) {
      case 'type-parameter':
        return unknownShape;
      case 'import':
        return this.imports.exportShape(context.space.path, binding.source, binding.imported, 'type', context.depth);
      case 'declarations': {
        const first = binding.nodes[0];
        if (!first) return unknownShape;
        if (binding.nodes.length === 1 && first.type === 'TSTypeAliasDeclaration') {
          const inner = this.deeper(context, context.space.scoped ? undefined : typeParameterNames(first));
          return inner ? this.typeShape(first.typeAnnotation, inner) : unknownShape;
        }
        if (binding.nodes.length === 1 && (first.type === 'ClassDeclaration' || first.type === 'ClassExpression')) {
          return this.instanceShape(first, context);
        }
        if (binding.nodes.length === 1 && first.type === 'TSEnumDeclaration') return notPromise;
        if (binding.nodes.every((n) => n.type === 'TSInterfaceDeclaration')) {
          const interfaces = binding.nodes as TSESTree.TSInterfaceDeclaration[];
          const inner = this.deeper(context, context.space.scoped ? undefined : interfaces.flatMap((i) => typeParameterNames(i)));
          if (!inner) return unknownShape;
          const heritage = interfaces.flatMap((i) => i.extends);
          for (const parent of heritage) {
            if (parent.expression.type !== 'Identifier') continue;
            const parentName = parent.expression.name;
            if (!inner.space.type(parentName, parent) && (parentName === 'Promise' || parentName === 'PromiseLike')) {
              return parentName === 'Promise' ? promiseShape : thenableShape;
            }
          }
          return this.membersShape(interfaces.map((i) => i.body.body), heritage, inner);
        }
        return unknownShape;
      }
    }
  }

  /** An object type from its members (a type literal, an interface with its merged declarations). */
  private membersShape(
    bodies: readonly (readonly TSESTree.TypeElement[])[],
    heritage: readonly TSESTree.TSInterfaceHeritage[],
    context: Context,
  ): Shape {
    const members = bodies.flat();
    const calls = members.filter((m): m is TSESTree.TSCallSignatureDeclaration => m.type === 'TSCallSignatureDeclaration');
    const thenable = members.some((m) => (m.type === 'TSMethodSignature' || m.type === 'TSPropertySignature') && keyName(m.key, m.computed) === 'then');
    if (!thenable && calls.length > 0 && calls.length === members.length && heritage.length === 0) {
      return agreeing(calls.map((c) => this.functionShape(c, context)));
    }
    const member = (name: string): Shape => {
      const found: Shape[] = [];
      for (const member of members) {
        if (member.type !== 'TSMethodSignature' && member.type !== 'TSPropertySignature') continue;
        if (keyName(member.key, member.computed) !== name) continue;
        if (member.type === 'TSMethodSignature') {
          if (member.kind === 'get') {
            const annotation = member.returnType?.typeAnnotation;
            return annotation ? this.typeShape(annotation, context) : unknownShape;
          }
          if (member.kind === 'method') found.push(this.functionShape(member, context));
        } else {
          const annotation = member.typeAnnotation?.typeAnnotation;
          return annotation ? this.declaredShape(annotation, member.optional, context) : unknownShape;
        }
      }
      if (found.length > 0) return agreeing(found);
      for (const parent of heritage) {
        if (parent.expression.type !== 'Identifier') continue;
        const binding = context.space.type(parent.expression.name, parent);
        if (!binding) continue;
        const shape = this.typeBindingShape(binding, context);
        if (shape.kind === 'object' || (shape.kind === 'promise' && shape.member)) {
          const inherited = shape.member?.(name) ?? unknownShape;
          if (inherited.kind !== 'unknown') return inherited;
        }
      }
      return unknownShape;
    };
    // A declared thenable keeps its members: its `then` returns what it declares (a Cypress chainable's returns `void`).
    return thenable ? { kind: 'promise', thenable: true, member } : { kind: 'object', member };
  }
}
