import { findNextTick, findTimerDeferral } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [{ checkSetImmediate?: boolean; checkSetTimeout?: boolean }];
export type MessageIds = 'preferQueueMicrotask' | 'useQueueMicrotask';

export default createRule<Options, MessageIds>({
  name: 'prefer-queue-microtask',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce `queueMicrotask()` over `process.nextTick()`, `setImmediate()`, and `setTimeout(…, 0)`',
      // A style rule whose rewrite changes when the callback runs: asyncwise's configs hold correctness rules.
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    // eslint-plugin-unicorn's message word for word; the suggestion is ours (unicorn fixes).
    messages: {
      preferQueueMicrotask: 'Prefer `queueMicrotask()` over `{{name}}`.',
      useQueueMicrotask: 'Use `queueMicrotask()` (the callback then runs at another moment: see the rule page).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkSetImmediate: { type: 'boolean', description: 'Whether to also check `setImmediate()`.' },
          checkSetTimeout: { type: 'boolean', description: 'Whether to also check `setTimeout(…, 0)`.' },
        },
      },
    ],
    defaultOptions: [{ checkSetImmediate: false, checkSetTimeout: false }],
  },
  create(context, [options]) {
    const report = (finding: ReturnType<typeof findNextTick>) => {
      if (!finding) return;
      context.report({
        node: finding.node,
        messageId: 'preferQueueMicrotask',
        data: { name: finding.name },
        ...(finding.plan ? getSuggestions([{ plan: finding.plan, messageId: 'useQueueMicrotask' }]) : {}),
      });
    };
    return {
      'MemberExpression[property.name="nextTick"]'(node: Parameters<typeof findNextTick>[1]) {
        report(findNextTick(analysisFileFor(context), node));
      },
      ...((options.checkSetImmediate || options.checkSetTimeout) && {
        'ExpressionStatement > CallExpression'(node: Parameters<typeof findTimerDeferral>[1]) {
          report(findTimerDeferral(analysisFileFor(context), node, options));
        },
      }),
    };
  },
});
