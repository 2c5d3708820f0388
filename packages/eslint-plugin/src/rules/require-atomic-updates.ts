import { findAtomicUpdateRaces } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';

export type Options = [{ allowProperties?: boolean; includeCheckThenWrite?: boolean }];
export type MessageIds = 'nonAtomicUpdate' | 'nonAtomicCheck';

export default createRule<Options, MessageIds>({
  name: 'require-atomic-updates',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writes of shared state computed from a value read before an `await` or `yield`',
      recommended: false,
      strict: true,
      requiresTypeChecking: false,
    },
    messages: {
      nonAtomicUpdate:
        'Possible lost update: `{{target}}` is written from a value read before an `await`, and a concurrent call can change `{{target}}` while this one is paused. Read `{{target}}` again after the `await`, or compute the new part first and write it in one step (`const v = await …; {{target}} += v`).',
      nonAtomicCheck:
        'Possible race: `{{target}}` was checked before an `await` and is written after it, so concurrent calls can all pass the check and overwrite each other. Check `{{target}}` again after the `await`, or store the pending promise before awaiting it.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowProperties: {
            type: 'boolean',
            description: 'Do not report writes to properties (`this.x`, `obj.x`), only to bindings.',
          },
          includeCheckThenWrite: {
            type: 'boolean',
            description:
              'Also report a write guarded by a test of the same state taken before the `await` (`if (!x) x = await init()`, `x ??= await init()`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowProperties: false, includeCheckThenWrite: false }],
  },
  create(context, [options]) {
    return {
      // One call per file: every async function is judged in one pass (nothing when the text has no `await`/`yield`).
      'Program:exit'() {
        const { updates } = findAtomicUpdateRaces(analysisFileFor(context), {
          allowProperties: options.allowProperties === true,
          includeCheckThenWrite: options.includeCheckThenWrite === true,
        });
        for (const update of updates) {
          context.report({
            node: update.node,
            messageId: update.kind === 'stale-value' ? 'nonAtomicUpdate' : 'nonAtomicCheck',
            data: { target: update.target },
          });
        }
      },
    };
  },
});
