import { defaultTestFilePatterns, findAwaitLoops } from '@asyncwise/analysis';
import { analysisFileFor, relativeFilenameOf } from '../analysis-file';
import { createRule } from '../create-rule';
import { testFilesOption } from '../options';

export type Options = [{ maxKnownLength?: number; testFiles?: string[] }];
export type MessageIds = 'awaitInIndependentLoop' | 'awaitInSmallLoop';

export default createRule<Options, MessageIds>({
  name: 'no-await-in-loop',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow `await` in loops whose iterations do not depend on each other',
      recommended: true,
      requiresTypeChecking: false,
    },
    messages: {
      awaitInIndependentLoop:
        'The iterations of this loop do not depend on each other, but each waits for the one before. Run them with a bounded map (p-map with `concurrency`, or a small limiter), so the wait is not the sum of the calls and not every call starts at once.',
      awaitInSmallLoop:
        'The {{count}} iterations of this loop do not depend on each other, but each waits for the one before. Start them together with `Promise.all`, so the wait is the slowest call instead of the sum.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxKnownLength: {
            type: 'integer',
            minimum: 0,
            description:
              'Loops over at most this many items the code shows (a literal array, a `for` up to a literal bound) are small enough for `Promise.all`; longer or unknown ones get the bounded-map message.',
          },
          testFiles: testFilesOption(
            'test files, whose loops are left alone: a test steps through shared fixtures in order on purpose',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxKnownLength: 16, testFiles: [...defaultTestFilePatterns] }],
  },
  create(context, [options]) {
    return {
      // One call per file: the analysis finds the loops once (nothing when the text has no `await`).
      'Program:exit'() {
        const file = analysisFileFor(context);
        const { loops } = findAwaitLoops(file, { filePath: relativeFilenameOf(context), testFiles: options.testFiles });
        for (const { awaits, knownLength } of loops) {
          const first = awaits[0];
          if (!first) continue;
          const small = knownLength !== null && knownLength <= (options.maxKnownLength ?? 16);
          context.report({
            node: first,
            messageId: small ? 'awaitInSmallLoop' : 'awaitInIndependentLoop',
            data: { count: String(knownLength) },
          });
        }
      },
    };
  },
});
