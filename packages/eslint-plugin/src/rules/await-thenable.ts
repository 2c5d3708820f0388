import { findNonThenableAwait } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'await' | 'removeAwait';

export default createRule<Options, MessageIds>({
  name: 'await-thenable',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow awaiting a value that is not a Thenable',
      // Not in `recommended`: `await null` to yield a tick is a deliberate idiom in some code bases,
      // and the rule is typescript-eslint's `recommended-type-checked` one, not a default there either.
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    // typescript-eslint's messages word for word.
    messages: {
      await: 'Unexpected `await` of a non-Promise (non-"Thenable") value.',
      removeAwait: 'Remove unnecessary `await`.',
    },
    schema: [],
  },
  create(context) {
    return {
      AwaitExpression(node) {
        const finding = findNonThenableAwait(analysisFileFor(context), node);
        if (!finding) return;
        context.report({
          node,
          messageId: 'await',
          ...(finding.removeAwait ? getSuggestions([{ plan: finding.removeAwait, messageId: 'removeAwait' }]) : {}),
        });
      },
    };
  },
});
