import { judgeCallbackReturn } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [string[]];
export type MessageIds = 'missingReturn';

export default createRule<Options, MessageIds>({
  name: 'callback-return',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `return` with a callback call after which the function would go on running',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      // ESLint core's and eslint-plugin-n's message, and the remedy.
      missingReturn:
        'Expected return with your callback function: the function goes on after `{{name}}(…)` and may call back twice. Write `return {{name}}(…)`.',
    },
    schema: [
      {
        type: 'array',
        items: { type: 'string' },
        description: 'The callback names (a name or a member chain such as `this.callback`) whose calls need a `return`.',
      },
    ],
    defaultOptions: [['callback', 'cb', 'next']],
  },
  create(context, [names]) {
    return {
      CallExpression(node) {
        const judgement = judgeCallbackReturn(analysisFileFor(context), node, names);
        if (!judgement || 'silenced' in judgement) return;
        context.report({ node, messageId: 'missingReturn', data: { name: context.sourceCode.getText(node.callee) } });
      },
    };
  },
});
