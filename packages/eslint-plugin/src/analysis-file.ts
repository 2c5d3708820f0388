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
import { hasTypeInformation } from './create-rule';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const files = new WeakMap<TSESTree.Program, AnalysisFile>();

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
 * asyncwise rule. Keyed by the Program node, which both hosts hand every rule of a file alike (ESLint
 * and oxlint; a test checks it for each); the text check guards against a host that ever recycled a
 * Program object for another file.
 *
 * The scope manager, the comments and the oracle are fetched on first use: oxlint builds its scope
 * manager only when a rule asks for it (~0.3 ms a file), and most files never need one (no `await`).
 */
export function analysisFileFor(context: Context): AnalysisFile {
  const { sourceCode } = context;
  const cached = files.get(sourceCode.ast);
  if (cached?.text === sourceCode.text) return cached;
  let scopeManager: AnalysisFile['scopeManager'] | undefined;
  let comments: AnalysisFile['comments'] | undefined;
  let oracle: TypeOracle | undefined;
  const ast = sourceCode.ast;
  // oxlint hands every file the same SourceCode object; a getter must not answer for the next file.
  const current = () => {
    if (sourceCode.ast !== ast) throw new Error('asyncwise: a file\'s analysis was used after the linter moved to another file.');
    return sourceCode;
  };
  const file: AnalysisFile = {
    ast,
    text: sourceCode.text,
    path: pathOf(context),
    visitorKeys: sourceCode.visitorKeys,
    get scopeManager() {
      scopeManager ??= current().scopeManager ?? undefined;
      if (!scopeManager) throw new Error('asyncwise rules need scope analysis; the parser returned no scopeManager.');
      return scopeManager;
    },
    get comments() {
      comments ??= current().getAllComments();
      return comments;
    },
    get oracle() {
      oracle ??= oracleFor(context, file.scopeManager);
      return oracle;
    },
  };
  files.set(sourceCode.ast, file);
  return file;
}
