import { defaultTestFilePatterns, describeTwin, findBlockingCalls } from '@asyncwise/analysis';
import { analysisFileFor, relativeFilenameOf } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';
import { testFilesOption } from '../options';

export type Options = [{ allowEntryPoints?: boolean; allowTopLevel?: boolean; testFiles?: string[] }];
export type MessageIds = 'noSyncInAsync' | 'noSyncInAsyncByHand' | 'suggestPromiseTwin';

export default createRule<Options, MessageIds>({
  name: 'no-sync-in-async',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow blocking Node core calls (`fs.*Sync`, `zlib.*Sync`, `crypto.scryptSync` …) inside async functions',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      noSyncInAsync:
        '`{{name}}()` blocks the event loop inside async code: every other task waits until it returns. Await its promise twin {{twin}} instead.',
      noSyncInAsyncByHand:
        '`{{name}}()` blocks the event loop inside async code: every other task waits until it returns. {{why}}.',
      suggestPromiseTwin: 'Await {{twin}} instead (other tasks may now run while it works, before the function goes on).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowEntryPoints: {
            type: 'boolean',
            description: 'Leave command-line entry points alone: files with a shebang, and the `bin` files of the nearest package.json.',
          },
          allowTopLevel: {
            type: 'boolean',
            description: 'Leave module top level alone: it runs once, when the module loads.',
          },
          testFiles: testFilesOption(
            'test files, which are left alone: a test runs one case at a time',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowEntryPoints: true, allowTopLevel: true, testFiles: [...defaultTestFilePatterns] }],
  },
  create(context, [options]) {
    return {
      // One call per file: the analysis resolves every catalogued call once and caches the result.
      'Program:exit'() {
        const file = analysisFileFor(context);
        const { calls } = findBlockingCalls(file, {
          filePath: context.filename,
          allowEntryPoints: options.allowEntryPoints,
          allowTopLevel: options.allowTopLevel,
          testFiles: options.testFiles,
          relativePath: relativeFilenameOf(context),
        });
        for (const call of calls) {
          const twin = call.api.twin ? describeTwin(call.api.twin) : '';
          // A refused plan still reports the blocking call, and says why there is no rewrite.
          const why = call.plan.refusals[0]?.message.replace(/\.$/, '');
          context.report({
            node: call.node,
            messageId: why ? 'noSyncInAsyncByHand' : 'noSyncInAsync',
            data: { name: call.name, twin, why },
            ...getFixOrSuggest(call.plan, 'suggestPromiseTwin', { twin }),
          });
        }
      },
    };
  },
});
