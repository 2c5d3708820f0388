import { findUncancelledRaces } from '@asyncwise/analysis';
import { analysisFileFor } from '../analysis-file';
import { createRule } from '../create-rule';
import { getFixOrSuggest } from '../fix-or-suggest';

export type Options = [];
export type MessageIds = 'uncancelledRace' | 'raceWithCallerSignalOnly' | 'suggestCancellableRace';

/** `fetch`, `fetch` and `fs/promises.readFile` → "`fetch` and `fs/promises.readFile`". */
function listOf(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
}

export default createRule<Options, MessageIds>({
  name: 'no-uncancelled-race',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `Promise.race` and `Promise.any` over abortable calls whose losers are never told to stop',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      uncancelledRace:
        'The losers of this `Promise.{{method}}` keep running after it settles: the raced {{names}} calls get no signal, so nothing stops them. Give each a signal and abort the losers once the race settles.',
      raceWithCallerSignalOnly:
        'The losers of this `Promise.{{method}}` keep running after it settles: the raced {{names}} calls get only `{{signal}}`, which aborts when the caller gives up, not when the race settles. Combine it with a signal that is aborted once the race settles.',
      suggestCancellableRace:
        'Pass an `AbortController`’s signal to the raced calls and abort it in `.finally` (the losers then stop, rejecting with an `AbortError` the race has already handled).',
    },
    schema: [],
  },
  create(context) {
    return {
      // One call per file: the analysis finds every race once (a text test first) and caches the result.
      'Program:exit'() {
        const file = analysisFileFor(context);
        for (const race of findUncancelledRaces(file).races) {
          const callerSignal = race.losersGet.kind === 'caller-signal' ? race.losersGet.signal : null;
          context.report({
            node: race.node,
            messageId: callerSignal === null ? 'uncancelledRace' : 'raceWithCallerSignalOnly',
            data: { method: race.method, names: listOf(race.names), signal: callerSignal },
            ...getFixOrSuggest(race.plan, 'suggestCancellableRace'),
          });
        }
      },
    };
  },
});
