import { judgePreferCatch } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'preferCatchToThen' | 'catchThenThen';

export default createRule<Options, MessageIds>({
  name: 'prefer-catch',
  meta: {
    type: 'suggestion',
    docs: { description: 'Enforce `catch()` instead of a rejection handler passed to `then()`', recommended: false, requiresTypeChecking: false },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      // eslint-plugin-promise's message, and the remedy.
      preferCatchToThen: 'Prefer `catch` to `then(a, b)`/`then(null, b)`: a rejection handler reads as `catch()`.',
      catchThenThen: 'Write `catch(b).then(a)` (then `a` also runs after `b` recovers, with its value).',
    },
    schema: [],
  },
  create(context) {
    return {
      'CallExpression[callee.property.name="then"]'(node) {
        const judgement = judgePreferCatch(analysisFileFor(context), node);
        if (!judgement || 'silenced' in judgement) return;
        context.report({ node: judgement.property, messageId: 'preferCatchToThen', ...getFixOrSuggest(judgement.plan, 'catchThenThen') });
      },
    };
  },
});
