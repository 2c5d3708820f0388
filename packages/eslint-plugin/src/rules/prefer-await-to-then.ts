import { findThenChains } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [{ strict?: boolean }];
export type MessageIds = 'preferAwaitToThen' | 'preferAwaitToThenByHand' | 'suggestAsyncAwait';

export default createRule<Options, MessageIds>({
  name: 'prefer-await-to-then',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce `await` instead of the `then()`/`catch()`/`finally()` chain a function returns',
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      preferAwaitToThen: 'Prefer await to then()/catch()/finally(). This `{{methods}}` chain can be the body of an async function.',
      preferAwaitToThenByHand: 'Prefer await to then()/catch()/finally(). This `{{methods}}` chain is not rewritten automatically: {{why}}.',
      suggestAsyncAwait:
        'Make the function async and await the chain (the awaits take other ticks than the callbacks, and a synchronous throw becomes a rejection).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          strict: {
            type: 'boolean',
            description:
              "eslint-plugin-promise's option: also report chains on a known promise that are not a function's result (awaited, yielded, passed on, in a constructor), which have no rewrite.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ strict: false }],
  },
  create(context, [options]) {
    return {
      // One call per file: the analysis finds every chain once and caches the result.
      'Program:exit'() {
        const file = analysisFileFor(context);
        for (const chain of findThenChains(file, { strict: options.strict })) {
          const refusal = chain.plan.refusals[0];
          // A chain on a value nothing shows is a promise may be zod's `.catch` or fp-ts's `.then`, and
          // one shown not to be a promise is such a method for sure: silent on both.
          if (refusal?.reason === 'receiver-not-known-promise' || refusal?.reason === 'receiver-not-promise') continue;
          const why = refusal?.message.replace(/\.$/, '');
          context.report({
            node: chain.reportNode,
            messageId: why === undefined ? 'preferAwaitToThen' : 'preferAwaitToThenByHand',
            data: { methods: chain.methods, why },
            ...getFixOrSuggest(chain.plan, 'suggestAsyncAwait'),
          });
        }
      },
    };
  },
});
