import { defaultTestFilePatterns, findSequentialAwaitRuns } from '@asyncwise/analysis';
import { analysisFileFor, relativeFilenameOf } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';
import { testFilesOption } from '../options';

export type Options = [
  {
    minRun?: number;
    ignore?: string[];
    includeBareAwaits?: boolean;
    ordered?: string[];
    testFiles?: string[];
    settled?: boolean;
  },
];
export type MessageIds = 'preferPromiseAll' | 'preferPromiseAllByHand' | 'suggestPromiseAll' | 'suggestPromiseAllSettled';

const MAX_NAMES = 4;

/** `a()`, `b()` and `c()` — or the first few and how many more. */
function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  if (quoted.length > MAX_NAMES) {
    return `${quoted.slice(0, MAX_NAMES - 1).join(', ')} and ${quoted.length - (MAX_NAMES - 1)} more`;
  }
  return quoted.length === 2 ? quoted.join(' and ') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

export default createRule<Options, MessageIds>({
  name: 'prefer-promise-all',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require independent sequential awaits to run concurrently with `Promise.all`',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      preferPromiseAll:
        'The awaits of {{names}} do not depend on each other but run one after another. Start them together with `Promise.all`, so the wait is the slowest call instead of the sum.',
      preferPromiseAllByHand:
        'The awaits of {{names}} do not depend on each other but run one after another. Start them together with `Promise.all`, so the wait is the slowest call instead of the sum. {{why}} Rewrite it by hand.',
      suggestPromiseAll:
        'Run {{names}} concurrently with `Promise.all` (each call then starts even if an earlier one fails, and their side effects may interleave).',
      suggestPromiseAllSettled:
        'Run {{names}} concurrently with `Promise.allSettled`, each result its value or its rejection reason (every call runs to its end, and their side effects may interleave).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          minRun: {
            type: 'integer',
            minimum: 2,
            description: 'The fewest consecutive independent awaits to report.',
          },
          ignore: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Glob patterns of callee names (e.g. `logger.*`, `*.write`) whose awaits must stay in order; they end a run.',
          },
          includeBareAwaits: {
            type: 'boolean',
            description:
              'Let bare `await f();` statements (result unused) join runs. Off by default: such an await is there for its effect, which the next statement usually relies on.',
          },
          ordered: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Glob patterns of callee names that reach one shared state (e.g. `db.*`): calls matching the same pattern keep their order; other calls may still run beside them.',
          },
          testFiles: testFilesOption(
            'test files, where writes and repeated operations on one subject also keep their order',
          ),
          settled: {
            type: 'boolean',
            description:
              'Suggest `Promise.allSettled` with the results unpacked (each its value or its rejection reason) instead of `Promise.all`, where every operation must run to its end.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      { minRun: 2, ignore: [], includeBareAwaits: false, ordered: [], testFiles: [...defaultTestFilePatterns], settled: false },
    ],
  },
  create(context, [options]) {
    return {
      // One call per file: the analysis walks the file once and caches the runs for every caller.
      'Program:exit'() {
        const file = analysisFileFor(context);
        const { runs } = findSequentialAwaitRuns(file, {
          minRun: options.minRun,
          ignore: options.ignore,
          includeBareAwaits: options.includeBareAwaits,
          ordered: options.ordered,
          testFiles: options.testFiles,
          filePath: relativeFilenameOf(context),
          settled: options.settled,
        });
        for (const run of runs) {
          const first = run.statements[0];
          if (!first) continue;
          const names = listNames(run.statements.map((s) => s.name));
          // A refused plan still reports the problem, and says why there is no quick fix.
          const why = run.plan.refusals[0]?.message;
          context.report({
            node: first.awaitExpression,
            messageId: why ? 'preferPromiseAllByHand' : 'preferPromiseAll',
            data: { names, why },
            ...getFixOrSuggest(run.plan, options.settled ? 'suggestPromiseAllSettled' : 'suggestPromiseAll', { names }),
          });
        }
      },
    };
  },
});
