import { findAwaitMemberAccess } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'awaitMember' | 'destructure';

export default createRule<Options, MessageIds>({
  name: 'no-await-expression-member',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow member access from await expression',
      // A style rule: unicorn has it in `recommended`; asyncwise's configs hold correctness rules.
      recommended: false,
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    // eslint-plugin-unicorn's message word for word; the suggestion is ours (unicorn fixes).
    messages: {
      awaitMember: 'Do not access a member directly from an await expression.',
      destructure: 'Destructure the awaited value (an array pattern iterates where `[0]` indexes).',
    },
    schema: [],
  },
  create(context) {
    return {
      MemberExpression(node) {
        const finding = findAwaitMemberAccess(analysisFileFor(context), node);
        if (!finding) return;
        context.report({
          node: finding.property,
          messageId: 'awaitMember',
          ...(finding.destructure ? getFixOrSuggest(finding.destructure, 'destructure') : {}),
        });
      },
    };
  },
});
