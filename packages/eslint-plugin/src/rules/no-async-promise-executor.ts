import { findAsyncPromiseExecutor } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'async' | 'removeAsync';

export default createRule<Options, MessageIds>({
  name: 'no-async-promise-executor',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow using an async function as a Promise executor', recommended: true, requiresTypeChecking: false },
    hasSuggestions: true,
    messages: {
      // ESLint core's message word for word.
      async: 'Promise executor functions should not be async.',
      removeAsync: "Remove 'async' (a throw in the executor then rejects the promise instead of being lost).",
    },
    schema: [],
  },
  create(context) {
    return {
      'NewExpression[callee.name="Promise"]'(node) {
        const finding = findAsyncPromiseExecutor(analysisFileFor(context), node);
        if (!finding) return;
        const { sourceCode } = context;
        context.report({
          loc: { start: sourceCode.getLocFromIndex(finding.asyncRange[0]), end: sourceCode.getLocFromIndex(finding.asyncRange[1]) },
          messageId: 'async',
          ...getSuggestions([{ plan: finding.removeAsync, messageId: 'removeAsync' }]),
        });
      },
    };
  },
});
