import { findNewStatic } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'avoidNewStatic' | 'removeNew';

export default createRule<Options, MessageIds>({
  name: 'no-new-statics',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow calling `new` on a `Promise` static method', recommended: false, requiresTypeChecking: false },
    hasSuggestions: true,
    messages: {
      // eslint-plugin-promise's message, and the remedy.
      avoidNewStatic: "Avoid calling 'new' on 'Promise.{{name}}()': it is no constructor, and this throws a TypeError. Call it without `new`.",
      removeNew: 'Remove `new` (the code then runs `Promise.{{name}}()` instead of throwing).',
    },
    schema: [],
  },
  create(context) {
    return {
      'NewExpression[callee.type="MemberExpression"]'(node) {
        const finding = findNewStatic(analysisFileFor(context), node);
        if (!finding) return;
        context.report({ node, messageId: 'avoidNewStatic', data: { name: finding.name }, ...getFixOrSuggest(finding.plan, 'removeNew', { name: finding.name }) });
      },
    };
  },
});
