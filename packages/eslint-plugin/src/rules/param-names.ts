import { findMisnamedExecutorParams } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [{ resolvePattern?: string; rejectPattern?: string }];
export type MessageIds = 'resolveParamNames' | 'rejectParamNames';

export default createRule<Options, MessageIds>({
  name: 'param-names',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce consistent names for the parameters of a `new Promise` executor',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      // eslint-plugin-promise's messages, and the remedy.
      resolveParamNames:
        'Promise constructor parameters must be named to match "{{resolvePattern}}": a reader takes the first one for the function that fulfils the promise. Rename it.',
      rejectParamNames:
        'Promise constructor parameters must be named to match "{{rejectPattern}}": a reader takes the second one for the function that rejects the promise. Rename it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          resolvePattern: { type: 'string', description: 'A regular expression the first parameter must match.' },
          rejectPattern: { type: 'string', description: 'A regular expression the second parameter must match.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ resolvePattern: '^_?resolve$', rejectPattern: '^_?reject$' }],
  },
  create(context, [options]) {
    return {
      'NewExpression[callee.name="Promise"]'(node) {
        for (const misnamed of findMisnamedExecutorParams(analysisFileFor(context), node, options)) {
          context.report({
            node: misnamed.param,
            messageId: misnamed.role === 'resolve' ? 'resolveParamNames' : 'rejectParamNames',
            data: misnamed.role === 'resolve' ? { resolvePattern: misnamed.pattern } : { rejectPattern: misnamed.pattern },
          });
        }
      },
    };
  },
});
