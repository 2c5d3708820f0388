import { findUnpropagatedSignals } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'propagateAbortSignal' | 'propagateAbortSignalByHand' | 'suggestPassSignal';

export default createRule<Options, MessageIds>({
  name: 'propagate-abort-signal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the `AbortSignal` in scope to be passed to the abortable calls made with it',
      recommended: true,
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      propagateAbortSignal:
        '`{{name}}()` can be cancelled, and `{{signal}}` is in scope, but the call does not get it: aborting `{{signal}}` leaves this call running. Pass `{{signal}}` to it.',
      propagateAbortSignalByHand:
        '`{{name}}()` can be cancelled, and `{{signal}}` is in scope, but the call does not get it: aborting `{{signal}}` leaves this call running. {{why}}.',
      suggestPassSignal: 'Pass `{{signal}}` to `{{name}}()`.',
    },
    schema: [],
  },
  create(context) {
    return {
      // One call per file: the analysis finds every catalogued call once (a text test first) and caches the result.
      'Program:exit'() {
        const file = analysisFileFor(context);
        for (const call of findUnpropagatedSignals(file).calls) {
          const why = call.plan.refusals[0]?.message.replace(/\.$/, '');
          context.report({
            node: call.node,
            messageId: why ? 'propagateAbortSignalByHand' : 'propagateAbortSignal',
            data: { name: call.name, signal: call.signal, why },
            ...getFixOrSuggest(call.plan, 'suggestPassSignal', { name: call.name, signal: call.signal }),
          });
        }
      },
    };
  },
});
