import { findForAwaitPromiseArrays } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'forAwaitPromiseArray' | 'suggestPromiseAll';

export default createRule<Options, MessageIds>({
  name: 'no-for-await-promise-array',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `for await` over an array of promises that have already started',
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      forAwaitPromiseArray:
        'Every promise of this array is already running, but `for await` waits for them one at a time: one that rejects before the loop reaches it is an unhandled rejection. Await them together with `Promise.all` (or `Promise.allSettled`).',
      suggestPromiseAll: 'Loop over `await Promise.all(…)` (the first rejection then ends the loop before its body runs for any element).',
    },
    schema: [],
  },
  create(context) {
    return {
      // One call per file: a text test for `for await` first, then each loop is judged once.
      'Program:exit'() {
        const file = analysisFileFor(context);
        for (const loop of findForAwaitPromiseArrays(file).loops) {
          context.report({ node: loop.node.right, messageId: 'forAwaitPromiseArray', ...getSuggestions([{ plan: loop.allPlan, messageId: 'suggestPromiseAll' }]) });
        }
      },
    };
  },
});
