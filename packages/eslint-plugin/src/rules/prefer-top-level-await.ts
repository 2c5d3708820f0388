import { findTopLevelPromise } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'promise' | 'iife' | 'identifier' | 'addAwait';

export default createRule<Options, MessageIds>({
  name: 'prefer-top-level-await',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce top-level `await` over top-level promise chains and async function calls in ES modules',
      // A style rule: asyncwise's configs hold correctness rules.
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    // eslint-plugin-unicorn's messages word for word.
    messages: {
      promise: 'Prefer top-level await over using a promise chain.',
      iife: 'Prefer top-level await over an async IIFE.',
      identifier: 'Prefer top-level await over an async function `{{name}}` call.',
      addAwait: 'Insert `await`.',
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename.toLowerCase();
    // A Svelte component's script is no module top level of its own, as unicorn holds.
    if (filename.endsWith('.svelte')) return {};
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const finding = findTopLevelPromise(analysisFileFor(context), node, context.filename);
        if (!finding || 'silenced' in finding) return;
        context.report({
          node: finding.node,
          messageId: finding.kind,
          ...(finding.name !== null ? { data: { name: finding.name } } : {}),
          ...(finding.plan ? getFixOrSuggest(finding.plan, 'addAwait') : {}),
        });
      },
    };
  },
});
