import { judgeCallbackLiteral } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [];
export type MessageIds = 'unexpectedLiteral';

export default createRule<Options, MessageIds>({
  name: 'no-callback-literal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow calling an error-first callback with a value in the error position that can never be an error',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      // eslint-plugin-n's message, and the remedy.
      unexpectedLiteral:
        'Unexpected literal in error position of callback: a caller reads the first argument as the error. Pass `null` (or an `Error`) first and the value after it.',
    },
    schema: [],
  },
  create(context) {
    return {
      'CallExpression[callee.type="Identifier"][arguments.length>0]'(node) {
        const judgement = judgeCallbackLiteral(analysisFileFor(context), node);
        if (!judgement || 'silenced' in judgement) return;
        context.report({ node, messageId: 'unexpectedLiteral' });
      },
    };
  },
});
