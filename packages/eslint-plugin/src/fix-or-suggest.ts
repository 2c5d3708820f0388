import type { Plan } from '@asyncwise/analysis';
import type { TSESLint } from '@typescript-eslint/utils';

/**
 * The one place that turns a plan's safety level into ESLint's terms: a `safe` plan becomes an
 * autofix, a `review` plan a suggestion with `messageId`, a refused plan nothing. Rules never decide
 * this themselves.
 */
export function getFixOrSuggest<MessageIds extends string>(
  plan: Plan,
  suggestionMessageId: MessageIds,
  data?: Record<string, unknown>,
): {
  fix?: TSESLint.ReportFixFunction;
  suggest?: TSESLint.SuggestionReportDescriptor<MessageIds>[];
} {
  if (plan.level === 'refused') return {};
  const edits = plan.edits;
  const fix: TSESLint.ReportFixFunction = (fixer) =>
    edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text));
  if (plan.level === 'safe') return { fix };
  return { suggest: [{ messageId: suggestionMessageId, ...(data ? { data } : {}), fix }] };
}

/**
 * Several ways to handle one report, each a suggestion: every `review` plan among `options` becomes
 * one, in order; refused plans are left out. (A `safe` plan is a fix, which a report has one of at
 * most: use {@link getFixOrSuggest} for it.)
 */
export function getSuggestions<MessageIds extends string>(
  options: readonly { readonly plan: Plan; readonly messageId: MessageIds; readonly data?: Record<string, unknown> }[],
): { suggest?: TSESLint.SuggestionReportDescriptor<MessageIds>[] } {
  const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
  for (const { plan, messageId, data } of options) {
    if (plan.level !== 'review') continue;
    const edits = plan.edits;
    suggest.push({
      messageId,
      ...(data ? { data } : {}),
      fix: (fixer) => edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
    });
  }
  return suggest.length > 0 ? { suggest } : {};
}
