import { findUselessPromiseWrap } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [{ allowReject?: boolean }];
export type MessageIds = 'resolve' | 'reject' | 'unwrap';

export default createRule<Options, MessageIds>({
  name: 'no-useless-promise-resolve-reject',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow returning or yielding `Promise.resolve()` or `Promise.reject()` in async functions and promise callbacks',
      // A style rule: asyncwise's configs hold correctness rules.
      recommended: false,
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    // eslint-plugin-unicorn's messages word for word; the suggestion is ours (unicorn always fixes).
    messages: {
      resolve: 'Prefer `{{type}} value` over `{{type}} Promise.resolve(value)`.',
      reject: 'Prefer `throw error` over `{{type}} Promise.reject(error)`.',
      unwrap: 'Remove the wrapper (the function then settles a few microtask ticks sooner: see the rule page).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { allowReject: { type: 'boolean', description: 'Allow `return Promise.reject(error)`, as `no-return-wrap` does.' } },
      },
    ],
    defaultOptions: [{ allowReject: false }],
  },
  create(context, [options]) {
    return {
      'CallExpression[callee.type="MemberExpression"][callee.object.name="Promise"]'(node: TSESTree.CallExpression) {
        const finding = findUselessPromiseWrap(analysisFileFor(context), node, options);
        if (!finding || 'silenced' in finding) return;
        context.report({
          node: finding.node,
          messageId: finding.kind,
          data: { type: finding.keyword },
          ...(finding.plan ? getFixOrSuggest(finding.plan, 'unwrap') : {}),
        });
      },
    };
  },
});
