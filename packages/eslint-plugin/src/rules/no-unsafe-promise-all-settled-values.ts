import { findUnsafeSettledReads } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [];
export type MessageIds = 'unsafeValue' | 'unsafeReason';

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-promise-all-settled-values',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading `.value` or `.reason` of `Promise.allSettled()` results without a status check',
      recommended: true,
      requiresTypeChecking: false,
    },
    // `unsafeValue` is eslint-plugin-unicorn's message word for word; `unsafeReason` its mirror.
    messages: {
      unsafeValue: 'Do not read `.value` from `Promise.allSettled()` results without checking that the result is fulfilled.',
      unsafeReason: 'Do not read `.reason` from `Promise.allSettled()` results without checking that the result is rejected.',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const read of findUnsafeSettledReads(analysisFileFor(context))) {
          context.report({ node: read.node, messageId: read.field === 'value' ? 'unsafeValue' : 'unsafeReason' });
        }
      },
    };
  },
});
