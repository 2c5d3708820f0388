import { defaultTestFilePatterns, describeAcquisition, findUnreleasedResources } from '@asyncwise/analysis';
import { analysisFileFor, relativeFilenameOf } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';
import { testFilesOption } from '../options';

export type Options = [{ prefer?: 'finally' | 'await-using'; testFiles?: string[] }];
export type MessageIds = 'neverReleased' | 'notReleasedOnThrow' | 'suggestFinally' | 'suggestAwaitUsing';

export default createRule<Options, MessageIds>({
  name: 'require-resource-cleanup',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require resources acquired in async code (file handles, pool clients, readline interfaces) to be released on every path',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      neverReleased: '`{{acquisition}}` acquires a {{resource}} that is never released, so every call leaks one. {{remedy}}.',
      notReleasedOnThrow:
        'The {{resource}} from `{{acquisition}}` is released only when nothing before `{{release}}` throws or returns early; on those paths it leaks. {{remedy}}.',
      suggestFinally: 'Release it in a `finally` block (`{{release}}`), so every path releases it.',
      suggestAwaitUsing: 'Declare it with `await using`, so it is disposed however the block ends.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          prefer: {
            type: 'string',
            enum: ['finally', 'await-using'],
            description:
              'Which remedy the message names and the first suggestion offers. `await-using` takes effect only where the project supports it (the nearest `tsconfig.json` has `esnext` or `esnext.disposable` in `lib`, or for JavaScript `engines.node` is ≥ 24) and the resource is disposable; elsewhere the rule falls back to `finally`.',
          },
          testFiles: testFilesOption(
            'test files, which are left alone: a failing test that leaks a handle is cleaned up by the end of the run',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ prefer: 'finally', testFiles: [...defaultTestFilePatterns] }],
  },
  create(context, [options]) {
    return {
      // One call per file: a text test first, then each catalogued acquisition is judged once.
      'Program:exit'() {
        const file = analysisFileFor(context);
        const result = findUnreleasedResources(file, {
          relativePath: relativeFilenameOf(context),
          testFiles: options.testFiles,
          awaitUsing: 'project',
          filePath: context.filename,
        });
        for (const resource of result.resources) {
          const usingFirst = options.prefer === 'await-using' && resource.usingPlan.level === 'review';
          const remedy = usingFirst
            ? 'Declare it with `await using`, or release it in a `finally` block'
            : resource.release === ''
              ? 'Keep it in a variable and release it in a `finally` block'
              : `Release it in a \`finally\` block (\`${resource.release}\`)${resource.usingPlan.level === 'review' ? ', or declare it with `await using`' : ''}`;
          const finallySuggestion = { plan: resource.finallyPlan, messageId: 'suggestFinally' as const, data: { release: resource.release } };
          const usingSuggestion = { plan: resource.usingPlan, messageId: 'suggestAwaitUsing' as const };
          context.report({
            node: resource.node,
            messageId: resource.kind === 'never-released' ? 'neverReleased' : 'notReleasedOnThrow',
            data: { acquisition: describeAcquisition(file, resource), resource: resource.api.resource, release: resource.release, remedy },
            ...getSuggestions(usingFirst ? [usingSuggestion, finallySuggestion] : [finallySuggestion, usingSuggestion]),
          });
        }
      },
    };
  },
});
