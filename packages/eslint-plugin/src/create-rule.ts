// The `eslint-utils` entry alone: the package root also loads the AST and TS helpers (~0.15 s per
// oxlint run), which no rule here uses at run time.
import type { TSESLint } from '@typescript-eslint/utils';
import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';
import { forgetFinishedFile, hasTypeInformation } from './analysis-file';

/** Where every rule's documentation lives; `meta.docs.url` comes from here and nowhere else. */
export const docsBaseUrl = 'https://github.com/asyncwise/asyncwise/blob/main/docs/rules/';

export interface AsyncwiseRuleDocs {
  /** In the `recommended` config (and, when it needs types, `recommended-type-checked`). */
  recommended?: boolean;
  /** In `strict` but not `recommended`: sound, but opinionated enough that a project opts in (`require-timeout`). */
  strict?: boolean;
  /**
   * Reports nothing without type information (oxlint, or ESLint without a TS project): `createRule`
   * then gives the host no listeners at all. Its doc page says so under "Type information".
   */
  requiresTypeChecking?: boolean;
  /**
   * For a rule that needs types: the oxlint rule (run with `--type-aware`) that covers the same
   * ground, e.g. `typescript/no-floating-promises`, which its doc page names for oxlint users.
   */
  oxlintTypeAwareRule?: string;
}

const ruleCreator = ESLintUtils.RuleCreator<AsyncwiseRuleDocs>((name) => `${docsBaseUrl}${name}.md`);

/**
 * typescript-eslint's RuleCreator (docs URL, default options), plus one host rule: a rule whose
 * `meta.docs.requiresTypeChecking` is set listens to nothing where there are no types, so it stays
 * silent under oxlint and untyped ESLint instead of guessing or throwing.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, AsyncwiseRuleDocs>>,
): TSESLint.RuleModule<MessageIds, Options, AsyncwiseRuleDocs> {
  const created = ruleCreator(rule);
  // RuleCreator deep-merges the default options into the configured ones on every file, through a
  // JSON copy of the defaults (~36 µs a rule and file, 0.7% of an ESLint run over 1,200 files with
  // the recommended rules). ESLint hands each file a fresh copy of the configured options (merged
  // with `meta.defaultOptions`), nearly always equal to the last file's, so the merge is kept for the
  // last options seen and reused while the next file's are structurally equal: a JSON key cost
  // ~5 µs a rule and file, the comparison well under one. Rules never mutate options.
  let lastConfigured: readonly unknown[] | null = null;
  let lastOptions: Options | null = null;
  // Where RuleCreator finds the defaults, in its order.
  const defaults = ((rule.meta as { defaultOptions?: unknown }).defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const optionsFor = (configured: readonly unknown[]): Options => {
    if (lastOptions !== null && lastConfigured !== null && jsonEqual(configured, lastConfigured)) return lastOptions;
    lastOptions = ESLintUtils.applyDefault<Options, Options>(defaults, configured as Options);
    lastConfigured = configured;
    return lastOptions;
  };
  const typed = rule.meta.docs.requiresTypeChecking === true;
  return {
    ...created,
    create(context) {
      forgetFinishedFile(context);
      if (typed && !hasTypeInformation(context)) return {};
      return rule.create(context, optionsFor(context.options));
    },
  };
}

/** Whether two JSON values (rule options, by their schema) are equal. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
