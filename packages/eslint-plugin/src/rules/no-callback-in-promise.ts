import { judgeCallbackInPromise } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [{ exceptions?: string[]; timeoutsErr?: boolean }];
export type MessageIds = 'callback';

export default createRule<Options, MessageIds>({
  name: 'no-callback-in-promise',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow calling a callback from inside a `then()` or `catch()` handler',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      // eslint-plugin-promise's message, and the remedy.
      callback:
        'Avoid calling back inside of a promise: a throw in the callback becomes a rejection, and a later catch() may call back again. Use util.callbackify, or call back outside the chain.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          exceptions: { type: 'array', items: { type: 'string' }, description: 'Callback names not to report (of `callback`, `cb`, `next`, `done`).' },
          timeoutsErr: { type: 'boolean', description: 'Also report callbacks called from a timer callback (`setTimeout`, `setImmediate`, `nextTick`, `requestAnimationFrame`) inside a handler, and callbacks handed to a timer there (`setTimeout(cb)`).' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ exceptions: [], timeoutsErr: false }],
  },
  create(context, [options]) {
    return {
      CallExpression(node) {
        const judgement = judgeCallbackInPromise(analysisFileFor(context), node, options);
        if (!judgement || 'silenced' in judgement) return;
        context.report({ node: judgement.node, messageId: 'callback' });
      },
    };
  },
});
