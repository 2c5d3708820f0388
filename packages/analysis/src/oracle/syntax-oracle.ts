import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import {
  isPromiseModuleMember,
  promiseGlobals,
  promiseModuleAlias,
  promiseStatics,
} from '../catalogues/promise-apis';
import { isValueGlobalMethod, valueGlobalFunctions } from '../catalogues/value-apis';
import { voidCallbackArgument } from '../catalogues/void-callbacks';
import { heritageOf } from '../declarations/heritage';
import { moduleIndex } from '../declarations/module-index';
import { isVoidFunction, type Shape, unknownShape } from '../declarations/shape';
import { ScopedSpace } from '../declarations/space';
import { moduleBindingOf, staticPropertyName } from '../modules';
import { constantInitializer, findVariable, innermostScope, isBuiltinGlobal } from '../scope';
import type { Tri } from '../tri';
import { syntaxErrorKind } from './error-syntax';
import type { CallSignalParameter, ErrorKind, FunctionLike, FunctionReturnKind, PromiseKind, TypeOracle, VoidValueKind } from './type-oracle';

/** Declared types whose values are never `void`: a function annotated with one returns a value. */
const valueTypes = new Set<string>(['TSStringKeyword', 'TSNumberKeyword', 'TSBooleanKeyword', 'TSBigIntKeyword', 'TSSymbolKeyword', 'TSNullKeyword', 'TSObjectKeyword', 'TSLiteralType', 'TSArrayType', 'TSTupleType', 'TSTypeLiteral']);

/** Shared with the declaration index, whose questions call back into this oracle's syntax checks. */
const MAX_DEPTH = 16;

/**
 * Answers from syntax alone, and only what the code shows: `async` functions resolved through
 * scope, `new Promise`, `Promise.*`, `.then/.catch/.finally` on something already shown to be a
 * promise, and the catalogued promise APIs of Node core. A method named `then` on an unknown object
 * proves nothing (zod's `.catch`, fp-ts's `.then`), so such calls answer `'unknown'`.
 */
export class SyntaxOracle implements TypeOracle {
  readonly source = 'syntax' as const;
  private readonly space: ScopedSpace;
  private readonly callees = new WeakMap<TSESTree.CallExpression, Shape>();

  /**
   * @param path the file's absolute path, from which its imports resolve; without one (stdin, a
   *   string in a test) only the file's own declarations and the catalogues answer.
   */
  constructor(
    private readonly scopeManager: ScopeManager,
    path: string | null = null,
  ) {
    this.space = new ScopedSpace(scopeManager, path, (node, depth) => this.syntaxPromiseLike(node, depth) === 'yes');
    moduleIndex.beginFile(scopeManager);
  }

  isPromiseLike(node: TSESTree.Expression): Tri {
    const kind = this.promiseKind(node);
    return kind === 'promise' || kind === 'thenable' ? 'yes' : kind;
  }

  promiseKind(node: TSESTree.Expression): PromiseKind {
    const tri = this.promiseLike(node, 0);
    if (tri !== 'yes') return tri;
    // Everything the catalogue and the syntax show is a built-in promise; only a declared type can be a mere thenable.
    const shape = moduleIndex.shapes.expression(node, this.space);
    return shape.kind === 'promise' && shape.thenable ? 'thenable' : 'promise';
  }

  isAlwaysPromiseLike(node: TSESTree.Expression): Tri {
    const tri = this.promiseLike(node, 0);
    if (tri !== 'yes') return tri;
    const shape = moduleIndex.shapes.expression(node, this.space);
    return shape.kind === 'promise' && shape.nullable ? 'unknown' : 'yes';
  }

  returnsPromise(node: TSESTree.Expression): Tri {
    if ((node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') && node.async && !node.generator) return 'yes';
    const shape = moduleIndex.shapes.expression(node, this.space);
    if (shape.kind !== 'function') return 'unknown';
    const returns = shape.returns();
    if (returns.kind === 'promise') return 'yes';
    return returns.kind === 'not-promise' ? 'no' : 'unknown';
  }

  expectsVoidFunction(node: TSESTree.Expression): Tri {
    return isVoidFunction(this.expectedShape(node)) || this.isCataloguedVoidCallback(node) || this.isDomEventHandler(node) ? 'yes' : 'unknown';
  }

  /** Without types one declaration is read, so a declared `void` function is the only expectation: the same as {@link expectsVoidFunction}. */
  expectsOnlyVoidFunction(node: TSESTree.Expression): Tri {
    return this.expectsVoidFunction(node);
  }

  overridesVoidMember(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): Tri {
    if (member.static || member.computed || member.key.type !== 'Identifier') return 'unknown';
    const key = member.key.name;
    const owner = member.parent.parent;
    for (const base of heritageOf(owner, this.space)) {
      const shape = base.shape();
      if (shape.kind === 'object' && isVoidFunction(shape.member(key))) return 'yes';
    }
    return 'unknown';
  }

  implementsMember(member: TSESTree.MethodDefinition | TSESTree.Property): Tri {
    if (member.type === 'Property') return declaredObjectType(member.parent) ? 'unknown' : 'no';
    const owner = member.parent.parent;
    if (cannotImplement(member) || (!owner.superClass && !owner.implements?.length)) return 'no';
    if (member.computed || member.key.type !== 'Identifier') return 'unknown';
    const key = member.key.name;
    const bases = member.static ? [] : heritageOf(owner, this.space);
    // A member the index shows in a base settles it; a missing one does not: an interface may extend
    // others, a class may inherit members its body does not declare.
    for (const base of bases) {
      const shape = base.shape();
      if (shape.kind === 'object' && shape.member(key).kind !== 'unknown') return 'yes';
    }
    return 'unknown';
  }

  /**
   * Only what the syntax shows: a literal (`null` too), a template, arithmetic, a comparison, an
   * object, array, function or class value, `new`, a promise the oracle shows, and an assignment of
   * one of these are values; `undefined` and `void x` are void. A call, a name or `await` is not known.
   */
  voidValueKind(node: TSESTree.Expression): VoidValueKind {
    switch (node.type) {
      case 'Literal':
      case 'TemplateLiteral':
      case 'UpdateExpression':
      case 'BinaryExpression':
      case 'ArrayExpression':
      case 'ObjectExpression':
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'ClassExpression':
      case 'NewExpression':
        return 'value';
      case 'UnaryExpression':
        return node.operator === 'void' ? 'void' : 'value';
      case 'Identifier':
        return node.name === 'undefined' && isBuiltinGlobal(this.scopeManager, node, 'undefined') ? 'void' : 'unknown';
      case 'AssignmentExpression':
        // `a = b` is `b`; `a += b` a number or a string; `a ||= b` either side.
        if (node.operator === '=') return this.voidValueKind(node.right);
        return node.operator === '||=' || node.operator === '&&=' || node.operator === '??=' ? 'unknown' : 'value';
      case 'SequenceExpression': {
        const last = node.expressions[node.expressions.length - 1];
        return last ? this.voidValueKind(last) : 'unknown';
      }
      case 'TSNonNullExpression':
        return this.voidValueKind(node.expression);
      default:
        return this.isPromiseLike(node) === 'yes' ? 'value' : 'unknown';
    }
  }

  /**
   * From what is declared: an async or generator function literal returns a value; a function
   * literal annotated `void`, `undefined` or `never` returns nothing, one annotated otherwise a value;
   * a name is read through the declaration index (a declared `void` function, one returning a promise).
   */
  callResultKind(node: TSESTree.Expression): VoidValueKind {
    if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') {
      if (node.async || node.generator) return 'value';
      const annotation = node.returnType?.typeAnnotation;
      if (!annotation) return 'unknown';
      if (annotation.type === 'TSVoidKeyword' || annotation.type === 'TSUndefinedKeyword' || annotation.type === 'TSNeverKeyword') return 'void';
      return annotation.type === 'TSAnyKeyword' ? 'any' : annotation.type === 'TSUnknownKeyword' || valueTypes.has(annotation.type) ? 'value' : 'unknown';
    }
    const shape = moduleIndex.shapes.expression(node, this.space);
    if (shape.kind !== 'function') return 'unknown';
    const returns = shape.returns();
    if (returns.kind === 'promise') return 'value';
    return returns.kind === 'not-promise' && returns.void === true ? 'void' : 'unknown';
  }

  isPromiseArray(node: TSESTree.Expression): Tri {
    if (node.type === 'ArrayExpression') {
      return node.elements.some((e) => e !== null && e.type !== 'SpreadElement' && this.promiseKind(e) === 'promise') ? 'yes' : 'unknown';
    }
    // `[1, 2].map(async …)`: an array shown to be one, mapped by an async callback.
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && staticPropertyName(node.callee) === 'map') {
      const callback = node.arguments[0];
      if (
        callback &&
        (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression') &&
        callback.async &&
        !callback.generator &&
        this.isArray(node.callee.object) === 'yes'
      ) {
        return 'yes';
      }
    }
    return 'unknown';
  }

  isAbortSignal(): Tri {
    return 'unknown';
  }

  isNodeStream(): Tri {
    return 'unknown';
  }

  signalParameterAt(): CallSignalParameter {
    return { kind: 'unknown' };
  }

  isArray(node: TSESTree.Expression): Tri {
    const shape = moduleIndex.shapes.expression(node, this.space);
    return shape.kind === 'not-promise' && shape.array ? 'yes' : 'unknown';
  }

  /** What the code declares the value at `node`'s place must be: a parameter's type, an annotation, a member of one. */
  private expectedShape(node: TSESTree.Node, depth = 0): Shape {
    const parent = node.parent;
    if (!parent || depth > 8) return unknownShape;
    const reader = moduleIndex.shapes;
    switch (parent.type) {
      case 'CallExpression': {
        const index = parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
        if (index < 0 || parent.callee.type === 'Super') return unknownShape;
        // One call, many arguments: its callee is read once.
        let callee = this.callees.get(parent);
        if (!callee) {
          callee = reader.expression(parent.callee, this.space);
          this.callees.set(parent, callee);
        }
        return callee.kind === 'function' && callee.parameter ? callee.parameter(index) : unknownShape;
      }
      case 'Property': {
        if (parent.value !== node || parent.parent.type !== 'ObjectExpression' || parent.kind !== 'init') return unknownShape;
        const key = !parent.computed && parent.key.type === 'Identifier' ? parent.key.name : parent.key.type === 'Literal' ? String(parent.key.value) : null;
        if (key === null) return unknownShape;
        const object = this.expectedShape(parent.parent, depth + 1);
        return object.kind === 'object' ? object.member(key) : unknownShape;
      }
      case 'VariableDeclarator': {
        const annotation = parent.init === node && parent.id.type === 'Identifier' ? parent.id.typeAnnotation?.typeAnnotation : undefined;
        return annotation ? reader.type(annotation, this.space) : unknownShape;
      }
      case 'AssignmentExpression':
        return parent.right === node && parent.operator === '=' && parent.left.type !== 'ObjectPattern' && parent.left.type !== 'ArrayPattern'
          ? reader.expression(parent.left, this.space)
          : unknownShape;
      case 'TSSatisfiesExpression':
      case 'TSAsExpression':
        return reader.type(parent.typeAnnotation, this.space);
      case 'ReturnStatement': {
        let fn: TSESTree.Node | undefined = parent.parent;
        while (fn && fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') fn = fn.parent;
        const annotation = fn?.returnType?.typeAnnotation;
        return annotation ? reader.type(annotation, this.space) : unknownShape;
      }
      case 'ArrowFunctionExpression': {
        const annotation = parent.body === node ? parent.returnType?.typeAnnotation : undefined;
        return annotation ? reader.type(annotation, this.space) : unknownShape;
      }
      default:
        return unknownShape;
    }
  }

  /** An argument of a catalogued platform API whose callback returns `void` (`process.on(event, listener)`). */
  private isCataloguedVoidCallback(node: TSESTree.Node): boolean {
    const call = node.parent;
    if (call?.type !== 'CallExpression') return false;
    const index = call.arguments.indexOf(node as TSESTree.CallExpressionArgument);
    if (index < 0) return false;
    const callee = call.callee;
    if (callee.type === 'Identifier') {
      return voidCallbackArgument(callee.name, null) === index && isBuiltinGlobal(this.scopeManager, call, callee.name);
    }
    if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') {
      const method = staticPropertyName(callee);
      return (
        method !== null &&
        voidCallbackArgument(callee.object.name, method) === index &&
        isBuiltinGlobal(this.scopeManager, call, callee.object.name)
      );
    }
    return false;
  }

  /** `onClick={…}` on an intrinsic element: every JSX runtime's DOM handler types return `void`. */
  private isDomEventHandler(node: TSESTree.Node): boolean {
    const container = node.parent;
    const attribute = container?.parent;
    if (container?.type !== 'JSXExpressionContainer' || attribute?.type !== 'JSXAttribute') return false;
    const element = attribute.parent;
    return (
      attribute.name.type === 'JSXIdentifier' &&
      /^on[A-Z]/.test(attribute.name.name) &&
      element?.type === 'JSXOpeningElement' &&
      element.name.type === 'JSXIdentifier' &&
      /^[a-z]/.test(element.name.name)
    );
  }

  signatureReturnKind(node: FunctionLike, promiseNames: readonly string[]): FunctionReturnKind {
    if (node.async) return node.generator ? 'other' : 'promise';
    if (node.generator) return 'other';
    const annotation = node.returnType?.typeAnnotation;
    if (annotation) {
      // The extra names count as written; `Promise` itself is read through the declarations (a local `type Promise` is not it).
      const name = annotation.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' ? annotation.typeName.name : null;
      if (name !== null && name !== 'Promise' && promiseNames.includes(name)) return 'promise';
      const shape = moduleIndex.shapes.type(annotation, this.space);
      if (shape.kind === 'promise') return shape.thenable || shape.nullable ? 'other' : 'promise';
      return shape.kind === 'not-promise' ? 'other' : 'unknown';
    }
    if (node.body.type === 'BlockStatement') return 'unknown';
    const kind = this.promiseKind(node.body);
    return kind === 'promise' ? 'promise' : kind === 'unknown' ? 'unknown' : 'other';
  }

  errorKind(node: TSESTree.Expression): ErrorKind {
    return syntaxErrorKind(node, this.scopeManager);
  }

  /** The declaration index's answer, for the shapes the catalogue and the plain syntax leave open. */
  private declared(node: TSESTree.Expression, depth: number): Tri {
    const shape = moduleIndex.shapes.expression(node, this.space, depth);
    if (shape.kind === 'promise') return 'yes';
    if (shape.kind === 'not-promise' || shape.kind === 'function') return 'no';
    return 'unknown';
  }

  private promiseLike(node: TSESTree.Expression, depth: number): Tri {
    const syntax = this.syntaxPromiseLike(node, depth);
    if (syntax !== 'unknown') return syntax;
    switch (node.type) {
      case 'Identifier':
      case 'CallExpression':
      case 'NewExpression':
      case 'MemberExpression':
      case 'TSAsExpression':
      case 'TSTypeAssertion':
        return this.declared(node, depth);
      default:
        return 'unknown';
    }
  }

  private syntaxPromiseLike(node: TSESTree.Expression, depth: number): Tri {
    if (depth > MAX_DEPTH) return 'unknown';
    switch (node.type) {
      case 'AwaitExpression':
        // Awaiting unwraps every thenable, so the result never is one.
        return 'no';
      case 'Literal':
      case 'TemplateLiteral':
      case 'UpdateExpression':
      case 'UnaryExpression':
      case 'BinaryExpression':
      case 'ArrayExpression':
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'ClassExpression':
        return 'no';
      case 'ObjectExpression':
        // An object literal is thenable only with a `then` member; a spread could bring one in.
        return node.properties.some(
          (p) => p.type === 'SpreadElement' || p.computed || (p.key.type === 'Identifier' ? p.key.name === 'then' : p.key.type === 'Literal' && p.key.value === 'then'),
        )
          ? 'unknown'
          : 'no';
      case 'ChainExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
        return this.promiseLike(node.expression, depth + 1);
      case 'TSAsExpression':
      case 'TSTypeAssertion': {
        // `x as Promise<T>` is what the code says it is; `as const` and `as any` say nothing.
        const declared = this.declared(node, depth);
        return declared !== 'unknown' ? declared : this.promiseLike(node.expression, depth + 1);
      }
      case 'SequenceExpression': {
        const last = node.expressions[node.expressions.length - 1];
        return last ? this.promiseLike(last, depth + 1) : 'unknown';
      }
      case 'AssignmentExpression':
        return node.operator === '=' ? this.promiseLike(node.right, depth + 1) : 'unknown';
      case 'ConditionalExpression':
        return this.both(this.promiseLike(node.consequent, depth + 1), this.promiseLike(node.alternate, depth + 1));
      case 'NewExpression':
        return node.callee.type === 'Identifier' &&
          node.callee.name === 'Promise' &&
          isBuiltinGlobal(this.scopeManager, node, 'Promise')
          ? 'yes'
          : 'unknown';
      case 'CallExpression':
        return this.callReturnsPromise(node, depth);
      case 'ImportExpression':
        // `import()` always gives a built-in promise of the module's namespace.
        return 'yes';
      case 'Identifier': {
        const variable = findVariable(innermostScope(this.scopeManager, node), node.name);
        if (!variable) return 'unknown';
        const init = constantInitializer(variable);
        if (init) return this.promiseLike(init, depth + 1);
        const def = variable.defs[0];
        if (def && variable.defs.length === 1 && (def.type === 'FunctionName' || def.type === 'ClassName')) {
          return 'no';
        }
        return 'unknown';
      }
      default:
        return 'unknown';
    }
  }

  /** Shown to be a built-in promise, not merely a declared thenable. */
  private isBuiltinPromise(node: TSESTree.Expression, depth: number): boolean {
    if (this.promiseLike(node, depth) !== 'yes') return false;
    const shape = moduleIndex.shapes.expression(node, this.space, depth);
    return !(shape.kind === 'promise' && shape.thenable);
  }

  private both(a: Tri, b: Tri): Tri {
    if (a === b) return a;
    return 'unknown';
  }

  private callReturnsPromise(node: TSESTree.CallExpression, depth: number): Tri {
    const callee = node.callee;
    if (callee.type === 'Identifier') {
      if ((promiseGlobals as readonly string[]).includes(callee.name) && isBuiltinGlobal(this.scopeManager, node, callee.name)) {
        return 'yes';
      }
      if ((valueGlobalFunctions as readonly string[]).includes(callee.name) && isBuiltinGlobal(this.scopeManager, node, callee.name)) {
        return 'no';
      }
      const variable = findVariable(innermostScope(this.scopeManager, node), callee.name);
      if (!variable) return 'unknown';
      const binding = moduleBindingOf(variable);
      if (binding && isPromiseModuleMember(binding.source, binding.member)) return 'yes';
      return 'unknown';
    }
    if (callee.type !== 'MemberExpression') return 'unknown';
    const name = staticPropertyName(callee);
    if (name === null) return 'unknown';
    const object = callee.object;
    if (object.type === 'Identifier') {
      if (object.name === 'Promise' && isBuiltinGlobal(this.scopeManager, node, 'Promise')) {
        return (promiseStatics as readonly string[]).includes(name) ? 'yes' : 'unknown';
      }
      // `console.log()`, `JSON.parse()`, `Math.max()`: the built-ins return plain values.
      if (isValueGlobalMethod(object.name, name) && isBuiltinGlobal(this.scopeManager, node, object.name)) return 'no';
      const variable = findVariable(innermostScope(this.scopeManager, node), object.name);
      const binding = variable ? moduleBindingOf(variable) : null;
      if (binding) {
        // `fsp.readFile()` on a namespace of a promise module, or `promises.readFile()` on `fs.promises`.
        if (binding.member === null && isPromiseModuleMember(binding.source, name)) return 'yes';
        if (binding.member !== null) {
          const alias = promiseModuleAlias(binding.source, binding.member);
          if (alias && isPromiseModuleMember(alias, name)) return 'yes';
        }
      }
    }
    if (object.type === 'MemberExpression' && object.object.type === 'Identifier') {
      // `fs.promises.readFile()`
      const inner = staticPropertyName(object);
      const variable = findVariable(innermostScope(this.scopeManager, node), object.object.name);
      const binding = variable ? moduleBindingOf(variable) : null;
      if (inner && binding && binding.member === null) {
        const alias = promiseModuleAlias(binding.source, inner);
        if (alias && isPromiseModuleMember(alias, name)) return 'yes';
      }
    }
    if ((name === 'then' || name === 'catch' || name === 'finally') && object.type !== 'Super') {
      // A built-in promise's own methods return promises. A declared thenable's `then` (a Cypress
      // chainable's) may return anything, so it is left to the declarations; on anything not shown
      // to be a promise, the name proves nothing.
      return this.isBuiltinPromise(object, depth + 1) ? 'yes' : 'unknown';
    }
    return 'unknown';
  }
}

/**
 * The type an object literal is written against: `{ … } satisfies T`, `{ … } as T`, `<T>{ … }`, or
 * the annotation of the variable, property or parameter default it initialises; null when none.
 */
function declaredObjectType(literal: TSESTree.Node): TSESTree.TypeNode | null {
  const parent = literal.parent;
  if (!parent) return null;
  if ((parent.type === 'TSSatisfiesExpression' || parent.type === 'TSAsExpression' || parent.type === 'TSTypeAssertion') && parent.expression === literal) return parent.typeAnnotation;
  if (parent.type === 'VariableDeclarator' && parent.init === literal) return parent.id.typeAnnotation?.typeAnnotation ?? null;
  if ((parent.type === 'PropertyDefinition' || parent.type === 'AccessorProperty') && parent.value === literal) return parent.typeAnnotation?.typeAnnotation ?? null;
  if (parent.type === 'AssignmentPattern' && parent.right === literal && parent.left.type === 'Identifier') return parent.left.typeAnnotation?.typeAnnotation ?? null;
  return null;
}

/** A method that can override or implement nothing: an ECMAScript `#private` one, or a TypeScript `private` one. */
export function cannotImplement(member: TSESTree.MethodDefinition): boolean {
  return member.key.type === 'PrivateIdentifier' || member.accessibility === 'private';
}
