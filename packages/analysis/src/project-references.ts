/**
 * Who refers to a project function, across the files of one TypeScript program: the project
 * transforms (`add-abort-signal`, `callback-to-async`) find a function's callers here, resolved by
 * the checker (imports, re-exports and CommonJS `module.exports`/`require` followed), never by name.
 */
import path from 'node:path';
import type * as ts from 'typescript';
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
    const own = declarationName(node);
    const symbol = own ? symbolOf(own) : undefined;
    if (name === null || !symbol) return [];
    // An object literal's method is read through the literal's type, whose member may be another symbol of the same declaration.
    const isOwn = (found: ts.Symbol | undefined) => found === symbol || (api.isMethodDeclaration(node) && found?.declarations?.includes(node) === true);
    return (identifiers.get(name) ?? []).filter((id) => id !== own && isOwn(symbolOf(id)));
  };
  return { symbolOf, referencesOf, identifiersNamed: (name) => identifiers.get(name) ?? [] };
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
