import { defaultTestFilePatterns, findHandBuiltSignals } from '@asyncwise/analysis';
import { analysisFileFor, relativeFilenameOf } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';
import { testFilesOption } from '../options';

export type Options = [{ testFiles?: string[] }];
export type MessageIds = 'preferAbortSignalTimeout' | 'suggestReplace';

export default createRule<Options, MessageIds>({
  name: 'prefer-abort-signal-timeout',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce `AbortSignal.timeout(ms)` over an `AbortController` that only a timer aborts',
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      preferAbortSignalTimeout:
        'This `AbortController` exists only to be aborted by this timer: `{{replacement}}` is the same deadline, without a timer that keeps the process alive or an id to clear. Use it.',
      suggestReplace: 'Replace the controller and its timer with `{{replacement}}` (it aborts with a `TimeoutError`, not an `AbortError`).',
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
          if (signal.kind !== 'timeout') continue;
          const data = { replacement: signal.replacement };
          context.report({ node: signal.node, messageId: 'preferAbortSignalTimeout', data, ...getFixOrSuggest(signal.plan, 'suggestReplace', data) });
        }
      },
    };
  },
});
