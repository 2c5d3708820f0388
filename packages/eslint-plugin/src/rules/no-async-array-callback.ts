import { asyncArrayCallbackAt, asyncCallbackHarms, mayTakeAsyncArrayCallback } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [{ requireArrayProof?: boolean }];
export type MessageIds = 'asyncCallback' | 'suggestForOf' | 'suggestPromiseAll';

export default createRule<Options, MessageIds>({
  name: 'no-async-array-callback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow async callbacks where `forEach`, `filter`, `some`, `find`, `reduce`, `sort` and their kin do not wait for them',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      asyncCallback:
        '`{{method}}` does not wait for its async callback: {{harm}}. Loop with `for…of` and `await`, or `await Promise.all(….map(…))` and use the results.',
      suggestForOf: 'Loop with `for…of` and `await` each call in turn (one at a time, in order; the first rejection stops the loop).',
      suggestPromiseAll: 'Await every call with `Promise.all` (all start at once; the first rejection rejects, while the others keep running).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requireArrayProof: {
            type: 'boolean',
            description:
              'Report only receivers shown to be arrays or iterators (a literal, `Array.from`, `Object.keys`, an array method’s result, a declared array type). Off by default: any receiver of these methods is reported unless something shows it is another kind (a Node stream, a promise).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireArrayProof: false }],
  },
  create(context, [options]) {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        // The shape first (a catalogued name, a callback that may be async): no scope or oracle question before it.
        if (!mayTakeAsyncArrayCallback(node)) return;
        const found = asyncArrayCallbackAt(analysisFileFor(context), node, { requireArrayProof: options.requireArrayProof });
        if (found === null || typeof found === 'string') return;
        context.report({
          node: found.callback,
          messageId: 'asyncCallback',
          data: { method: found.method, harm: asyncCallbackHarms[found.harm] },
          ...getSuggestions([
            { plan: found.forOf, messageId: 'suggestForOf' },
            { plan: found.promiseAll, messageId: 'suggestPromiseAll' },
          ]),
        });
      },
    };
  },
});
