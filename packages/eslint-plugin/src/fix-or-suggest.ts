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
