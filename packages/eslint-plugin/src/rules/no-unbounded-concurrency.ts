import { defaultTestFilePatterns, findUnboundedFanOuts } from '@asyncwise/analysis';
import { analysisFileFor, relativeFilenameOf } from '../analysis-file';
import { createRule } from '../create-rule';
import { testFilesOption } from '../options';

export type Options = [{ maxKnownLength?: number; testFiles?: string[] }];
export type MessageIds = 'unboundedMap' | 'unboundedFilledArray';

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-concurrency',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `Promise.all` over work started for every element of a list of unknown size',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      unboundedMap:
        '`Promise.{{combinator}}` starts a call for every element of `{{input}}` at once, and nothing bounds how many that is. Bound it: `pMap({{input}}, fn, { concurrency: 8 })`, p-limit, or a small limiter.',
      unboundedFilledArray:
        '`Promise.{{combinator}}` waits for a call started for every element of `{{input}}` at once, and nothing bounds how many that is. Bound it: `pMap({{input}}, fn, { concurrency: 8 })`, p-limit, or a small limiter.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxKnownLength: {
            type: 'integer',
            minimum: 0,
            description:
              'Inputs the code shows to have at most this many elements (a literal array, `.slice(0, n)`, `Array.from({ length: n })`) are small enough to start at once.',
          },
          testFiles: testFilesOption(
            'test files, which are left alone: their lists are fixtures',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxKnownLength: 16, testFiles: [...defaultTestFilePatterns] }],
  },
  create(context, [options]) {
    return {
      // One call per file: the analysis skips every subtree without the word `Promise`.
      'Program:exit'() {
        const { fanOuts } = findUnboundedFanOuts(analysisFileFor(context), {
          maxKnownLength: options.maxKnownLength,
          filePath: relativeFilenameOf(context),
          testFiles: options.testFiles,
        });
        for (const fanOut of fanOuts) {
          const input = fanOut.input.length > 40 ? `${fanOut.input.slice(0, 39)}…` : fanOut.input;
          context.report({
            node: fanOut.call,
            messageId: fanOut.shape === 'map' ? 'unboundedMap' : 'unboundedFilledArray',
            data: { combinator: fanOut.combinator, input },
          });
        }
      },
    };
  },
});
