import { enginesPredateStatic, findPromiseTryConstructor, findResolveThenBoilerplate } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'preferPromiseTry';

export default createRule<Options, MessageIds>({
  name: 'prefer-promise-try',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce `Promise.try()` over promise-wrapping boilerplate',
      // A style rule that needs Node 24: asyncwise's configs hold correctness rules.
      recommended: false,
      requiresTypeChecking: false,
    },
    fixable: 'code',
    // eslint-plugin-unicorn's message word for word.
    messages: {
      preferPromiseTry: 'Prefer `Promise.try()` over promise-wrapping boilerplate.',
    },
    schema: [],
  },
  create(context) {
    // A project that says it runs on a Node without the static gets no advice to call it.
    if (enginesPredateStatic(context.filename, 'try')) return {};
    return {
      'NewExpression[arguments.length=1]'(node: TSESTree.NewExpression) {
        const finding = findPromiseTryConstructor(analysisFileFor(context), node);
        if (!finding) return;
        context.report({ node, messageId: 'preferPromiseTry', ...(finding.plan ? getFixOrSuggest(finding.plan, 'preferPromiseTry') : {}) });
      },
      // `Promise.resolve().then(f)`: reported, never rewritten (`Promise.try(f)` would run `f` earlier).
      'CallExpression[arguments.length=1][callee.property.name="then"]'(node: TSESTree.CallExpression) {
        const finding = findResolveThenBoilerplate(analysisFileFor(context), node);
        if (finding) context.report({ node, messageId: 'preferPromiseTry' });
      },
    };
  },
});
