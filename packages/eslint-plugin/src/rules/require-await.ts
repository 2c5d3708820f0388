import { judgeRequireAwait } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'missingAwait' | 'removeAsync';

export default createRule<Options, MessageIds>({
  name: 'require-await',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow async functions which do not return promises and have no `await` expression',
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    // ESLint core's and typescript-eslint's messages word for word.
    messages: {
      missingAwait: "{{name}} has no 'await' expression.",
      removeAsync: "Remove 'async'.",
    },
    schema: [],
  },
  create(context) {
    const check = (node: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression) => {
      // Cheap gate first: most functions are not async.
      if (!node.async) return;
      const result = judgeRequireAwait(analysisFileFor(context), node);
      if (result?.kind !== 'report') return;
      const { finding } = result;
      const { sourceCode } = context;
      context.report({
        node,
        loc: { start: sourceCode.getLocFromIndex(finding.head[0]), end: sourceCode.getLocFromIndex(finding.head[1]) },
        messageId: 'missingAwait',
        data: { name: finding.name },
        ...getSuggestions([{ plan: finding.removeAsync, messageId: 'removeAsync' }]),
      });
    };
    return { FunctionDeclaration: check, FunctionExpression: check, ArrowFunctionExpression: check };
  },
});
