import { defaultTestFilePatterns, describeCallbackResult, describeTwin, findCallbackApiCalls } from '@asyncwise/analysis';
import { analysisFileFor, relativeFilenameOf } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';
import { testFilesOption } from '../options';

export type Options = [{ testFiles?: string[] }];
export type MessageIds = 'preferPromiseApi' | 'suggestPromiseTwin' | 'suggestAwaitTwin';

export default createRule<Options, MessageIds>({
  name: 'prefer-promise-api',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce the promise twin of a Node core callback API (`fs/promises`, `util.promisify(exec)` …)',
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      preferPromiseApi:
        '`{{name}}()` takes a callback, and Node has a promise twin: {{twin}}, which resolves to {{result}}. Await the twin instead, so its error reaches `try/catch` and the caller.',
      suggestPromiseTwin: 'Return {{twin}} instead of wrapping the callback in `new Promise`.',
      suggestAwaitTwin: 'Await {{twin}} and run the callback\'s body after it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          testFiles: testFilesOption(
            'test files, which are left alone: tests written with `done` callbacks are a style of their own',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ testFiles: [...defaultTestFilePatterns] }],
  },
  create(context, [options]) {
    return {
      // One call per file: the analysis resolves every catalogued call once and caches the result.
      'Program:exit'() {
        const file = analysisFileFor(context);
        const relativePath = relativeFilenameOf(context);
        for (const call of findCallbackApiCalls(file, { relativePath, testFiles: options.testFiles })) {
          const twin = describeTwin(call.api.twin);
          context.report({
            node: call.node,
            messageId: 'preferPromiseApi',
            data: { name: call.name, twin, result: describeCallbackResult(call.api.result) },
            // The same plan the codemods apply: promise-wrapper-to-promisify's for a call in a `new Promise`, callback-to-promise-api's otherwise.
            ...getFixOrSuggest(call.plan, call.shape === 'promise-wrapper' ? 'suggestPromiseTwin' : 'suggestAwaitTwin', { twin }),
          });
        }
      },
    };
  },
});
