import { isAbsolute, relative } from 'node:path';
import {
  type AnalysisFile,
  ParserServicesOracle,
  SyntaxOracle,
  type TypeOracle,
} from '@asyncwise/analysis';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
// The `eslint-utils` entry alone: the package root also loads the AST and TS helpers (~0.15 s per
// oxlint run), which no rule here uses at run time.
import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Whether the host parsed this file with a TypeScript program behind it. Checked before anything
 * asks for parser services: typescript-eslint's `getParserServices` throws without a program, even
 * in its lenient form, and oxlint never has one.
 */
export function hasTypeInformation(context: Context): boolean {
  return Boolean(context.sourceCode.parserServices?.program);
}

/**
 * The view of the file being linted, shared by every asyncwise rule of the file. One slot, not a
 * WeakMap keyed by the Program: both hosts lint one file at a time in a thread, and a WeakMap's values
 * (the view holds the AST) stay strongly reachable through every young-generation GC once the map is
 * old, so every file's tree would be promoted instead of dying young (see `PerFile` in the analysis).
 * Emptied as soon as a rule is created for another file (`forgetFinishedFile`).
 */
let linting: HostFile | undefined;

/**
 * Called as each rule is created: both hosts create every rule afresh for each file (oxlint too,
 * which hands them one `SourceCode` object whose `ast` changes), so a rule created for another tree
 * means the file in the slot is done.
 */
export function forgetFinishedFile(context: Context): void {
  if (linting !== undefined && linting.ast !== context.sourceCode.ast) linting = undefined;
}

/** A real file's path lets the oracle read what it imports; `<input>` (stdin) and test names do not. */
function pathOf(context: Context): string | null {
  const filename = context.filename;
  return typeof filename === 'string' && isAbsolute(filename) ? filename : null;
}

/** The linted file's path relative to the working directory, as the test-file globs expect. */
export function relativeFilenameOf(context: Context): string {
  const { filename, cwd } = context;
  return typeof cwd === 'string' && isAbsolute(filename) ? relative(cwd, filename) : filename;
}

/**
 * Picks the type oracle for a file: typed when the host parsed with a TypeScript program, syntax-only
 * otherwise. `getParserServices` is called only when a program exists, because it throws in hosts
 * without one (oxlint, or ESLint without `parserOptions.project`).
 */
function oracleFor(context: Context, scopeManager: AnalysisFile['scopeManager']): TypeOracle {
  const syntax = new SyntaxOracle(scopeManager, pathOf(context));
  if (!hasTypeInformation(context)) return syntax;
  const services = ESLintUtils.getParserServices(context, true);
  if (!services.program) return syntax;
  return new ParserServicesOracle(services, syntax);
}

/**
 * The analysis view of the file a rule is linting, built once per file and shared by every
 * asyncwise rule. Matched by the Program node, which both hosts hand every rule of a file alike
 * (ESLint and oxlint; a test checks it for each); the text check guards against a host that ever
 * recycled a Program object for another file.
 */
export function analysisFileFor(context: Context): AnalysisFile {
  const { sourceCode } = context;
  if (linting?.ast === sourceCode.ast && linting.text === sourceCode.text) return linting;
  linting = new HostFile(context);
  return linting;
}

/**
 * The scope manager, the comments and the oracle are fetched on first use: oxlint builds its scope
 * manager only when a rule asks for it (~0.3 ms a file), and most files never need one (no `await`).
 *
 * A class, not an object literal whose getters close over the file: measured under oxlint over the
 * bench corpus, the closures kept each file's tree reachable into the next file (190 MB of trees
 * promoted to the old generation, 10x the young-generation GC time), fields on an instance do not
 * (7 MB, as with no asyncwise rule at all).
 */
class HostFile implements AnalysisFile {
  readonly ast: TSESTree.Program;
  readonly text: string;
  readonly path: string | null;
  readonly visitorKeys: AnalysisFile['visitorKeys'];
  readonly #context: Context;
  #scopeManager: AnalysisFile['scopeManager'] | undefined;
  #comments: AnalysisFile['comments'] | undefined;
  #oracle: TypeOracle | undefined;

  constructor(context: Context) {
    const { sourceCode } = context;
    this.#context = context;
    this.ast = sourceCode.ast;
    this.text = sourceCode.text;
    this.path = pathOf(context);
    this.visitorKeys = sourceCode.visitorKeys;
  }

  /** oxlint hands every file the same SourceCode object; a getter must not answer for the next file. */
  #sourceCode(): Context['sourceCode'] {
    const { sourceCode } = this.#context;
    if (sourceCode.ast !== this.ast) throw new Error('asyncwise: a file\'s analysis was used after the linter moved to another file.');
    return sourceCode;
  }

  get scopeManager(): AnalysisFile['scopeManager'] {
    this.#scopeManager ??= this.#sourceCode().scopeManager ?? undefined;
    if (!this.#scopeManager) throw new Error('asyncwise rules need scope analysis; the parser returned no scopeManager.');
    return this.#scopeManager;
  }

  get comments(): AnalysisFile['comments'] {
    this.#comments ??= this.#sourceCode().getAllComments();
    return this.#comments;
  }

  get oracle(): TypeOracle {
    this.#oracle ??= oracleFor(this.#context, this.scopeManager);
    return this.#oracle;
  }
}
