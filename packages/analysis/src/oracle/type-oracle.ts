import type { TSESTree } from '@typescript-eslint/types';
import type { Tri } from '../tri';

/**
 * What a value is, finer than {@link TypeOracle.isPromiseLike}: a built-in `Promise` (or a subclass),
 * another thenable (`PromiseLike`, a hand-written `then`), shown not to be one, or not known.
 */
export type PromiseKind = 'promise' | 'thenable' | 'no' | 'unknown';

/**
 * The questions the analysis asks about types, answered with or without a type checker.
 *
 * Three implementations share this interface: one over typescript-eslint's parser services (rules in
 * a type-aware ESLint config), one over a TypeScript program (codemods run with a project), and a
 * syntax-only one that needs nothing. Every rule works with the syntax-only oracle and gets more
 * precise with types; `'unknown'` always means "stay quiet".
 */
export interface TypeOracle {
  /** `'types'` when answers come from a type checker, `'syntax'` when from the code alone. */
  readonly source: 'types' | 'syntax';
  /**
   * Whether the value of `node` is a promise or another thenable. `'yes'` when it is shown to be
   * (a promise type, or syntax that can only produce one), `'no'` when it cannot be, `'unknown'` otherwise.
   */
  isPromiseLike(node: TSESTree.Expression): Tri;
  /**
   * Whether the value is a built-in promise or only another thenable, for rules that treat the two
   * apart (typescript-eslint's `checkThenables`). `'yes'` from {@link isPromiseLike} is always
   * `'promise'` or `'thenable'` here.
   */
  promiseKind(node: TSESTree.Expression): PromiseKind;
}
