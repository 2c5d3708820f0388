import { defaultTestFilePatterns, findLeakedTimers } from '@asyncwise/analysis';
import { analysisFileFor, relativeFilenameOf } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';
import { testFilesOption } from '../options';

export type Options = [{ testFiles?: string[] }];
export type MessageIds = 'leakedRaceTimer' | 'leakedRaceTimerAbortable' | 'leakedExecutorTimer' | 'suggestSignalTimeout' | 'suggestClearTimer';

export default createRule<Options, MessageIds>({
  name: 'no-leaked-timer',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `setTimeout` timeouts that are never cleared once the work they bound has settled',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      leakedRaceTimer:
        'This timeout’s timer is never cleared: when the raced work settles first, the timer still keeps the process alive for its whole delay and fires late. Keep its id and clear it once the race settles.',
      leakedRaceTimerAbortable:
        'This timeout’s timer is never cleared: when `{{operation}}` settles first, the timer still keeps the process alive for its whole delay and fires late. Pass `AbortSignal.timeout(ms)` to `{{operation}}` instead, or clear the timer once the race settles.',
      leakedExecutorTimer:
        'This timer is never cleared when the other work settles the promise first: it keeps the process alive for its whole delay and fires late. Keep its id and clear it where that work settles.',
      suggestSignalTimeout:
        'Pass `AbortSignal.timeout(…)` to `{{operation}}` instead of racing a timer (the deadline then bounds the whole call, a response body read later included, and it rejects with a `TimeoutError`, not the timer’s error).',
      suggestClearTimer: 'Keep the timer’s id and clear it once the race settles.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          testFiles: testFilesOption(
            'test files, which are left alone: a timeout there guards a test against hanging, and the test run bounds the timer',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ testFiles: [...defaultTestFilePatterns] }],
  },
  create(context, [options]) {
    return {
      // One call per file: the analysis resolves every timer once (text tests first) and caches the result.
      'Program:exit'() {
        const file = analysisFileFor(context);
        for (const timer of findLeakedTimers(file, { filename: context.filename, relativePath: relativeFilenameOf(context), testFiles: options.testFiles }).timers) {
          const operation = timer.operation ?? '';
          context.report({
            node: timer.node,
            messageId: timer.kind === 'executor' ? 'leakedExecutorTimer' : timer.operation ? 'leakedRaceTimerAbortable' : 'leakedRaceTimer',
            data: { operation },
            ...getSuggestions([
              { plan: timer.signalPlan, messageId: 'suggestSignalTimeout', data: { operation } },
              { plan: timer.clearPlan, messageId: 'suggestClearTimer' },
            ]),
          });
        }
      },
    };
  },
});
