import { judgeAlwaysReturn } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [{ ignoreLastCallback?: boolean; ignoreAssignmentVariable?: string[] }];
export type MessageIds = 'thenShouldReturnOrThrow';

export default createRule<Options, MessageIds>({
  name: 'always-return',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require each `then()` handler on a promise to return a value or throw on every path',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      // eslint-plugin-promise's message, and the remedy.
      thenShouldReturnOrThrow:
        'Each then() should return a value or throw: on a path that ends without either, the next handler gets `undefined`. Return the value the chain should carry on, or throw.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ignoreLastCallback: {
            type: 'boolean',
            description: 'Do not check the last `then()` of a chain whose result is discarded.',
          },
          ignoreAssignmentVariable: {
            type: 'array',
            items: { type: 'string', pattern: '^[\\w$]+$' },
            uniqueItems: true,
            description: 'In the last `then()`, an assignment to a member of one of these names counts as using the value.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreLastCallback: false, ignoreAssignmentVariable: ['globalThis'] }],
  },
  create(context, [options]) {
    return {
      // Cheap gate: only `….then(function or block arrow)` reaches the analysis.
      'CallExpression[arguments.0.type=/^(FunctionExpression|ArrowFunctionExpression)$/]'(node) {
        const judgement = judgeAlwaysReturn(analysisFileFor(context), node, options);
        if (!judgement || 'silenced' in judgement) return;
        context.report({ node: judgement.handler, messageId: 'thenShouldReturnOrThrow' });
      },
    };
  },
});
