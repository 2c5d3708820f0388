import { judgeAwaitToCallbacksCall, judgeCallbackParameter } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [];
export type MessageIds = 'error';

export default createRule<Options, MessageIds>({
  name: 'prefer-await-to-callbacks',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `async`/`await` over error-first callbacks',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      // eslint-plugin-promise's message, and the remedy.
      error: 'Avoid callbacks. Prefer Async/Await: return a promise (or use the API’s promise form) and await it.',
    },
    schema: [],
  },
  create(context) {
    function checkParameters(node: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): void {
      const judgement = judgeCallbackParameter(analysisFileFor(context), node);
      if (!judgement || 'silenced' in judgement) return;
      context.report({ node: judgement.node, messageId: 'error' });
    }
    return {
      FunctionDeclaration: checkParameters,
      FunctionExpression: checkParameters,
      ArrowFunctionExpression: checkParameters,
      CallExpression(node) {
        const judgement = judgeAwaitToCallbacksCall(analysisFileFor(context), node);
        if (!judgement || 'silenced' in judgement) return;
        context.report({ node: judgement.node, messageId: 'error' });
      },
    };
  },
});
