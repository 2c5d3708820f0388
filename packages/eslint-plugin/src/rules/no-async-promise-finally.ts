import { findAsyncFinallyCallback } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [];
export type MessageIds = 'asyncFinally';

export default createRule<Options, MessageIds>({
  name: 'no-async-promise-finally',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow async functions as `Promise#finally()` callbacks',
      recommended: false,
      requiresTypeChecking: false,
    },
    // eslint-plugin-unicorn's message word for word.
    messages: {
      asyncFinally: 'Do not pass an async function to `Promise#finally()`.',
    },
    schema: [],
  },
  create(context) {
    return {
      'CallExpression[arguments.length>0]'(node: Parameters<typeof findAsyncFinallyCallback>[1]) {
        const finding = findAsyncFinallyCallback(analysisFileFor(context), node);
        if (finding) context.report({ node: finding.callback, messageId: 'asyncFinally' });
      },
    };
  },
});
