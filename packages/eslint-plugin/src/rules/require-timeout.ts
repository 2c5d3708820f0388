import { defaultTestFilePatterns, describeTimeoutOptions, findUntimedNetworkCalls } from '@asyncwise/analysis';
import { analysisFileFor, relativeFilenameOf } from '../analysis-file';
import { createRule } from '../create-rule';
import { testFilesOption } from '../options';

export type Options = [{ testFiles?: string[] }];
export type MessageIds = 'requireTimeout' | 'requireTimeoutOrOption';

export default createRule<Options, MessageIds>({
  name: 'require-timeout',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require network calls (`fetch`, `http.request`, undici) to get a signal or a timeout',
      strict: true,
      requiresTypeChecking: false,
    },
    messages: {
      requireTimeout:
        '`{{name}}()` gets neither a signal nor a timeout: a server that accepts the connection and never answers keeps it waiting forever. Pass `signal: AbortSignal.timeout(ms)` (or the caller’s signal).',
      requireTimeoutOrOption:
        '`{{name}}()` gets neither a signal nor a timeout: a server that accepts the connection and never answers keeps it waiting forever. Pass `signal: AbortSignal.timeout(ms)` (or the caller’s signal), or set {{options}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          testFiles: testFilesOption(
            'files left alone: tests, whose runner bounds every call, and scripts if you add them',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ testFiles: [...defaultTestFilePatterns] }],
  },
  create(context, [options]) {
    return {
      // One call per file: the analysis finds every catalogued network call once and caches the result.
      'Program:exit'() {
        const file = analysisFileFor(context);
        for (const call of findUntimedNetworkCalls(file, { relativePath: relativeFilenameOf(context), testFiles: options.testFiles }).calls) {
          context.report({
            node: call.node,
            messageId: call.timeoutOptions.length > 0 ? 'requireTimeoutOrOption' : 'requireTimeout',
            data: { name: call.name, options: describeTimeoutOptions(call.timeoutOptions) },
          });
        }
      },
    };
  },
});
