import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import type { TypeOracle } from './oracle/type-oracle';
import type { VisitorKeys } from './walk';

/**
 * Everything the analysis reads about one file. ESLint rules build it from `context.sourceCode`;
 * codemods from {@link parseFile}. Both hand over the same typescript-estree AST shape, with `parent`
 * set on every node, so a rule and a codemod see the same nodes.
 */
export interface AnalysisFile {
  readonly ast: TSESTree.Program;
  readonly text: string;
  readonly scopeManager: ScopeManager;
  readonly visitorKeys: VisitorKeys;
  /** Every comment of the file in source order. */
  readonly comments: readonly TSESTree.Comment[];
  readonly oracle: TypeOracle;
  /** The file's absolute path, from which its imports resolve; null or absent when there is none (stdin, a string). */
  readonly path?: string | null;
}

/** Files TypeScript reads as TypeScript: a path not ending in a JavaScript extension (or none). */
export function isTypeScriptFile(file: AnalysisFile): boolean {
  return !/\.[cm]?jsx?$/.test(file.path ?? '');
}
