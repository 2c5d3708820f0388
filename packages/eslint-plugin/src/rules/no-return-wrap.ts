import { judgeReturnWrap } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [{ allowReject?: boolean }];
export type MessageIds = 'resolve' | 'reject';

export default createRule<Options, MessageIds>({
  name: 'no-return-wrap',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow wrapping values returned from a promise handler in `Promise.resolve` or `Promise.reject`',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      // eslint-plugin-promise's messages, and the remedy.
      resolve: 'Avoid wrapping return values in Promise.resolve: the chain already wraps what a handler returns. Return the value itself.',
      reject: 'Expected throw instead of Promise.reject: a handler that throws rejects the chain the same way. Throw the error.',
    },
    schema: [
      {
        type: 'object',
        properties: { allowReject: { type: 'boolean', description: 'Allow `return Promise.reject(error)` in a handler.' } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowReject: false }],
  },
  create(context, [options]) {
    function check(call: TSESTree.CallExpression, node: TSESTree.Node) {
      const judgement = judgeReturnWrap(analysisFileFor(context), call, node, options);
      if (!judgement || 'silenced' in judgement) return;
      context.report({ node: judgement.node, messageId: judgement.kind });
    }
    return {
      'ReturnStatement[argument.type="CallExpression"]'(node: TSESTree.ReturnStatement & { argument: TSESTree.CallExpression }) {
        check(node.argument, node);
      },
      'ArrowFunctionExpression > CallExpression.body'(node: TSESTree.CallExpression) {
        check(node, node);
      },
    };
  },
});
