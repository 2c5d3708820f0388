import { findFinallyDisposals, supportsAwaitUsing } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [{ assumeAwaitUsing?: boolean }];
export type MessageIds = 'preferAwaitUsing' | 'suggestAwaitUsing';

export default createRule<Options, MessageIds>({
  name: 'prefer-await-using',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce `await using` over a `try/finally` whose `finally` only disposes the resources declared just before it',
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
    schema: [
      {
        type: 'object',
        properties: {
          assumeAwaitUsing: {
            type: 'boolean',
            description:
              'Report without reading the project setup: for a project that compiles or runs `await using` in a way the rule does not read (a Babel or esbuild build, an `extends` naming a config that is not installed). By default the rule reports only where the nearest `tsconfig.json` gives `await using` its types and the declared TypeScript is ≥ 5.2, or, for JavaScript, `engines.node` is ≥ 24.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ assumeAwaitUsing: false }],
  },
  create(context, [options]) {
    return {
      // One call per file: a text test first, then each try/finally is judged once.
      'Program:exit'() {
        const file = analysisFileFor(context);
        // Only where the project can compile or run it, and only the rewrites that keep the disposal where it was.
        if (!options.assumeAwaitUsing && !supportsAwaitUsing(context.filename)) return;
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
