import { findArrayFromAsyncLoops } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'preferArrayFromAsync' | 'replaceWithArrayFromAsync';

export default createRule<Options, MessageIds>({
  name: 'prefer-array-from-async',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce `Array.fromAsync()` over array accumulation loops',
      // A style rule that needs Node 22: asyncwise's configs hold correctness rules.
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    // eslint-plugin-unicorn's messages word for word.
    messages: {
      preferArrayFromAsync: 'Prefer `Array.fromAsync()` over array accumulation loops.',
      replaceWithArrayFromAsync: 'Replace the loop with `Array.fromAsync()`.',
    },
    schema: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const finding of findArrayFromAsyncLoops(analysisFileFor(context))) {
          context.report({
            node: finding.loop,
            messageId: 'preferArrayFromAsync',
            ...(finding.plan ? getFixOrSuggest(finding.plan, 'replaceWithArrayFromAsync') : {}),
          });
        }
      },
    };
  },
});
