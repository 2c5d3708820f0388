import { findUnboundedLimiterCalls } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [];
export type MessageIds = 'defaultInfinite' | 'writtenInfinite' | 'missingBound' | 'unboundedName';

/** How a limiter's bound is written, for the message: `{ concurrency: 8 }`, `8`. */
function boundHint(limit: { kind: string; property?: string }): string {
  return limit.kind === 'option' ? `{ ${limit.property ?? 'concurrency'}: 8 }` : '8';
}

export default createRule<Options, MessageIds>({
  name: 'require-concurrency-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a finite bound on calls of concurrency helpers whose default runs everything at once (p-map, p-queue, async’s `each`/`map`)',
      recommended: true,
      requiresTypeChecking: false,
    },
    messages: {
      defaultInfinite: '`{{name}}` without a bound runs every task at once. Pass one: {{hint}}.',
      writtenInfinite: '`{{name}}` with an `Infinity` bound runs every task at once. Pass a finite one: {{hint}}.',
      missingBound: '`{{name}}` needs a bound and throws without one. Pass one: {{hint}}.',
      unboundedName: '`{{name}}` runs every task at once. Use `{{bounded}}` with a bound instead.',
    },
    schema: [],
  },
  create(context) {
    return {
      // One call per file: the analysis starts from the bindings of the catalogued packages.
      'Program:exit'() {
        const file = analysisFileFor(context);
        for (const call of findUnboundedLimiterCalls(file).calls) {
          const name = file.text.slice(call.node.callee.range[0], call.node.callee.range[1]);
          const { limiter } = call;
          if (limiter.limit.kind === 'none' && limiter.bounded) {
            context.report({ node: call.node, messageId: 'unboundedName', data: { name, bounded: limiter.bounded } });
            continue;
          }
          const hint = boundHint(limiter.limit);
          const messageId = call.problem === 'missing' ? 'missingBound' : call.problem === 'written-infinite' ? 'writtenInfinite' : 'defaultInfinite';
          context.report({ node: call.node, messageId, data: { name, hint } });
        }
      },
    };
  },
});
