import { findMultipleResolves } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [];
export type MessageIds = 'alreadyResolved' | 'potentiallyAlreadyResolved';

export default createRule<Options, MessageIds>({
  name: 'no-multiple-resolved',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating new promises with paths that resolve multiple times',
      recommended: true,
      requiresTypeChecking: false,
    },
    // eslint-plugin-promise's messages, and the remedy.
    messages: {
      alreadyResolved: 'Promise should not be resolved multiple times. Promise is already resolved on line {{line}}. Return after settling it.',
      potentiallyAlreadyResolved:
        'Promise should not be resolved multiple times. Promise is potentially resolved on line {{line}}. Return after settling it, or make the paths exclusive.',
    },
    schema: [],
  },
  create(context) {
    return {
      'NewExpression[arguments.length=1]'(node: TSESTree.NewExpression) {
        for (const finding of findMultipleResolves(analysisFileFor(context), node)) {
          context.report({
            node: finding.node,
            messageId: finding.kind === 'certain' ? 'alreadyResolved' : 'potentiallyAlreadyResolved',
            data: { line: finding.settledBy.loc.start.line },
          });
        }
      },
    };
  },
});
