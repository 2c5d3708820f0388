import { judgeReturnInFinally } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [];
export type MessageIds = 'avoidReturnInFinally';

export default createRule<Options, MessageIds>({
  name: 'no-return-in-finally',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow returning a value from a `finally()` handler, which the chain ignores', recommended: false, requiresTypeChecking: false },
    messages: {
      // eslint-plugin-promise's message, and the remedy.
      avoidReturnInFinally: 'No return in finally: the chain ignores the value and passes on the original result. Move the value into a then() handler.',
    },
    schema: [],
  },
  create(context) {
    return {
      'CallExpression[callee.property.name="finally"]'(node) {
        const judgement = judgeReturnInFinally(analysisFileFor(context), node);
        if (!judgement || 'silenced' in judgement) return;
        context.report({ node: judgement.property, messageId: 'avoidReturnInFinally' });
      },
    };
  },
});
