import path from 'node:path';
import { createRequire } from 'node:module';
import type * as ScopeManagerModule from '@typescript-eslint/scope-manager';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type * as TypescriptEstree from '@typescript-eslint/typescript-estree';
import type { AnalysisFile } from './file';
import { parseWithOxcBinding } from './oxc-parse';
import { SyntaxOracle } from './oracle/syntax-oracle';
import type { TypeOracle } from './oracle/type-oracle';
import { defaultVisitorKeys, forEachChild, setParents } from './walk';

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

/**
 * Which parser builds the AST. Both give the TS-ESTree shapes the rules see: typescript-estree is what
 * ESLint with typescript-eslint hands a rule, oxc-parser what oxlint hands it (the oxlint parity test
 * holds the analysis to the same answers on both). oxc-parser is several times faster and is what
 * the codemods use; typescript-estree is kept for typed work, which needs its node maps.
 */
export type ParserName = 'oxc' | 'typescript-estree';

export const parserNames: readonly ParserName[] = ['oxc', 'typescript-estree'];

export interface ParseFileOptions {
  /** The parser; typescript-estree when omitted. */
  readonly parser?: ParserName;
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
  const sourceType = options.sourceType ?? defaultSourceTypeOf(filePath);
  let ast: TSESTree.Program;
  if (options.parser === 'oxc') ast = parseWithOxc(text, filePath, sourceType);
  else {
    ast = parseWithEstree(text, filePath, sourceType);
    setParents(ast, defaultVisitorKeys);
  }
  return new ParsedFile(ast, text, path.isAbsolute(filePath) ? filePath : null, sourceType, options.oracle);
}

/**
 * A parsed file whose scopes and oracle are built on first use: a pass that finds no candidate (a
 * codemod's last pass over its own output, most files of a repo) never pays for scope analysis.
 */
class ParsedFile implements AnalysisFile {
  readonly visitorKeys = defaultVisitorKeys;
  readonly comments: readonly TSESTree.Comment[];
  private scopes: ScopeManager | undefined;
  private typeOracle: TypeOracle | undefined;

  constructor(
    readonly ast: TSESTree.Program,
    readonly text: string,
    readonly path: string | null,
    private readonly sourceType: SourceType,
    private readonly makeOracle: ParseFileOptions['oracle'],
  ) {
    this.comments = ast.comments ?? [];
  }

  get scopeManager(): ScopeManager {
    this.scopes ??= analyze(this.ast, {
      sourceType: this.sourceType === 'module' ? 'module' : 'script',
      // CommonJS: the file's top level is a function body, as ESLint's `sourceType: 'commonjs'` reads it.
      globalReturn: this.sourceType === 'commonjs',
      lib: ['esnext'],
      jsxPragma: null,
    });
    return this.scopes;
  }

  get oracle(): TypeOracle {
    this.typeOracle ??= this.makeOracle ? this.makeOracle(this) : new SyntaxOracle(this.scopeManager, this.path);
    return this.typeOracle;
  }
}

function parseWithEstree(text: string, filePath: string, sourceType: SourceType): TSESTree.Program {
  const jsx = /\.(?:tsx|jsx|js|mjs|cjs)$/.test(filePath);
  try {
    return estree().parse(text, {
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
}

/** oxc-parser's language for a file name: JSX in every JavaScript file, as typescript-estree is asked above. */
function oxcLangOf(filePath: string): 'jsx' | 'ts' | 'tsx' {
  if (filePath.endsWith('.tsx')) return 'tsx';
  return /\.(?:ts|mts|cts)$/.test(filePath) ? 'ts' : 'jsx';
}

function parseWithOxc(text: string, filePath: string, sourceType: SourceType): TSESTree.Program {
  const result = parseWithOxcBinding(filePath, text, {
    lang: oxcLangOf(filePath),
    astType: 'ts',
    sourceType,
    // `range` is filled in from `start`/`end` below: asking oxc-parser for it costs more than
    // the whole rest of its parse (a second number pair per node through JSON).
    range: false,
    // ESTree has no node for parentheses; typescript-estree drops them too.
    preserveParens: false,
  });
  const error = result.errors[0];
  if (error || !result.program) {
    const offset = error?.labels[0]?.start ?? 0;
    const { line, column } = lineAndColumnOf(text, offset);
    throw new ParseError(filePath, line, column + 1, error?.message ?? 'oxc-parser returned no program');
  }
  const program = result.program as TSESTree.Program & { comments?: TSESTree.Comment[] };
  setRangesAndParents(program);
  // typescript-estree's comments carry `range`; oxc-parser's only `start`/`end`.
  program.comments = result.comments.map(
    (c) => ({ type: c.type, value: c.value, range: [c.start, c.end] }) as unknown as TSESTree.Comment,
  );
  return program;
}

/**
 * `range` on every node from oxc-parser's `start`/`end`, as typescript-estree gives it, and `parent`
 * as {@link setParents} sets it: one walk for both.
 */
function setRangesAndParents(program: TSESTree.Program): void {
  const stack: TSESTree.Node[] = [program];
  let node: TSESTree.Node | undefined;
  const adopt = (child: TSESTree.Node) => {
    (child as { parent?: TSESTree.Node }).parent = node;
    stack.push(child);
  };
  while ((node = stack.pop())) {
    const n = node as TSESTree.Node & { start: number; end: number };
    (n as { range: TSESTree.Range }).range = [n.start, n.end];
    forEachChild(node, defaultVisitorKeys, adopt);
  }
}

/** Zero-based line and column of an offset, counting every JavaScript line terminator. */
function lineAndColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const terminator = /\r\n?|[\n\u2028\u2029]/g;
  for (let m = terminator.exec(text); m && m.index < offset; m = terminator.exec(text)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  return { line, column: offset - lineStart };
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
