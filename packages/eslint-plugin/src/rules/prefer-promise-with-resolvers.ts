import { enginesPredateStatic, findExtractedResolvers } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'preferPromiseWithResolvers';

export default createRule<Options, MessageIds>({
  name: 'prefer-promise-with-resolvers',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce `Promise.withResolvers()` over extracting resolver functions from `new Promise()`',
      // A style rule that needs Node 22: asyncwise's configs hold correctness rules.
      recommended: false,
      requiresTypeChecking: false,
    },
    fixable: 'code',
    // eslint-plugin-unicorn's message word for word.
    messages: {
      preferPromiseWithResolvers: 'Prefer `Promise.withResolvers()` over extracting resolver functions from `new Promise()`.',
    },
    schema: [],
  },
  create(context) {
    // A project that says it runs on a Node without the static gets no advice to call it.
    if (enginesPredateStatic(context.filename, 'withResolvers')) return {};
    return {
      'NewExpression[arguments.length=1]'(node: Parameters<typeof findExtractedResolvers>[1]) {
        const finding = findExtractedResolvers(analysisFileFor(context), node);
        if (!finding) return;
        context.report({
          node,
          messageId: 'preferPromiseWithResolvers',
          ...(finding.plan ? getFixOrSuggest(finding.plan, 'preferPromiseWithResolvers') : {}),
        });
      },
    };
  },
});
