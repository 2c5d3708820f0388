import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/types';
import type * as TsApiUtils from 'ts-api-utils';
import type * as ts from 'typescript';
import type { SignalPlacement } from '../catalogues/abortable-apis';
import type { Tri } from '../tri';
import { cannotImplement } from './syntax-oracle';
import type { CallSignalParameter, ErrorKind, FunctionLike, FunctionReturnKind, PromiseKind, TypeOracle, VoidValueKind } from './type-oracle';

/**
 * The part of typescript-eslint's parser services the oracle needs. ESLint rules get it from
 * `context.sourceCode.parserServices`; codemods get it from typescript-estree's
 * `parseAndGenerateServices` with a project.
 */
export interface TypedParserServices {
  readonly program: ts.Program;
  readonly esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node | undefined };
}

/**
 * TypeScript and ts-api-utils, loaded only when a typed oracle is made: a host with a type checker
 * has loaded TypeScript already, and one without never needs it.
 */
let loaded: { ts: typeof ts; tsutils: typeof TsApiUtils; vague: number } | undefined;
function typescriptRuntime(): { ts: typeof ts; tsutils: typeof TsApiUtils; vague: number } {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const typescript = require('typescript') as typeof ts;
  const flags = typescript.TypeFlags;
  loaded = {
    ts: typescript,
    tsutils: require('ts-api-utils') as typeof TsApiUtils,
    vague: flags.Any | flags.Unknown | flags.TypeParameter | flags.Never,
  };
  return loaded;
}

/** TypeScript itself, loaded on first use (with what the typed oracle needs beside it). */
export function typescriptApi(): typeof ts {
  return typescriptRuntime().ts;
}

/**
 * Answers from the type checker. Where the checker knows nothing (`any`, `unknown`, an unconstrained
 * type parameter) it defers to `fallback`, normally the syntax oracle, so types only ever add precision.
 */
export class ParserServicesOracle implements TypeOracle {
  readonly source = 'types' as const;
  private readonly checker: ts.TypeChecker;
  private readonly runtime = typescriptRuntime();

  constructor(
    private readonly services: TypedParserServices,
    private readonly fallback: TypeOracle,
  ) {
    this.checker = services.program.getTypeChecker();
  }

  isPromiseLike(node: TSESTree.Expression): Tri {
    const kind = this.promiseKind(node);
    return kind === 'promise' || kind === 'thenable' ? 'yes' : kind;
  }

  promiseKind(node: TSESTree.Expression): PromiseKind {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    if (!tsNode) return this.fallback.promiseKind(node);
    const type = this.checker.getTypeAtLocation(tsNode);
    const { tsutils } = this.runtime;
    // As typescript-eslint's no-floating-promises: a union with a built-in Promise part is a promise.
    if (tsutils.unionConstituents(this.checker.getApparentType(type)).some((part) => this.isBuiltinPromise(part, 0))) {
      return 'promise';
    }
    if (tsutils.isThenableType(this.checker, tsNode, type)) return 'thenable';
    return this.isVague(type) ? this.fallback.promiseKind(node) : 'no';
  }

  isAlwaysPromiseLike(node: TSESTree.Expression): Tri {
    const typed = this.typeOf(node);
    if (!typed) return this.fallback.isAlwaysPromiseLike(node);
    const { tsutils } = this.runtime;
    const parts = tsutils.unionConstituents(this.checker.getApparentType(typed.type));
    if (parts.every((part) => tsutils.isThenableType(this.checker, typed.tsNode, part))) return 'yes';
    return this.isVague(typed.type) ? this.fallback.isAlwaysPromiseLike(node) : 'no';
  }

  returnsPromise(node: TSESTree.Expression): Tri {
    const typed = this.typeOf(node);
    if (!typed) return this.fallback.returnsPromise(node);
    const { tsutils } = this.runtime;
    const signatures = tsutils.unionConstituents(typed.type).flatMap((part) => part.getCallSignatures());
    if (signatures.some((signature) => tsutils.isThenableType(this.checker, typed.tsNode, signature.getReturnType()))) return 'yes';
    return this.isVague(typed.type) ? this.fallback.returnsPromise(node) : 'no';
  }

  /**
   * As typescript-eslint's no-misused-promises: for a call argument, some overload of the callee takes
   * a `void` function there and none takes a thenable-returning one; elsewhere, the contextual type's
   * signatures return `void` and none returns a thenable.
   */
  expectsVoidFunction(node: TSESTree.Expression): Tri {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    if (!tsNode) return this.fallback.expectsVoidFunction(node);
    const parent = node.parent;
    if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee !== node) {
      const index = parent.arguments.indexOf(node);
      const call = this.services.esTreeNodeToTSNodeMap.get(parent) as ts.CallExpression | ts.NewExpression | undefined;
      if (index >= 0 && call) return this.voidArgument(call, index, parent.type === 'NewExpression') ? 'yes' : 'no';
    }
    const contextual = this.checker.getContextualType(tsNode as ts.Expression);
    if (!contextual) return 'no';
    return this.returnsOnly(contextual, tsNode) === 'void' ? 'yes' : 'no';
  }

  /**
   * As typescript-eslint's `strict-void-return`: for a call argument, the contextual type where the
   * callee has one signature (or every overload takes a `void`, nullish, `any` or generic callback
   * there), else some overload's `void` beside only nullish or `any` ones (`addEventListener`); for
   * an object's method, the member of the object's contextual type; elsewhere the contextual type.
   */
  expectsOnlyVoidFunction(node: TSESTree.Expression): Tri {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    if (!tsNode) return this.fallback.expectsOnlyVoidFunction(node);
    const parent = node.parent;
    if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee !== node) {
      const index = parent.arguments.indexOf(node);
      const call = this.services.esTreeNodeToTSNodeMap.get(parent) as ts.CallExpression | ts.NewExpression | undefined;
      if (index >= 0 && call) return this.onlyVoidArgument(call, index, parent.type === 'NewExpression', tsNode) ? 'yes' : 'no';
    }
    if (parent?.type === 'Property' && parent.method && parent.value === node && parent.parent.type === 'ObjectExpression') {
      if (parent.computed) return 'no';
      const name = parent.key.type === 'Identifier' ? parent.key.name : parent.key.type === 'Literal' ? String(parent.key.value) : null;
      const object = this.services.esTreeNodeToTSNodeMap.get(parent.parent) as ts.Expression | undefined;
      const expected = object ? this.checker.getContextualType(object) : undefined;
      const member = expected && name !== null ? this.checker.getPropertyOfType(expected, name) : undefined;
      return member && object && this.returnsOnlyVoid(this.checker.getTypeOfSymbolAtLocation(member, object)) ? 'yes' : 'no';
    }
    const contextual = this.checker.getContextualType(tsNode as ts.Expression);
    return contextual && this.returnsOnlyVoid(contextual) ? 'yes' : 'no';
  }

  overridesVoidMember(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): Tri {
    if (member.static || member.computed || member.key.type !== 'Identifier') return 'no';
    const owner = this.services.esTreeNodeToTSNodeMap.get(member.parent.parent) as ts.ClassLikeDeclaration | undefined;
    if (!owner) return this.fallback.overridesVoidMember(member);
    for (const clause of owner.heritageClauses ?? []) {
      for (const base of clause.types) {
        const property = this.checker.getPropertyOfType(this.checker.getTypeAtLocation(base), member.key.name);
        if (property && this.returnsOnlyVoid(this.checker.getTypeOfSymbolAtLocation(property, owner))) return 'yes';
      }
    }
    return 'no';
  }

  implementsMember(member: TSESTree.MethodDefinition | TSESTree.Property): Tri {
    if (member.type === 'Property') return this.literalImplements(member);
    if (cannotImplement(member)) return 'no';
    const owner = this.services.esTreeNodeToTSNodeMap.get(member.parent.parent) as ts.ClassLikeDeclaration | undefined;
    if (!owner) return this.fallback.implementsMember(member);
    if (!owner.heritageClauses?.length) return 'no';
    const method = this.services.esTreeNodeToTSNodeMap.get(member) as ts.MethodDeclaration | undefined;
    const symbol = method && this.checker.getSymbolAtLocation(method.name);
    if (!symbol) return 'unknown';
    const name = symbol.escapedName as string;
    const { ts } = this.runtime;
    for (const clause of owner.heritageClauses) {
      // A static method overrides the base constructor's statics; it implements no interface member.
      if (member.static && clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
      for (const base of clause.types) {
        const baseType = member.static ? this.checker.getTypeAtLocation(base.expression) : this.checker.getTypeAtLocation(base);
        // A base the checker cannot resolve (an unresolved import) is `any`: it may declare anything.
        if ((baseType.flags & ts.TypeFlags.Any) !== 0) return 'unknown';
        if (this.checker.getPropertyOfType(baseType, name)) return 'yes';
      }
    }
    return 'no';
  }

  /** Whether the type an object literal is checked against (its contextual type) declares the property. */
  private literalImplements(member: TSESTree.Property): Tri {
    const literal = this.services.esTreeNodeToTSNodeMap.get(member.parent);
    if (!literal || member.computed) return this.fallback.implementsMember(member);
    const name = member.key.type === 'Identifier' ? member.key.name : member.key.type === 'Literal' ? String(member.key.value) : null;
    if (name === null) return 'unknown';
    const contextual = this.checker.getContextualType(literal as ts.Expression);
    if (!contextual) return 'no';
    if (this.isVague(contextual)) return 'unknown';
    return this.runtime.tsutils.unionConstituents(this.checker.getApparentType(contextual)).some((part) => this.checker.getPropertyOfType(part, name) !== undefined) ? 'yes' : 'no';
  }

  voidValueKind(node: TSESTree.Expression): VoidValueKind {
    const typed = this.typeOf(node);
    if (!typed) return this.fallback.voidValueKind(node);
    return this.voidKindOf(this.runtime.tsutils.unionConstituents(typed.type));
  }

  callResultKind(node: TSESTree.Expression): VoidValueKind {
    const typed = this.typeOf(node);
    if (!typed) return this.fallback.callResultKind(node);
    const { tsutils } = this.runtime;
    const signatures = tsutils.getCallSignaturesOfType(this.checker.getApparentType(typed.type));
    if (signatures.length === 0) return 'unknown';
    return this.voidKindOf(signatures.flatMap((signature) => tsutils.unionConstituents(signature.getReturnType())));
  }

  /** Types as a `void` return sees them: all `void`, `undefined` or `never`; those and `any`; or a value among them. */
  private voidKindOf(parts: readonly ts.Type[]): VoidValueKind {
    const flags = this.runtime.ts.TypeFlags;
    const empty = flags.Void | flags.Undefined | flags.Never;
    if (parts.every((part) => (part.flags & empty) !== 0)) return 'void';
    return parts.every((part) => (part.flags & (empty | flags.Any)) !== 0) ? 'any' : 'value';
  }

  /** Whether every signature of a function type returns `void` (and there is one). */
  private returnsOnlyVoid(type: ts.Type): boolean {
    const { ts: typescript, tsutils } = this.runtime;
    const returns = tsutils.getCallSignaturesOfType(type).flatMap((signature) => tsutils.unionConstituents(signature.getReturnType()));
    return returns.length > 0 && returns.every((part) => (part.flags & typescript.TypeFlags.Void) !== 0);
  }

  /** typescript-eslint's `strict-void-return` reading of one argument over every signature of the callee. */
  private onlyVoidArgument(call: ts.CallExpression | ts.NewExpression, index: number, isNew: boolean, argument: ts.Node): boolean {
    const { ts: typescript, tsutils } = this.runtime;
    const flags = typescript.TypeFlags;
    const calleeType = this.checker.getTypeAtLocation(call.expression);
    const signatures = tsutils.unionConstituents(calleeType).flatMap((part) => (isNew ? part.getConstructSignatures() : part.getCallSignatures()));
    const expected = signatures
      .map((signature) => signature.parameters[index])
      .filter((parameter): parameter is ts.Symbol => parameter !== undefined)
      .flatMap((parameter) => tsutils.unionConstituents(this.checker.getTypeOfSymbolAtLocation(parameter, call.expression)))
      .flatMap((parameterType) => parameterType.getCallSignatures())
      .map((signature) => signature.getReturnType());
    const isVoid = (type: ts.Type) => (type.flags & flags.Void) !== 0;
    const isNullishOrAny = (type: ts.Type) => (type.flags & (flags.VoidLike | flags.Undefined | flags.Null | flags.Any | flags.Never)) !== 0;
    const everyVoid = expected.every((type) => isVoid(type) || isNullishOrAny(type) || tsutils.isTypeParameter(type));
    if (signatures.length === 1 || everyVoid) {
      const contextual = this.checker.getContextualType(argument as ts.Expression);
      if (contextual && this.returnsOnlyVoid(contextual)) return true;
    }
    return expected.some(isVoid) && expected.every(isNullishOrAny);
  }

  /** What a function type's signatures return: a thenable (any of them), `void`, or neither. */
  private returnsOnly(type: ts.Type, at: ts.Node): 'thenable' | 'void' | 'other' {
    const { ts: typescript, tsutils } = this.runtime;
    let voidReturn = false;
    for (const part of tsutils.unionConstituents(type)) {
      for (const signature of part.getCallSignatures()) {
        const returnType = signature.getReturnType();
        if (tsutils.isThenableType(this.checker, at, returnType)) return 'thenable';
        voidReturn ||= (returnType.flags & typescript.TypeFlags.Void) !== 0;
      }
    }
    return voidReturn ? 'void' : 'other';
  }

  /** typescript-eslint's `voidFunctionArguments` for one argument: every overload of the callee, rest parameters included. */
  private voidArgument(call: ts.CallExpression | ts.NewExpression, index: number, isNew: boolean): boolean {
    const { ts: typescript, tsutils } = this.runtime;
    const calleeType = this.checker.getTypeAtLocation(call.expression);
    let voidSeen = false;
    for (const part of tsutils.unionConstituents(calleeType)) {
      const signatures = isNew ? part.getConstructSignatures() : part.getCallSignatures();
      for (const signature of signatures) {
        const parameters = signature.getParameters();
        let parameterType: ts.Type | undefined;
        for (let i = 0; i < parameters.length; i++) {
          const parameter = parameters[i] as ts.Symbol;
          const declaration = parameter.valueDeclaration;
          const type = this.checker.getTypeOfSymbolAtLocation(parameter, call.expression);
          if (declaration && typescript.isParameter(declaration) && declaration.dotDotDotToken) {
            if (index >= i) {
              if (this.checker.isArrayType(type)) parameterType = this.checker.getTypeArguments(type as ts.TypeReference)[0];
              else if (this.checker.isTupleType(type)) parameterType = this.checker.getTypeArguments(type as ts.TypeReference)[index - i];
            }
            break;
          }
          if (i === index) {
            parameterType = type;
            break;
          }
        }
        if (!parameterType) continue;
        const returns = this.returnsOnly(parameterType, call.expression);
        if (returns === 'thenable') return false;
        voidSeen ||= returns === 'void';
      }
    }
    return voidSeen;
  }

  isPromiseArray(node: TSESTree.Expression): Tri {
    const typed = this.typeOf(node);
    if (!typed) return this.fallback.isPromiseArray(node);
    const { tsutils } = this.runtime;
    const parts = tsutils.unionConstituents(this.checker.getApparentType(typed.type));
    const arrays = parts.filter((part) => this.checker.isArrayType(part) || this.checker.isTupleType(part));
    if (arrays.length === 0) return this.isVague(typed.type) ? this.fallback.isPromiseArray(node) : 'no';
    // As typescript-eslint: an array or tuple with an element that is a built-in promise.
    const elements = arrays.flatMap((array) => this.checker.getTypeArguments(array as ts.TypeReference));
    return elements.some((element) => tsutils.unionConstituents(element).some((part) => this.isBuiltinPromise(part, 0))) ? 'yes' : 'no';
  }

  isArray(node: TSESTree.Expression): Tri {
    const typed = this.typeOf(node);
    if (!typed) return this.fallback.isArray(node);
    const parts = this.runtime.tsutils.unionConstituents(this.checker.getApparentType(typed.type));
    if (parts.every((part) => this.checker.isArrayType(part) || this.checker.isTupleType(part))) return 'yes';
    return this.isVague(typed.type) ? this.fallback.isArray(node) : 'no';
  }

  isAbortSignal(node: TSESTree.Expression): Tri {
    const mapped = this.services.esTreeNodeToTSNodeMap.get(node);
    if (!mapped) return this.fallback.isAbortSignal(node);
    // A declared name (a parameter, a destructured binding) maps to its declaration, whose own type is not asked at the name.
    const { ts: typescript } = this.runtime;
    const at = typescript.isParameter(mapped) || typescript.isBindingElement(mapped) || typescript.isVariableDeclaration(mapped) ? mapped.name : mapped;
    const typed = { tsNode: at, type: this.checker.getTypeAtLocation(at) };
    if (this.isVague(typed.type)) return this.fallback.isAbortSignal(node);
    const flags = this.runtime.ts.TypeFlags;
    const parts = this.runtime.tsutils.unionConstituents(typed.type).filter((part) => !(part.flags & (flags.Undefined | flags.Null | flags.Void)));
    if (parts.length === 0) return 'no';
    return parts.every((part) => this.isDeclaredAbortSignal(part)) ? 'yes' : 'no';
  }

  isNodeStream(node: TSESTree.Expression): Tri {
    const mapped = this.services.esTreeNodeToTSNodeMap.get(node);
    if (!mapped) return this.fallback.isNodeStream(node);
    const type = this.checker.getTypeAtLocation(mapped);
    if (this.isVague(type)) return this.fallback.isNodeStream(node);
    const flags = this.runtime.ts.TypeFlags;
    const parts = this.runtime.tsutils.unionConstituents(type).filter((part) => !(part.flags & (flags.Undefined | flags.Null | flags.Void)));
    if (parts.length === 0) return 'no';
    return parts.every((part) => this.hasNodeStreamMember(part)) ? 'yes' : 'no';
  }

  signalParameterAt(call: TSESTree.CallExpression): CallSignalParameter {
    const unknown = { kind: 'unknown' } as const;
    const tsCall = this.services.esTreeNodeToTSNodeMap.get(call);
    const { ts: typescript, tsutils } = this.runtime;
    if (!tsCall || !typescript.isCallExpression(tsCall)) return this.fallback.signalParameterAt(call);
    const calleeType = this.checker.getTypeAtLocation(tsCall.expression);
    if (this.isVague(calleeType)) return unknown;
    const flags = typescript.TypeFlags;
    // `client?.get` is typed `get | undefined`: the function is the part that is not nullish.
    const parts = tsutils.unionConstituents(calleeType).filter((part) => !(part.flags & (flags.Undefined | flags.Null | flags.Void)));
    const signatures = parts.flatMap((part) => part.getCallSignatures());
    // A part that cannot be called (an object of a union without a signature) leaves the call unsure.
    if (signatures.length === 0 || parts.some((part) => part.getCallSignatures().length === 0)) return unknown;
    let placement: SignalPlacement | null | undefined;
    for (const signature of signatures) {
      const found = this.signalPlacementOf(signature, tsCall);
      if (found === 'unknown') return unknown;
      if (placement !== undefined && !samePlacement(placement, found)) return unknown;
      placement = found;
    }
    if (!placement) return { kind: 'none' };
    const [only] = signatures;
    const returnsPromise = signatures.every((signature) => tsutils.isThenableType(this.checker, tsCall, signature.getReturnType()));
    const settlesBeforeRead = signatures.some((signature) => this.isReadLater(this.checker.getAwaitedType(signature.getReturnType())));
    return {
      kind: 'takes',
      signal: placement,
      implementation: signatures.length === 1 && only !== undefined && this.isCalledImplementation(only, tsCall),
      returnsPromise,
      settlesBeforeRead,
      signalDefaulted: placement.kind === 'argument' && signatures.some((signature) => this.hasDefault(signature, placement.argument)),
    };
  }

  /** Whether a signature's parameter has a default value (`signal = defaultSignal`). */
  private hasDefault(signature: ts.Signature, index: number): boolean {
    const declaration = signature.getParameters()[index]?.valueDeclaration;
    return declaration !== undefined && this.runtime.ts.isParameter(declaration) && declaration.initializer !== undefined;
  }

  /**
   * Whether a promise's value is read after it settles: the lib's or undici's `Response` (a body
   * member), a Node stream, an async iterable, or a type the checker knows nothing of.
   */
  private isReadLater(type: ts.Type | undefined): boolean {
    if (!type || this.isVague(type)) return true;
    const flags = this.runtime.ts.TypeFlags;
    return this.runtime.tsutils.unionConstituents(type).some((part) => {
      if (part.flags & (flags.Undefined | flags.Null | flags.Void)) return false;
      const apparent = this.checker.getApparentType(part);
      if (this.checker.getPropertyOfType(apparent, 'body') && this.checker.getPropertyOfType(apparent, 'bodyUsed')) return true;
      if (this.hasNodeStreamMember(part)) return true;
      return this.checker.getPropertiesOfType(apparent).some((p) => p.getName().startsWith('__@asyncIterator'));
    });
  }

  /**
   * Where one signature takes a signal: the first parameter typed `AbortSignal`, or whose type has
   * an optional `signal` member typed so (and which the body, if any, may read). A rest parameter
   * ends the search (a wrapper forwarding `...args` declares nothing); `unknown` when a parameter is
   * such options in some parts of its union and not in others.
   */
  private signalPlacementOf(signature: ts.Signature, at: ts.CallExpression): SignalPlacement | null | 'unknown' {
    const { ts: typescript, tsutils } = this.runtime;
    const flags = typescript.TypeFlags;
    const parameters = signature.getParameters();
    // Past a handful of parameters none is looked for: a signal is near the front or last (as the declaration index reads them).
    for (let index = 0; index < Math.min(parameters.length, 8); index++) {
      const parameter = parameters[index] as ts.Symbol;
      const declaration = parameter.valueDeclaration;
      if (declaration && typescript.isParameter(declaration) && declaration.dotDotDotToken) return null;
      const type = this.checker.getTypeOfSymbolAtLocation(parameter, at);
      if (this.isVague(type)) continue;
      const parts = tsutils.unionConstituents(type).filter((part) => !(part.flags & (flags.Undefined | flags.Null | flags.Void)));
      if (parts.length === 0) continue;
      if (parts.every((part) => this.isDeclaredAbortSignal(part))) return { kind: 'argument', argument: index };
      const options = parts.filter((part) => this.hasSignalOption(part, at));
      if (options.length === 0) continue;
      if (options.length < parts.length) return 'unknown';
      if (declaration && typescript.isParameter(declaration) && !this.mayReadSignalOption(declaration)) continue;
      return { kind: 'option', argument: index, property: 'signal' };
    }
    return null;
  }

  /** An options type: an optional `signal` member typed `AbortSignal` (a `Request` or an `AbortController`, whose `signal` is required, is not one). */
  private hasSignalOption(type: ts.Type, at: ts.Node): boolean {
    const { ts: typescript, tsutils } = this.runtime;
    const member = this.checker.getPropertyOfType(type, 'signal');
    if (!member || !(member.flags & typescript.SymbolFlags.Optional)) return false;
    const flags = typescript.TypeFlags;
    const parts = tsutils.unionConstituents(this.checker.getTypeOfSymbolAtLocation(member, at)).filter((part) => !(part.flags & (flags.Undefined | flags.Null | flags.Void)));
    return parts.length > 0 && parts.every((part) => this.isDeclaredAbortSignal(part));
  }

  /**
   * Whether a function may read the `signal` of its options parameter: one without a body may; a
   * destructuring must name `signal` (or keep a rest); a plain parameter must be used otherwise
   * than through its other members (`options.signal`, passed on whole, spread) — as the
   * declaration index judges another module's function (see `signal-takers.ts`).
   */
  private mayReadSignalOption(parameter: ts.ParameterDeclaration): boolean {
    const { ts: typescript } = this.runtime;
    const fn = parameter.parent;
    const body = typescript.isFunctionLike(fn) ? (fn as ts.FunctionLikeDeclaration).body : undefined;
    if (!body) return true;
    const name = parameter.name;
    if (typescript.isObjectBindingPattern(name)) {
      return name.elements.some((element) => element.dotDotDotToken !== undefined || (element.propertyName ?? element.name).getText() === 'signal');
    }
    if (!typescript.isIdentifier(name)) return true;
    const symbol = this.checker.getSymbolAtLocation(name);
    if (!symbol) return true;
    let reads = false;
    const visit = (node: ts.Node): void => {
      if (reads) return;
      if (typescript.isIdentifier(node) && node.text === name.text && node !== name && this.checker.getSymbolAtLocation(node) === symbol) {
        const parent = node.parent;
        const otherMember = (typescript.isPropertyAccessExpression(parent) && parent.expression === node && parent.name.text !== 'signal') ||
          (typescript.isElementAccessExpression(parent) && parent.expression === node && typescript.isStringLiteral(parent.argumentExpression) && parent.argumentExpression.text !== 'signal');
        reads = !otherMember;
        return;
      }
      typescript.forEachChild(node, visit);
    };
    visit(body);
    return reads;
  }

  /**
   * Whether the signature is the function the call runs: declared with a body outside declaration
   * files, and the callee's own symbol is that declaration (a function, a method, a `const` bound to
   * a function) — not a value typed after it (`const load = memoize(fetchUser)`), whose wrapper runs instead.
   */
  private isCalledImplementation(signature: ts.Signature, call: ts.CallExpression): boolean {
    const { ts: typescript } = this.runtime;
    const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
    if (!declaration || !typescript.isFunctionLike(declaration) || !(declaration as ts.FunctionLikeDeclaration).body) return false;
    if (declaration.getSourceFile().isDeclarationFile) return false;
    const callee = call.expression;
    const named = typescript.isPropertyAccessExpression(callee) ? callee.name : typescript.isIdentifier(callee) ? callee : undefined;
    let symbol = named ? this.checker.getSymbolAtLocation(named) : undefined;
    if (symbol && symbol.flags & typescript.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return (symbol?.getDeclarations() ?? []).some(
      (d) => d === declaration || (typescript.isVariableDeclaration(d) && d.initializer === declaration) || (typescript.isPropertyDeclaration(d) && d.initializer === declaration),
    );
  }

  /** A `pipe` or `write` member declared in `@types/node`: what Node's readable and writable streams have, and a user's class called `Readable` has not. */
  private hasNodeStreamMember(type: ts.Type): boolean {
    for (const name of ['pipe', 'write']) {
      const member = this.checker.getPropertyOfType(this.checker.getApparentType(type), name);
      if ((member?.getDeclarations() ?? []).some((d) => /[\\/]@types[\\/]node[\\/]/.test(d.getSourceFile().fileName))) return true;
    }
    return false;
  }

  /** The `AbortSignal` of a declaration file (the lib's, `@types/node`'s), never a class of the project's own called so. */
  private isDeclaredAbortSignal(type: ts.Type): boolean {
    const symbol = type.getSymbol();
    if (symbol?.getName() !== 'AbortSignal') return false;
    return (symbol.getDeclarations() ?? []).some((d) => d.getSourceFile().isDeclarationFile);
  }

  private typeOf(node: TSESTree.Expression): { tsNode: ts.Node; type: ts.Type } | null {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    return tsNode ? { tsNode, type: this.checker.getTypeAtLocation(tsNode) } : null;
  }

  /** `any`, `unknown`, an unconstrained type parameter: the checker knows nothing, so the syntax may. */
  private isVague(type: ts.Type): boolean {
    const constraint = this.checker.getBaseConstraintOfType(type) ?? type;
    return (constraint.isUnion() ? constraint.types : [constraint]).some((t) => (t.flags & this.runtime.vague) !== 0);
  }

  /** typescript-eslint's `promise-function-async` judgement of the function's call signatures. */
  signatureReturnKind(node: FunctionLike, promiseNames: readonly string[]): FunctionReturnKind {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    if (!tsNode) return this.fallback.signatureReturnKind(node, promiseNames);
    const signatures = this.checker.getTypeAtLocation(tsNode).getCallSignatures();
    if (signatures.length === 0) return 'other';
    const returns = signatures.map((signature) => this.checker.getReturnTypeOfSignature(signature));
    const flags = this.runtime.ts.TypeFlags;
    if (returns.some((type) => (type.flags & (flags.Any | flags.Unknown)) !== 0)) return 'vague';
    const names = new Set(['Promise', ...promiseNames]);
    // Without a declared return type, a union with a promise in it counts (typescript-eslint's `matchAnyInstead`).
    const inferred = node.returnType === undefined;
    if (!returns.every((type) => this.containsAllTypesByName(type, names, inferred))) return 'other';
    const hybrid = returns.some((type) => type.isUnion() && !type.types.every((part) => this.containsAllTypesByName(part, names, false)));
    return hybrid ? 'hybrid' : 'promise';
  }

  /** typescript-eslint's `containsAllTypesByName` with `allowAny` set: `any` and `unknown` never match. */
  private containsAllTypesByName(type: ts.Type, names: ReadonlySet<string>, matchAny: boolean): boolean {
    const { ts: typescript, tsutils } = this.runtime;
    if ((type.flags & (typescript.TypeFlags.Any | typescript.TypeFlags.Unknown)) !== 0) return false;
    const target = tsutils.isTypeReference(type) ? type.target : type;
    const symbol = target.getSymbol();
    if (symbol && names.has(symbol.name)) return true;
    const matches = (part: ts.Type) => this.containsAllTypesByName(part, names, matchAny);
    if (tsutils.isUnionOrIntersectionType(target)) return matchAny ? target.types.some(matches) : target.types.every(matches);
    const bases = target.getBaseTypes();
    return bases !== undefined && (matchAny ? bases.some(matches) : bases.length > 0 && bases.every(matches));
  }

  errorKind(node: TSESTree.Expression): ErrorKind {
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    if (!tsNode) return this.fallback.errorKind(node);
    const type = this.checker.getTypeAtLocation(tsNode);
    const flags = this.runtime.ts.TypeFlags;
    if (type.flags & flags.Any) return 'any';
    if (type.flags & flags.Unknown) return 'unknown-type';
    return this.isErrorLike(type, 0) ? 'error' : 'not-error';
  }

  /**
   * typescript-eslint's `isErrorLike` and `isReadonlyErrorLike`: the lib's `Error` or a class or
   * interface derived from it, `Readonly<…>` of one, every member of a union, some member of an
   * intersection, a type parameter's constraint.
   */
  private isErrorLike(type: ts.Type, depth: number): boolean {
    if (depth > 8) return false;
    if (type.isIntersection()) return type.types.some((part) => this.isErrorLike(part, depth + 1));
    if (type.isUnion()) return type.types.every((part) => this.isErrorLike(part, depth + 1));
    const { ts: typescript, tsutils } = this.runtime;
    if (tsutils.isTypeParameter(type)) {
      const constraint = type.getConstraint();
      return constraint ? this.isErrorLike(constraint, depth + 1) : false;
    }
    const alias = type.aliasSymbol;
    if (alias?.getName() === 'Readonly' && this.fromDefaultLibrary(alias) && type.aliasTypeArguments?.[0]) {
      return this.isErrorLike(type.aliasTypeArguments[0], depth + 1);
    }
    const symbol = type.getSymbol();
    if (!symbol) return false;
    if (symbol.getName() === 'Error' && this.fromDefaultLibrary(symbol)) return true;
    if (!(symbol.flags & (typescript.SymbolFlags.Class | typescript.SymbolFlags.Interface))) return false;
    const declared = this.checker.getDeclaredTypeOfSymbol(symbol);
    if (!declared.isClassOrInterface()) return false;
    return this.checker.getBaseTypes(declared).some((base) => this.isErrorLike(base, depth + 1));
  }

  private fromDefaultLibrary(symbol: ts.Symbol): boolean {
    const program = this.services.program;
    return (symbol.getDeclarations() ?? []).some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()));
  }

  /**
   * The lib's `Promise`, or a class or interface that extends it. (typescript-eslint's type-utils has
   * the same check, but needs ESLint installed, and codemods run without it.)
   */
  private isBuiltinPromise(type: ts.Type, depth: number): boolean {
    if (depth > 8) return false;
    const symbol = type.getSymbol();
    if (!symbol) return false;
    const program = this.services.program;
    if (
      symbol.getName() === 'Promise' &&
      (symbol.getDeclarations() ?? []).some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()))
    ) {
      return true;
    }
    const { ts: typescript } = this.runtime;
    if (!(type.flags & typescript.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & (typescript.ObjectFlags.ClassOrInterface | typescript.ObjectFlags.Reference))) {
      return false;
    }
    const target = (type as ts.ObjectType).objectFlags & typescript.ObjectFlags.Reference ? (type as ts.TypeReference).target : type;
    if (!((target as ts.ObjectType).objectFlags & typescript.ObjectFlags.ClassOrInterface)) return false;
    const bases = this.checker.getBaseTypes(target as ts.InterfaceType);
    return bases.some((base) => this.isBuiltinPromise(base, depth + 1));
  }
}

/** Whether two places of a signal are the same argument (and property). */
function samePlacement(a: SignalPlacement | null, b: SignalPlacement | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.argument === b.argument;
}
