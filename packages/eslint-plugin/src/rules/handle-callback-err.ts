import { errorParameterMatcher, judgeHandleCallbackErr } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [string];
export type MessageIds = 'expected';

export default createRule<Options, MessageIds>({
  name: 'handle-callback-err',
  meta: {
    type: 'suggestion',
    docs: {
      description: "Require a callback's error parameter to be handled",
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      // ESLint core's and eslint-plugin-n's message, and the remedy.
      expected: 'Expected error to be handled: `{{name}}` is never read. Check it (`if ({{name}}) …`) or pass it on.',
    },
    schema: [
      {
        type: 'string',
        description: 'The name of the error parameter, or a regular expression (Unicode flag) when it starts with `^`.',
      },
    ],
    defaultOptions: ['err'],
  },
  create(context, [errorArgument]) {
    const matches = errorParameterMatcher(errorArgument);
    function check(node: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): void {
      // Cheap gate first: the first parameter must be there at all.
      if (node.params.length === 0) return;
      const judgement = judgeHandleCallbackErr(analysisFileFor(context), node, matches);
      if (!judgement || 'silenced' in judgement) return;
      // Reported on the function, where ESLint core and eslint-plugin-n report it.
      context.report({ node, messageId: 'expected', data: { name: judgement.param.name } });
    }
    return { FunctionDeclaration: check, FunctionExpression: check, ArrowFunctionExpression: check };
  },
});
