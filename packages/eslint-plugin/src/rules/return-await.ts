import { findReturnAwaitProblems, type ReturnAwaitMode, type ReturnAwaitProblem, returnAwaitModes } from '@asyncwise/analysis';
import type { TSESTree } from '@typescript-eslint/utils';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';

export type Options = [ReturnAwaitMode];
export type MessageIds =
  | 'disallowedPromiseAwait'
  | 'disallowedPromiseAwaitSuggestion'
  | 'nonPromiseAwait'
  | 'nonPromiseAwaitSuggestion'
  | 'requiredPromiseAwait'
  | 'requiredPromiseAwaitSuggestion';

const reports: Record<ReturnAwaitProblem, { readonly messageId: MessageIds; readonly suggestion: MessageIds }> = {
  'disallowed-await': { messageId: 'disallowedPromiseAwait', suggestion: 'disallowedPromiseAwaitSuggestion' },
  'non-promise-await': { messageId: 'nonPromiseAwait', suggestion: 'nonPromiseAwaitSuggestion' },
  'required-await': { messageId: 'requiredPromiseAwait', suggestion: 'requiredPromiseAwaitSuggestion' },
};

const modeDescriptions: Record<ReturnAwaitMode, string> = {
  'in-try-catch':
    'In error-handling contexts, the rule enforces that returned promises must be awaited. In ordinary contexts, the rule enforces that returned promises _must not_ be awaited.',
  always: 'Requires that all returned promises be awaited.',
  'error-handling-correctness-only':
    'In error-handling contexts, the rule enforces that returned promises must be awaited. In ordinary contexts, the rule does not enforce any particular behavior around whether returned promises are awaited.',
  never: 'Disallows awaiting any returned promises.',
};

export default createRule<Options, MessageIds>({
  name: 'return-await',
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce consistent awaiting of returned promises',
      // Not in `recommended`: outside try/catch it is a matter of style (typescript-eslint keeps it
      // out of its recommended configs too, and in `strict` as `error-handling-correctness-only`).
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    // typescript-eslint's messages word for word; `nonPromiseAwaitSuggestion` is ours (theirs is a fix).
    messages: {
      disallowedPromiseAwait: 'Returning an awaited promise is not allowed in this context.',
      disallowedPromiseAwaitSuggestion: 'Remove `await` before the expression. Use caution as this may impact control flow.',
      nonPromiseAwait: 'Returning an awaited value that is not a promise is not allowed.',
      nonPromiseAwaitSuggestion: 'Remove `await`: the value is not a promise.',
      requiredPromiseAwait: 'Returning an awaited promise is required in this context.',
      requiredPromiseAwaitSuggestion: 'Add `await` before the expression. Use caution as this may impact control flow.',
    },
    schema: [{ type: 'string', oneOf: returnAwaitModes.map((mode) => ({ type: 'string', description: modeDescriptions[mode], enum: [mode] })) }],
    defaultOptions: ['in-try-catch'],
  },
  create(context, [mode]) {
    const check = (site: TSESTree.ReturnStatement | TSESTree.ArrowFunctionExpression) => {
      for (const finding of findReturnAwaitProblems(analysisFileFor(context), site, mode)) {
        const { messageId, suggestion } = reports[finding.problem];
        context.report({ node: finding.node, messageId, ...(finding.plan ? getSuggestions([{ plan: finding.plan, messageId: suggestion }]) : {}) });
      }
    };
    return {
      ReturnStatement: check,
      'ArrowFunctionExpression[async=true]': check,
    };
  },
});
