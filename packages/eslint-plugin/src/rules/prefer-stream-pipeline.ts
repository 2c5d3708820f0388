import { findPipeChains, shortStreamText } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'preferStreamPipeline' | 'suggestPipeline' | 'suggestPipelinePromise';

export default createRule<Options, MessageIds>({
  name: 'prefer-stream-pipeline',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `pipeline` from `node:stream/promises` for `.pipe()` chains of Node streams that do not handle every stream\'s errors',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      preferStreamPipeline:
        '`.pipe()` does not forward errors, and {{streams}} no `error` listener: an error there is thrown as an uncaught exception, and the other streams stay open. Use `await pipeline(…)` from `node:stream/promises`, which destroys every stream and rejects once.',
      suggestPipeline: 'Await `pipeline(…)` from `node:stream/promises` (the function now waits for the streams, and any stream\'s error rejects it).',
      suggestPipelinePromise: 'Replace the `new Promise` by `pipeline(…)` from `node:stream/promises` (it settles the same way, and an error of any stream now rejects it).',
    },
    schema: [],
  },
  create(context) {
    return {
      // One call per file: the analysis finds every chain once (a file without `.pipe` costs a text test) and caches the result.
      'Program:exit'() {
        const file = analysisFileFor(context);
        for (const chain of findPipeChains(file).reported) {
          const names = chain.unhandled.map((stage) => `\`${shortStreamText(file, stage.node)}\``);
          context.report({
            node: chain.node,
            messageId: 'preferStreamPipeline',
            data: { streams: names.length === 1 ? `${names[0]} has` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} have` },
            // The plan pipe-to-pipeline applies; a suggestion, never a fix: when and where an error surfaces changes.
            ...getFixOrSuggest(chain.plan, chain.shape === 'promise-wrapper' ? 'suggestPipelinePromise' : 'suggestPipeline'),
          });
        }
      },
    };
  },
});
