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

const files = new WeakMap<TSESTree.Program, AnalysisFile>();

/**
 * Picks the type oracle for a file: typed when the host parsed with a TypeScript program, syntax-only
 * otherwise. `getParserServices` is called only when a program exists, because it throws in hosts
 * without one (oxlint, or ESLint without `parserOptions.project`).
 */
function oracleFor(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  scopeManager: NonNullable<TSESLint.SourceCode['scopeManager']>,
): TypeOracle {
  const syntax = new SyntaxOracle(scopeManager);
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
 */
export function analysisFileFor(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): AnalysisFile {
  const { sourceCode } = context;
  const cached = files.get(sourceCode.ast);
  if (cached?.text === sourceCode.text) return cached;
  if (!sourceCode.scopeManager) throw new Error('asyncwise rules need scope analysis; the parser returned no scopeManager.');
  const file: AnalysisFile = {
    ast: sourceCode.ast,
    text: sourceCode.text,
    scopeManager: sourceCode.scopeManager,
    visitorKeys: sourceCode.visitorKeys,
    comments: sourceCode.getAllComments(),
    oracle: oracleFor(context, sourceCode.scopeManager),
  };
  files.set(sourceCode.ast, file);
  return file;
}
