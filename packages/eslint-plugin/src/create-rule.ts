import { ESLintUtils } from '@typescript-eslint/utils';

/** Where every rule's documentation lives; `meta.docs.url` comes from here and nowhere else. */
export const docsBaseUrl = 'https://github.com/asyncwise/asyncwise/blob/main/docs/rules/';

export interface AsyncwiseRuleDocs {
  /** In the `recommended` config (and, when it needs types, `recommended-type-checked`). */
  recommended?: boolean;
  /** Reports nothing without type information (oxlint, or ESLint without a TS project). */
  requiresTypeChecking?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<AsyncwiseRuleDocs>((name) => `${docsBaseUrl}${name}.md`);
