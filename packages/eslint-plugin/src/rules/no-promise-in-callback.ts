import { judgePromiseInCallback } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [{ exemptDeclarations?: boolean }];
export type MessageIds = 'avoidPromiseInCallback';

export default createRule<Options, MessageIds>({
  name: 'no-promise-in-callback',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow using promises inside of error-first callbacks',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      // eslint-plugin-promise's message, and the remedy.
      avoidPromiseInCallback:
        "Avoid using promises inside of callbacks: the chain's errors cannot reach the callback's caller. Promisify the callback API and await both, or return the chain.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          exemptDeclarations: { type: 'boolean', description: 'Do not treat function declarations with an `err`/`error` first parameter as callbacks.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ exemptDeclarations: false }],
  },
  create(context, [options]) {
    return {
      CallExpression(node) {
        const judgement = judgePromiseInCallback(analysisFileFor(context), node, options);
        if (!judgement || 'silenced' in judgement) return;
        context.report({ node: judgement.callee, messageId: 'avoidPromiseInCallback' });
      },
    };
  },
});
