import { type ExecutorReturnSuggestionKind, findExecutorReturns, promiseExecutorOf } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [{ allowVoid?: boolean }];
export type MessageIds = 'returnsValue' | 'prependVoid' | 'wrapBraces';

const suggestionMessage: Record<ExecutorReturnSuggestionKind, MessageIds> = { prependVoid: 'prependVoid', wrapBraces: 'wrapBraces' };

export default createRule<Options, MessageIds>({
  name: 'no-promise-executor-return',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow returning values from Promise executor functions', recommended: false, requiresTypeChecking: false },
    hasSuggestions: true,
    // ESLint core's messages word for word.
    messages: {
      returnsValue: 'Return values from promise executor functions cannot be read.',
      prependVoid: 'Prepend `void` to the expression.',
      wrapBraces: 'Wrap the expression in `{}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowVoid: { type: 'boolean', description: 'Allow returning `void` expressions (`return void resolve()`, `(r) => void r()`).' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowVoid: false }],
  },
  create(context, [options]) {
    return {
      'NewExpression[callee.name="Promise"]'(node) {
        const file = analysisFileFor(context);
        const executor = promiseExecutorOf(file, node);
        if (!executor) return;
        for (const found of findExecutorReturns(file, executor, options)) {
          context.report({
            node: found.node,
            messageId: 'returnsValue',
            ...getSuggestions(found.suggestions.map((s) => ({ plan: s.plan, messageId: suggestionMessage[s.kind] }))),
          });
        }
      },
    };
  },
});
