import path from 'node:path';
import { createRequire } from 'node:module';
import type * as ScopeManagerModule from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type * as TypescriptEstree from '@typescript-eslint/typescript-estree';
import type { AnalysisFile } from './file';
import { SyntaxOracle } from './oracle/syntax-oracle';
import type { TypeOracle } from './oracle/type-oracle';
import { defaultVisitorKeys, setParents } from './walk';

const require = createRequire(import.meta.url);
let typescriptEstree: typeof TypescriptEstree | undefined;
let scopeManagerModule: typeof ScopeManagerModule | undefined;

/**
 * typescript-estree and scope-manager, loaded on first parse. typescript-estree loads TypeScript
 * itself, which costs most of a second, and scope-manager another ~0.1 s; ESLint and oxlint parse
 * and analyse scopes for us, so the plugin never pays either (in oxlint it would, on every run).
 */
function estree(): typeof TypescriptEstree {
  typescriptEstree ??= require('@typescript-eslint/typescript-estree') as typeof TypescriptEstree;
  return typescriptEstree;
}

function analyze(...args: Parameters<typeof ScopeManagerModule.analyze>): ReturnType<typeof ScopeManagerModule.analyze> {
  scopeManagerModule ??= require('@typescript-eslint/scope-manager') as typeof ScopeManagerModule;
  return scopeManagerModule.analyze(...args);
}

/** A file that does not parse, with where and why. */
export class ParseError extends Error {
  constructor(
    readonly filePath: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${filePath}:${line}:${column}: ${reason}`);
    this.name = 'ParseError';
  }
}

/** File name endings the analysis parses, and how. */
export const parsableExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function isParsablePath(filePath: string): boolean {
  if (filePath.endsWith('.d.ts') || filePath.endsWith('.d.mts') || filePath.endsWith('.d.cts')) return false;
  return parsableExtensions.some((ext) => filePath.endsWith(ext));
}

/**
 * How a file is read: as an ES module, as CommonJS (a script whose top level is a function body, so
 * `return` is allowed and top-level variables are the module's own), or as a plain script (top-level
 * variables are globals other scripts see).
 */
export type SourceType = 'module' | 'commonjs' | 'script';

export const sourceTypes: readonly SourceType[] = ['module', 'commonjs', 'script'];

/**
 * How ESLint's flat config reads a file by default, which is what the rules run under: `.cjs` as
 * CommonJS, every other file (`.cts` included) as a module. A project whose config says otherwise
 * passes its own `sourceType`.
 */
export function defaultSourceTypeOf(filePath: string): SourceType {
  return filePath.endsWith('.cjs') ? 'commonjs' : 'module';
}

export interface ParseFileOptions {
  /** Builds the oracle once scopes exist; the syntax-only oracle when omitted. */
  readonly oracle?: (file: Omit<AnalysisFile, 'oracle'>) => TypeOracle;
  /** How to read the file; {@link defaultSourceTypeOf} its path when omitted. */
  readonly sourceType?: SourceType;
}

/**
 * Parses a file as ESLint with typescript-eslint would: typescript-estree for the AST (TS, TSX, JS,
 * JSX, MJS/CJS by file name), scope-manager for scopes, `parent` set on every node, the source type
 * of ESLint's default ({@link defaultSourceTypeOf}) unless given. Throws {@link ParseError} on a
 * syntax error.
 *
 * `text` must not start with a byte order mark: ESLint strips it before parsing, so every offset a
 * rule sees is counted without it, and a BOM before `#!` is a syntax error for the parser. Callers
 * holding file contents strip it first ({@link withoutBom}) and put it back on output.
 */
export function parseFile(text: string, filePath: string, options: ParseFileOptions = {}): AnalysisFile {
  const jsx = /\.(?:tsx|jsx|js|mjs|cjs)$/.test(filePath);
  const sourceType = options.sourceType ?? defaultSourceTypeOf(filePath);
  let ast: TSESTree.Program;
  try {
    ast = estree().parse(text, {
      filePath,
      jsx,
      // In a module, `await (x)` at the top level awaits; in a script it calls a function named `await`.
      sourceType: sourceType === 'module' ? 'module' : 'script',
      range: true,
      loc: true,
      comment: true,
      tokens: false,
      errorOnTypeScriptSyntacticAndSemanticIssues: false,
      suppressDeprecatedPropertyWarnings: true,
    });
  } catch (error) {
    const e = error as { lineNumber?: number; column?: number; message?: string };
    throw new ParseError(filePath, e.lineNumber ?? 1, (e.column ?? 0) + 1, e.message ?? String(error));
  }
  setParents(ast, defaultVisitorKeys);
  const scopeManager = analyze(ast, {
    sourceType: sourceType === 'module' ? 'module' : 'script',
    // CommonJS: the file's top level is a function body, as ESLint's `sourceType: 'commonjs'` reads it.
    globalReturn: sourceType === 'commonjs',
    lib: ['esnext'],
    jsxPragma: null,
  });
  const base = {
    ast,
    text,
    path: path.isAbsolute(filePath) ? filePath : null,
    scopeManager,
    visitorKeys: defaultVisitorKeys,
    comments: ast.comments ?? [],
  };
  return { ...base, oracle: options.oracle ? options.oracle(base) : new SyntaxOracle(scopeManager, base.path) };
}

const BOM = '\uFEFF';

/** A file's text without its byte order mark, and whether it had one (to put back on output). */
export function withoutBom(text: string): { readonly text: string; readonly bom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/** The text with the byte order mark put back when the file had one. */
export function withBom(text: string, bom: boolean): string {
  return bom ? BOM + text : text;
}
