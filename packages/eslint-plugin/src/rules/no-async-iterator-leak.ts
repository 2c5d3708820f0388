import { defaultTestFilePatterns, describeAcquisition, findGeneratorHeldResources, findLeakedIterators } from '@asyncwise/analysis';
import { analysisFileFor, relativeFilenameOf } from '../analysis-file';
import { createRule } from '../create-rule';
import { getSuggestions } from '../fix-or-suggest';
import { testFilesOption } from '../options';

export type Options = [{ testFiles?: string[] }];
export type MessageIds = 'neverClosed' | 'notClosedOnExit' | 'steppedOnce' | 'heldAcrossYield' | 'suggestReturnInFinally' | 'suggestFinally' | 'suggestAwaitUsing';

export default createRule<Options, MessageIds>({
  name: 'no-async-iterator-leak',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow async iterators advanced by hand whose `return()` never runs, and async generators that hold a resource across a `yield` without a `finally`',
      recommended: false,
      requiresTypeChecking: false,
    },
    messages: {
      neverClosed:
        '`{{name}}` from `{{source}}` is advanced by hand with `next()` and never closed: on a `break`, a `return` or a throw before it is done, the generator stays suspended and its `finally` cleanup never runs. Consume it with `for await` (which closes it on every exit), or call `await {{name}}.return()` in a `finally`.',
      notClosedOnExit:
        '`{{name}}` from `{{source}}` is closed with `return()` only on the paths that reach it: on a throw or an early exit before it, the generator stays suspended and its `finally` cleanup never runs. Call `await {{name}}.return()` in a `finally`, or consume it with `for await`.',
      steppedOnce:
        '`{{source}}.next()` takes one step and drops the iterator: the generator stays suspended and its `finally` cleanup never runs. Keep the iterator and call `return()` in a `finally`, or take the first value with `for await … break`.',
      heldAcrossYield:
        'This async generator holds the {{resource}} from `{{acquisition}}` across the `yield` on line {{line}} with no `finally` to release it: a consumer that stops early (`break` out of `for await`, `return()`) leaves the generator at that `yield`, and the {{resource}} is never released. {{remedy}}.',
      suggestReturnInFinally: 'Close it in a `finally` block (`await {{name}}.return(undefined)`), so every path runs the generator\'s cleanup.',
      suggestFinally: 'Release it in a `finally` block (`{{release}}`), which also runs when the consumer stops early.',
      suggestAwaitUsing: 'Declare it with `await using`, so it is disposed however the generator ends.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          testFiles: testFilesOption('test files, which are left alone: tests step generators by hand to test them, and the end of the run collects what they leave suspended'),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ testFiles: [...defaultTestFilePatterns] }],
  },
  create(context, [options]) {
    return {
      // One call per file: a text test for `.next(` first, then each iterator source is judged once.
      'Program:exit'() {
        const file = analysisFileFor(context);
        for (const iterator of findLeakedIterators(file, { relativePath: relativeFilenameOf(context), testFiles: options.testFiles }).iterators) {
          const messageId = iterator.name === '' ? 'steppedOnce' : iterator.kind === 'never-closed' ? 'neverClosed' : 'notClosedOnExit';
          context.report({
            node: iterator.node,
            messageId,
            data: { name: iterator.name, source: iterator.source },
            ...getSuggestions([{ plan: iterator.finallyPlan, messageId: 'suggestReturnInFinally', data: { name: iterator.name } }]),
          });
        }
        // The generator's own side: what it acquires must be released in a `finally` its consumer's `return()` runs.
        for (const resource of findGeneratorHeldResources(file, { relativePath: relativeFilenameOf(context), testFiles: options.testFiles, filePath: context.filename }).resources) {
          const canUse = resource.usingPlan.level === 'review';
          context.report({
            node: resource.node,
            messageId: 'heldAcrossYield',
            data: {
              acquisition: describeAcquisition(file, resource),
              resource: resource.api.resource,
              line: resource.heldAcrossYield.loc.start.line,
              remedy: `Release it in a \`finally\` block (\`${resource.release}\`)${canUse ? ', or declare it with `await using`' : ''}`,
            },
            ...getSuggestions([
              { plan: resource.finallyPlan, messageId: 'suggestFinally', data: { release: resource.release } },
              { plan: resource.usingPlan, messageId: 'suggestAwaitUsing' },
            ]),
          });
        }
      },
    };
  },
});
