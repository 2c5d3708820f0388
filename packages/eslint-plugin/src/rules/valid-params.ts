import { judgeValidParams } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [{ exclude?: string[] }];
export type MessageIds = 'requireOneOptionalArgument' | 'requireOneArgument' | 'requireTwoOptionalArguments';

export default createRule<Options, MessageIds>({
  name: 'valid-params',
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce the number of arguments passed to promise methods and `Promise` statics',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      // eslint-plugin-promise's messages, and what happens to the extra or missing arguments.
      requireOneOptionalArgument: 'Promise.{{name}}() requires 0 or 1 arguments, but received {{numArgs}}: the others are ignored.',
      requireOneArgument: 'Promise.{{name}}() requires 1 argument, but received {{numArgs}}: a missing one is undefined, extra ones are ignored.',
      requireTwoOptionalArguments: 'Promise.{{name}}() requires 1 or 2 arguments, but received {{numArgs}}: a missing handler does nothing, extra ones are ignored.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          exclude: { type: 'array', items: { type: 'string' }, description: 'Method names not to check (`then`, `catch`, `resolve` …).' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ exclude: [] }],
  },
  create(context, [options]) {
    return {
      'CallExpression[callee.type="MemberExpression"]'(node) {
        const judgement = judgeValidParams(analysisFileFor(context), node, options.exclude);
        if (!judgement || 'silenced' in judgement) return;
        context.report({ node, messageId: judgement.rule, data: { name: judgement.name, numArgs: judgement.count } });
      },
    };
  },
});
