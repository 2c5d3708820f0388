import { findAwaitInPromiseMethod } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'awaitInPromiseMethod' | 'removeAwait';

export default createRule<Options, MessageIds>({
  name: 'no-await-in-promise-methods',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow using `await` in `Promise` method parameters',
      recommended: false,
      strict: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    // eslint-plugin-unicorn's messages word for word.
    messages: {
      awaitInPromiseMethod: 'Avoid `await` inside `Promise.{{method}}()` arguments to prevent delaying the call.',
      removeAwait: 'Remove `await`.',
    },
    schema: [],
  },
  create(context) {
    return {
      AwaitExpression(node) {
        const finding = findAwaitInPromiseMethod(analysisFileFor(context), node);
        if (!finding) return;
        context.report({
          node,
          messageId: 'awaitInPromiseMethod',
          data: { method: finding.method },
          ...(finding.removeAwait ? getSuggestions([{ plan: finding.removeAwait, messageId: 'removeAwait' }]) : {}),
        });
      },
    };
  },
});
