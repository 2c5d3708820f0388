import { defaultTestFilePatterns, findHandBuiltSignals } from '@asyncwise/analysis';
import { analysisFileFor, relativeFilenameOf } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';
import { testFilesOption } from '../options';

export type Options = [{ testFiles?: string[] }];
export type MessageIds = 'preferAbortSignalAny' | 'suggestReplace';

export default createRule<Options, MessageIds>({
  name: 'prefer-abort-signal-any',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce `AbortSignal.any([...])` over an `AbortController` that only follows other signals',
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      preferAbortSignalAny:
        'This `AbortController` only follows other signals: `{{replacement}}` combines them, checks whether one is already aborted and drops its listeners once it aborts. Use it.',
      suggestReplace: 'Replace the controller, its listeners and timer with `{{replacement}}` (it aborts with the source’s reason).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          testFiles: testFilesOption(
            'test files, which are left alone: a timer that aborts a controller there mostly plays a user who cancels',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ testFiles: [...defaultTestFilePatterns] }],
  },
  create(context, [options]) {
    return {
      // One call per file: the analysis judges every controller once and caches the result (the sibling rule shares it).
      'Program:exit'() {
        const file = analysisFileFor(context);
        for (const signal of findHandBuiltSignals(file, { relativePath: relativeFilenameOf(context), testFiles: options.testFiles }).signals) {
          if (signal.kind !== 'any') continue;
          const data = { replacement: signal.replacement };
          context.report({ node: signal.node, messageId: 'preferAbortSignalAny', data, ...getFixOrSuggest(signal.plan, 'suggestReplace', data) });
        }
      },
    };
  },
});
