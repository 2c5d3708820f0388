import { findTrivialPromiseConstructor } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'resolve' | 'reject' | 'useStatic';

export default createRule<Options, MessageIds>({
  name: 'prefer-promise-static-methods',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce `Promise.resolve()` and `Promise.reject()` over trivial `new Promise()` calls',
      // A style rule: asyncwise's configs hold correctness rules.
      recommended: false,
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    // eslint-plugin-unicorn's messages word for word; the suggestion is ours (unicorn always fixes).
    messages: {
      resolve: 'Prefer `Promise.resolve()` over a trivial `new Promise()`.',
      reject: 'Prefer `Promise.reject()` over a trivial `new Promise()`.',
      useStatic: 'Use `Promise.{{method}}()` (for a promise `Promise.resolve` gives it back instead of following it).',
    },
    schema: [],
  },
  create(context) {
    return {
      'NewExpression[arguments.length=1]'(node: Parameters<typeof findTrivialPromiseConstructor>[1]) {
        const finding = findTrivialPromiseConstructor(analysisFileFor(context), node);
        if (!finding) return;
        context.report({
          node,
          messageId: finding.method,
          ...(finding.plan ? getFixOrSuggest(finding.plan, 'useStatic', { method: finding.method }) : {}),
        });
      },
    };
  },
});
