/**
 * Who refers to a project function, across the files of one TypeScript program: the project
 * transforms (`add-abort-signal`, `callback-to-async`) find a function's callers here, resolved by
 * the checker (imports, re-exports and CommonJS `module.exports`/`require` followed), never by name.
 */
import path from 'node:path';
import type * as ts from 'typescript';
import type { RefusalReason } from './edits';
import { typescriptApi } from './oracle/parser-services-oracle';

/** A function a project transform can plan: a declaration, a function or arrow a `const` holds, or a class's or object literal's method. */
export type ProjectFunction = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/** The program's own source files a transform plans over: no declaration files, nothing from `node_modules`; `.js` files only when asked for (a program holds them with `allowJs`). */
export function projectSourceFiles(program: ts.Program, options: { readonly javascript: boolean }): ts.SourceFile[] {
  const pattern = options.javascript ? /\.(?:[cm]?[jt]s|[jt]sx)$/ : /\.(?:[cm]?ts|tsx)$/;
  return program.getSourceFiles().filter((f) => !f.isDeclarationFile && !program.isSourceFileFromExternalLibrary(f) && pattern.test(f.fileName) && !/\.d\.[cm]?ts$/.test(f.fileName));
}

export interface ProjectReferences {
  /** The symbol a name stands for, through aliases and CommonJS exports, as {@link referencesOf} compares them. */
  readonly symbolOf: (node: ts.Node) => ts.Symbol | undefined;
  /** The references of a function outside its own declaration name; empty when it has no name of its own. */
  readonly referencesOf: (node: ProjectFunction) => ts.Identifier[];
  /** Every identifier of the files spelled `name`, resolved or not. */
  readonly identifiersNamed: (name: string) => readonly ts.Identifier[];
  /**
   * A member of another class of the project that overrides `method` (same name, in a class derived
   * from the method's), found among the identifiers spelled like it: then which one runs depends on
   * the object, and all would have to change together.
   */
  readonly overriding: (method: ts.MethodDeclaration) => ts.Node | undefined;
}

/**
 * The references of the program's functions among `sourceFiles`. Every identifier is indexed by its
 * text once; a function's references are those spelled like it that the checker resolves to it.
 */
export function projectReferences(checker: ts.TypeChecker, sourceFiles: readonly ts.SourceFile[]): ProjectReferences {
  const api = typescriptApi();
  const identifiers = new Map<string, ts.Identifier[]>();
  for (const sourceFile of sourceFiles) {
    const visit = (node: ts.Node): void => {
      if (api.isIdentifier(node)) {
        const list = identifiers.get(node.text);
        if (list) list.push(node);
        else identifiers.set(node.text, [node]);
      }
      api.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  const canonical = (symbol: ts.Symbol | undefined, depth: number): ts.Symbol | undefined => {
    if (!symbol || depth > 8) return symbol;
    if (symbol.flags & api.SymbolFlags.Alias) return canonical(checker.getAliasedSymbol(symbol), depth + 1);
    const declaration = symbol.valueDeclaration;
    if (!declaration) return symbol;
    // `module.exports = { get }` and `{ get: get }`: the property is the function it names.
    if (api.isShorthandPropertyAssignment(declaration)) return canonical(checker.getShorthandAssignmentValueSymbol(declaration), depth + 1);
    if (api.isPropertyAssignment(declaration) && api.isIdentifier(declaration.initializer)) return canonical(checker.getSymbolAtLocation(declaration.initializer), depth + 1);
    // `exports.get = get`: a property declared by an assignment of a name.
    if (api.isBinaryExpression(declaration) && api.isIdentifier(declaration.right)) return canonical(checker.getSymbolAtLocation(declaration.right), depth + 1);
    if ((api.isPropertyAccessExpression(declaration) || api.isElementAccessExpression(declaration)) && api.isBinaryExpression(declaration.parent) && api.isIdentifier(declaration.parent.right)) {
      return canonical(checker.getSymbolAtLocation(declaration.parent.right), depth + 1);
    }
    // `const { get } = require('./store')`: the local is the property of what it destructures.
    if (api.isBindingElement(declaration) && api.isObjectBindingPattern(declaration.parent) && api.isVariableDeclaration(declaration.parent.parent) && declaration.parent.parent.initializer) {
      const key = declaration.propertyName ?? declaration.name;
      if (!api.isIdentifier(key) || declaration.dotDotDotToken) return symbol;
      const property = checker.getTypeAtLocation(declaration.parent.parent.initializer).getProperty(key.text);
      return property && property !== symbol ? canonical(property, depth + 1) : symbol;
    }
    return symbol;
  };
  const symbolOf = (node: ts.Node) => canonical(checker.getSymbolAtLocation(node), 0);
  const referencesOf = (node: ProjectFunction): ts.Identifier[] => {
    const name = functionName(node);
    const own = declarationName(node) ?? unreassignedName(node);
    const symbol = own ? symbolOf(own) : undefined;
    if (name === null || !symbol) return [];
    // An object literal's method is read through the literal's type, whose member may be another symbol of the same declaration.
    const isOwn = (found: ts.Symbol | undefined) => found === symbol || (api.isMethodDeclaration(node) && found?.declarations?.includes(node) === true);
    return (identifiers.get(name) ?? []).filter((id) => id !== own && isOwn(symbolOf(id)));
  };
  const identifiersNamed = (name: string): readonly ts.Identifier[] => identifiers.get(name) ?? [];
  /** The `var` or `let` a function initialises, when that is its one declaration and nothing assigns it again: then it names the function as a `const` would. */
  function unreassignedName(node: ProjectFunction): ts.Identifier | undefined {
    const parent = node.parent;
    if (!api.isVariableDeclaration(parent) || parent.initializer !== node || !api.isIdentifier(parent.name)) return undefined;
    const own = parent.name;
    const symbol = symbolOf(own);
    // Declared once (a JavaScript expando, `load.sync = …`, adds declarations of properties, not of the variable).
    if (!symbol || (symbol.declarations ?? []).filter((d) => api.isVariableDeclaration(d) || api.isFunctionDeclaration(d) || api.isParameter(d)).length !== 1) return undefined;
    const reassigned = identifiersNamed(own.text).some((id) => id !== own && isAssignmentTarget(id) && symbolOf(id) === symbol);
    return reassigned ? undefined : own;
  }
  const overriding = (method: ts.MethodDeclaration): ts.Node | undefined => {
    const owner = method.parent;
    if (!api.isClassLike(owner) || !api.isIdentifier(method.name)) return undefined;
    const ownerSymbol = classSymbol(checker, owner);
    return identifiersNamed(method.name.text).find((id) => {
      const member = id.parent;
      if ((!api.isMethodDeclaration(member) && !api.isPropertyDeclaration(member)) || member.name !== id || member === method) return false;
      const cls = member.parent;
      return api.isClassLike(cls) && cls !== owner && ownerSymbol !== undefined && derivesFrom(checker, cls, ownerSymbol);
    });
  };
  return { symbolOf, referencesOf, identifiersNamed, overriding };
}

/** Why a project transform cannot change a method together with its calls: the reason and what it says. */
export interface MethodRefusal {
  readonly reason: RefusalReason;
  readonly message: string;
}

/**
 * Why a call of a method cannot be changed with the method, or null: the method must be the one
 * declaration the call runs, called on `this` or on a value of one type (not a union, not `any`),
 * written with a static name, and the method itself must pass {@link memberRefusal}. `change` says
 * what each would have to do (`take the signal`, `become async`).
 */
export function methodRefusal(checker: ts.TypeChecker, call: ts.CallExpression, method: ts.MethodDeclaration, overriding: ProjectReferences['overriding'], change: string): MethodRefusal | null {
  const api = typescriptApi();
  const callee = call.expression;
  if (!api.isPropertyAccessExpression(callee) || !api.isIdentifier(method.name)) return { reason: 'dynamic-access', message: 'calls a method through a computed or private name; it is left as written' };
  if (callee.expression.kind !== api.SyntaxKind.ThisKeyword) {
    const receiver = checker.getNonNullableType(checker.getTypeAtLocation(callee.expression));
    if (receiver.flags & api.TypeFlags.Any || receiver.isUnion()) {
      return { reason: 'union-receiver', message: `calls a method on a value typed \`${checker.typeToString(receiver)}\`: another type's method may run` };
    }
  }
  const member = memberRefusal(checker, method, overriding, change);
  return member ? { reason: member.reason, message: `calls a method that ${member.message}` } : null;
}

/**
 * Why a method cannot change on its own, or null: it implements an interface's member (or a
 * declared type's, for an object literal's method), overrides a base class's method, or is
 * overridden by another class's; each of those would have to `change` together. The message reads
 * after the method's name (`implements \`Reader\`'s load: …`).
 */
export function memberRefusal(checker: ts.TypeChecker, method: ts.MethodDeclaration, overriding: ProjectReferences['overriding'], change: string): MethodRefusal | null {
  const api = typescriptApi();
  if (!api.isIdentifier(method.name)) return { reason: 'dynamic-access', message: 'has a computed or private name; it is left as written' };
  const name = method.name.text;
  const owner = method.parent;
  if (api.isObjectLiteralExpression(owner)) {
    // An object literal written as a declared type's value implements that type's member.
    const contextual = checker.getContextualType(owner);
    if (contextual?.getProperty(name)) return { reason: 'interface-member', message: `implements \`${checker.typeToString(contextual)}\`'s ${name}: every implementation would have to ${change}` };
    return null;
  }
  if (!api.isClassLike(owner)) return null;
  for (const clause of owner.heritageClauses ?? []) {
    for (const heritage of clause.types) {
      const type = checker.getTypeAtLocation(heritage);
      if (!type.getProperty(name)) continue;
      return clause.token === api.SyntaxKind.ImplementsKeyword
        ? { reason: 'interface-member', message: `implements \`${heritage.getText()}\`'s ${name}: every implementation would have to ${change}` }
        : { reason: 'method-override', message: `overrides \`${heritage.getText()}\`'s ${name}: both would have to ${change}` };
    }
  }
  const overrider = overriding(method);
  if (overrider) return { reason: 'method-override', message: `is overridden at ${where(overrider)}: both would have to ${change}` };
  return null;
}

/** The symbol of a class declaration or expression, as the checker knows it. */
function classSymbol(checker: ts.TypeChecker, cls: ts.ClassLikeDeclaration): ts.Symbol | undefined {
  return cls.name ? checker.getSymbolAtLocation(cls.name) : (checker.getTypeAtLocation(cls).getSymbol() ?? undefined);
}

/** Whether the class extends (at any depth) the class of `ancestor`. */
function derivesFrom(checker: ts.TypeChecker, cls: ts.ClassLikeDeclaration, ancestor: ts.Symbol): boolean {
  const seen = new Set<ts.Type>();
  const pending: ts.Type[] = [checker.getTypeAtLocation(cls)];
  for (let type = pending.pop(); type; type = pending.pop()) {
    if (seen.has(type)) continue;
    seen.add(type);
    for (const base of checker.getBaseTypes(type as ts.InterfaceType)) {
      if (base.getSymbol() === ancestor) return true;
      pending.push(base);
    }
  }
  return false;
}

/** Whether `id` is written by an assignment (`f = …`, `f += …`, `f++`, `[f] = …`, `({ f } = …)`, `for (f of …)`). */
function isAssignmentTarget(id: ts.Identifier): boolean {
  const api = typescriptApi();
  let node: ts.Node = id;
  for (;;) {
    const parent = node.parent;
    if ((api.isPrefixUnaryExpression(parent) || api.isPostfixUnaryExpression(parent)) && (parent.operator === api.SyntaxKind.PlusPlusToken || parent.operator === api.SyntaxKind.MinusMinusToken)) return true;
    if (api.isBinaryExpression(parent)) return parent.left === node && parent.operatorToken.kind >= api.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= api.SyntaxKind.LastAssignment;
    if ((api.isForOfStatement(parent) || api.isForInStatement(parent)) && parent.initializer === node) return true;
    // Inside a destructuring pattern on the left of an assignment.
    if (api.isArrayLiteralExpression(parent) || api.isObjectLiteralExpression(parent) || api.isShorthandPropertyAssignment(parent) || api.isSpreadElement(parent) || api.isSpreadAssignment(parent) || api.isParenthesizedExpression(parent) || (api.isPropertyAssignment(parent) && parent.initializer === node)) {
      node = parent;
      continue;
    }
    return false;
  }
}

/** The function's name: its own, or that of the variable it initialises. */
export function functionName(node: ProjectFunction): string | null {
  if (typescriptApi().isMethodDeclaration(node)) return typescriptApi().isIdentifier(node.name) ? node.name.text : null;
  if (node.name) return node.name.text;
  const parent = node.parent;
  if (parent && 'name' in parent && parent.name && (parent.name as ts.Node).kind === typescriptApi().SyntaxKind.Identifier) return (parent.name as ts.Identifier).text;
  return null;
}

/** The identifier that declares the function: its own name, or the `const` it initialises. */
export function declarationName(node: ProjectFunction): ts.Identifier | undefined {
  const api = typescriptApi();
  if (api.isFunctionDeclaration(node)) return node.name;
  if (api.isMethodDeclaration(node)) return api.isIdentifier(node.name) ? node.name : undefined;
  const parent = node.parent;
  if (api.isVariableDeclaration(parent) && parent.initializer === node && api.isIdentifier(parent.name) && api.isVariableDeclarationList(parent.parent) && parent.parent.flags & api.NodeFlags.Const) return parent.name;
  return undefined;
}

/** The call whose callee is the reference (`f(…)`, `ns.f(…)`), or null. */
export function callOf(reference: ts.Identifier): ts.CallExpression | null {
  const api = typescriptApi();
  let callee: ts.Node = reference;
  if (api.isPropertyAccessExpression(reference.parent) && reference.parent.name === reference) callee = reference.parent;
  const parent = callee.parent;
  return api.isCallExpression(parent) && parent.expression === callee ? parent : null;
}

/** `file.ts:line:column` of a node, for messages. */
export function where(node: ts.Node): string {
  const sourceFile = node.getSourceFile();
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return `${path.basename(sourceFile.fileName)}:${line + 1}:${character + 1}`;
}
