/**
 * `race-to-cancellable`: races whose losers stop, and timeout racers that become signals.
 *
 * ```js
 * const data = await Promise.race([
 *   fetch(primary).then((r) => r.json()),
 *   fetch(mirror).then((r) => r.json()),
 * ]);
 * // becomes
 * const controller = new AbortController();
 * const data = await Promise.race([
 *   fetch(primary, { signal: controller.signal }).then((r) => r.json()),
 *   fetch(mirror, { signal: controller.signal }).then((r) => r.json()),
 * ]).finally(() => controller.abort());
 * ```
 *
 * and `Promise.race([fetch(url), new Promise((_, reject) => setTimeout(() => reject(…), ms))])`
 * becomes `fetch(url, { signal: AbortSignal.timeout(ms) })`. The analysis finds what
 * `no-uncancelled-race` and `no-leaked-timer` report (`findUncancelledRaces`, `findLeakedTimers`)
 * and plans each rewrite; this module only chooses among the plans and applies them. A raced timer
 * takes `AbortSignal.timeout` where a signal can replace it, else its id is kept and cleared once the
 * race settles; a race whose timer is rewritten waits for the next pass, where the timer's rewrite
 * has settled what the race still needs. Every plan is `review`.
 *
 * Also a jscodeshift transform module: `npx jscodeshift --no-babel -t …/race-to-cancellable.cjs
 * --level=review src`. jscodeshift's parser is not used.
 */
import path from 'node:path';
import { findLeakedTimers, findUncancelledRaces, isLevelAllowed, type LeakedTimer, type UncancelledRace } from '@asyncwise/analysis';
import { applyPlans, type FoundPlan } from '../apply-plans';
import { jscodeshiftTransform } from '../options';
import type { TransformOptions, TransformResult } from '../types';

/** How a race's rewrite is described: `Promise.race() over fetch → abort the losers once it settles`. */
export function describeRace(race: UncancelledRace): string {
  return `Promise.${race.method}() over ${race.names.join(', ')} → abort the losers once it settles`;
}

/** How a timer's rewrite is described, by the plan chosen for it. */
export function describeTimer(timer: LeakedTimer, signal: boolean): string {
  return signal ? `setTimeout() timeout → AbortSignal.timeout() passed to ${timer.operation ?? 'the call'}` : 'setTimeout() timeout → cleared once the race settles';
}

/**
 * Each applied plan removes a race (a timer that becomes a signal), or gives a race's calls a
 * signal or its timer a kept id, after which neither is found again; so twice the count of
 * `race`/`any` words bounds the passes.
 */
function countRaceNames(text: string): number {
  let count = 0;
  for (const word of ['race', 'any']) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) count++;
  }
  return 2 * count;
}

function within(inner: { readonly range: readonly [number, number] }, outer: { readonly range: readonly [number, number] }): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** Rewrites `source` and lists every race and raced timer found. Throws `ParseError` for input that does not parse. */
export function run(source: string, filePath: string, options: TransformOptions = {}): TransformResult {
  const level = options.level ?? 'safe';
  // Test files are recognised by the rule's default globs, relative to the working directory.
  const relativePath = path.isAbsolute(filePath) ? path.relative(process.cwd(), filePath) : filePath;
  return applyPlans(
    source,
    filePath,
    level,
    (file) => {
      const timers = findLeakedTimers(file, { filename: filePath, relativePath, ...(options.testFiles ? { testFiles: options.testFiles } : {}) }).timers.filter(
        (timer) => timer.kind === 'raced',
      );
      const found: FoundPlan[] = [];
      const rewritten: LeakedTimer[] = [];
      for (const timer of timers) {
        const signal = timer.signalPlan.level !== 'refused';
        const plan = signal ? timer.signalPlan : timer.clearPlan;
        if (plan.level !== 'refused' && isLevelAllowed(plan.level, level)) rewritten.push(timer);
        found.push({ start: timer.node.range[0], description: describeTimer(timer, signal), plan });
      }
      for (const race of findUncancelledRaces(file).races) {
        // The timer's rewrite goes first: it may replace the race, or settle its statement.
        if (rewritten.some((timer) => within(timer.node, race.node))) continue;
        found.push({ start: race.node.range[0], description: describeRace(race), plan: race.plan });
      }
      return found;
    },
    options,
    countRaceNames,
  );
}

/** The jscodeshift entry: the new source, or `undefined` when nothing changes. */
export default jscodeshiftTransform(run);
