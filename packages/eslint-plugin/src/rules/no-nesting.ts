import { judgeNesting } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [];
export type MessageIds = 'avoidNesting';

export default createRule<Options, MessageIds>({
  name: 'no-nesting',
  meta: {
    type: 'suggestion',
    docs: { description: 'Disallow a `then()` or `catch()` chain nested in another chain’s handler when it can be chained instead', recommended: false, requiresTypeChecking: false },
    messages: {
      // eslint-plugin-promise's message, and the remedy.
      avoidNesting: 'Avoid nesting promises: this chain reads nothing of the enclosing handler. Return its receiver from the handler and chain it on the outer chain.',
    },
    schema: [],
  },
  create(context) {
    return {
      'CallExpression[callee.type="MemberExpression"]'(node) {
        const judgement = judgeNesting(analysisFileFor(context), node);
        if (!judgement || 'silenced' in judgement) return;
        context.report({ node: judgement.property, messageId: 'avoidNesting' });
      },
    };
  },
});
