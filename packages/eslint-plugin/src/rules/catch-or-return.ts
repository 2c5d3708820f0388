import { judgeCatchOrReturn } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [{ allowFinally?: boolean; allowThen?: boolean; allowThenStrict?: boolean; terminationMethod?: string | string[] }];
export type MessageIds = 'terminationMethod';

export default createRule<Options, MessageIds>({
  name: 'catch-or-return',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a promise chain used as a statement to end in `catch()` or be returned',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      // eslint-plugin-promise's message, and the remedy.
      terminationMethod:
        'Expected {{terminationMethod}}() or return: a rejection of this chain is unhandled. End it with {{terminationMethod}}(), or return or await it so the caller handles it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowFinally: { type: 'boolean', description: 'Also accept `catch()` followed by `finally()` (and any accepted ending followed by `finally()`).' },
          allowThen: { type: 'boolean', description: 'Accept `then(onFulfilled, onRejected)` as an ending.' },
          allowThenStrict: { type: 'boolean', description: 'Accept only `then(null, onRejected)` as an ending among `then` calls.' },
          terminationMethod: {
            description: 'The method names that end a chain, instead of `catch`.',
            oneOf: [
              { type: 'string', description: 'One method name.' },
              { type: 'array', items: { type: 'string' }, description: 'Several method names.' },
            ],
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowFinally: false, allowThen: false, allowThenStrict: false, terminationMethod: 'catch' }],
  },
  create(context, [options]) {
    return {
      // A statement of a chain is the only shape judged: a returned, awaited or kept chain is handled elsewhere.
      ExpressionStatement(node) {
        if (node.expression.type !== 'CallExpression' && node.expression.type !== 'ChainExpression') return;
        const judgement = judgeCatchOrReturn(analysisFileFor(context), node, options);
        if (!judgement || 'silenced' in judgement) return;
        context.report({ node, messageId: 'terminationMethod', data: { terminationMethod: judgement.terminationMethods.join('() or ') } });
      },
    };
  },
});
