import { isPromiseRejectCall, rejectCallsOf, rejectsWithNonError } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [{ allowEmptyReject?: boolean; allowThrowingAny?: boolean; allowThrowingUnknown?: boolean }];
export type MessageIds = 'rejectAnError';

export default createRule<Options, MessageIds>({
  name: 'prefer-promise-reject-errors',
  meta: {
    type: 'suggestion',
    docs: { description: 'Require using Error objects as Promise rejection reasons', recommended: true, requiresTypeChecking: false },
    // ESLint core's and typescript-eslint's message word for word.
    messages: { rejectAnError: 'Expected the Promise rejection reason to be an Error.' },
    schema: [
      {
        type: 'object',
        properties: {
          allowEmptyReject: { type: 'boolean', description: 'Whether to allow calls to `Promise.reject()` with no arguments.' },
          allowThrowingAny: { type: 'boolean', description: 'Whether to always allow throwing values typed as `any` (with type information).' },
          allowThrowingUnknown: { type: 'boolean', description: 'Whether to always allow throwing values typed as `unknown` (with type information).' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowEmptyReject: false, allowThrowingAny: false, allowThrowingUnknown: false }],
  },
  create(context, [options]) {
    return {
      CallExpression(node) {
        const file = analysisFileFor(context);
        if (isPromiseRejectCall(file, node) && rejectsWithNonError(file, node, options) === 'yes') {
          context.report({ node, messageId: 'rejectAnError' });
        }
      },
      'NewExpression[callee.name="Promise"]'(node) {
        const file = analysisFileFor(context);
        for (const call of rejectCallsOf(file, node)) {
          if (rejectsWithNonError(file, call, options) === 'yes') context.report({ node: call, messageId: 'rejectAnError' });
        }
      },
    };
  },
});
