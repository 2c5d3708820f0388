import { findFinallyDisposals, supportsAwaitUsing } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'preferAwaitUsing' | 'suggestAwaitUsing';

export default createRule<Options, MessageIds>({
  name: 'prefer-await-using',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer `await using` to a `try/finally` whose `finally` only disposes the resources declared just before it',
      recommended: false,
      strict: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      preferAwaitUsing:
        'This `finally` only does what disposing {{names}} does ({{release}}): declare {{them}} with `await using` and the `try/finally` goes, with the disposal where it was.',
      suggestAwaitUsing: 'Declare {{names}} with `await using` and drop the `finally`.',
    },
    schema: [],
  },
  create(context) {
    return {
      // One call per file: a text test first, then each try/finally is judged once.
      'Program:exit'() {
        const file = analysisFileFor(context);
        // Only where the project can compile or run it, and only the rewrites that keep the disposal where it was.
        if (!supportsAwaitUsing(context.filename)) return;
        for (const disposal of findFinallyDisposals(file, { awaitUsing: true })) {
          if (disposal.plan.level === 'refused') continue;
          const names = disposal.resources.map((r) => `\`${r.name}\``).join(' and ');
          const release = [...new Set(disposal.resources.map((r) => `\`${r.api.resource}\``))].join(' or ');
          const data = { names, release: `a ${release}'s \`Symbol.asyncDispose\``, them: disposal.resources.length === 1 ? 'it' : 'them' };
          context.report({
            node: disposal.node,
            messageId: 'preferAwaitUsing',
            data,
            ...getSuggestions([{ plan: disposal.plan, messageId: 'suggestAwaitUsing', data: { names } }]),
          });
        }
      },
    };
  },
});
