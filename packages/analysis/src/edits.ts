/**
 * Edit plans: what the analysis proposes, as plain values.
 *
 * A plan is a list of text edits over the original source, a safety level, and the reasons it was
 * refused (when it was). Rules turn a `safe` plan into a fix and a `review` plan into a suggestion;
 * codemods apply the same edits to the file text. Everything outside an edit stays byte-identical.
 */

/** A replacement of the half-open source range `[start, end)` by `text`. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/**
 * How sure the analysis is that applying a plan keeps behaviour.
 * - `safe`: provably the same behaviour; a rule may autofix, a codemod applies it by default.
 * - `review`: the same data flow, but effects may reorder or error timing may change; a rule offers
 *   it as a suggestion, a codemod applies it only when asked for `review` plans.
 */
export type SafetyLevel = 'safe' | 'review';

/** The reasons only the then-chain planner (`then-chains.ts`) gives; listed once, here. */
export const thenChainReasons = [
  'receiver-not-known-promise',
  'receiver-not-promise',
  'then-two-arguments',
  'handler-not-inlinable',
  'handler-uses-this',
  'handler-uses-arguments',
  'return-in-non-final-handler',
  'finally-returns-value',
  'name-clash',
  'chain-shape-not-supported',
  'returned-inside-try',
  'statement-not-rewritable',
  'declaration-type-unknown',
  'chain-not-returned',
  'function-returns-non-promise',
  'generator-function',
  'getter-or-setter',
  'constructor',
  'promise-executor',
] as const;

/** The reasons only the callback planners (`callback-to-await.ts`, `promise-wrappers.ts`) give; listed once, here. */
export const callbackRefusalReasons = [
  'callback-result-used',
  'callback-not-inline',
  'callback-uses-this',
  'callback-uses-arguments',
  'code-after-callback-call',
  'callback-returns-value',
  'callback-error-ignored',
  'error-handling-not-supported',
  'callback-params-differ',
  'inside-promise-executor',
  'executor-does-more',
  'resolves-several-values',
  'receiver-not-rebindable',
  'uncatalogued-core-api',
] as const;

/** The reasons only callback-to-async gives; listed once, here . */
export const callbackToAsyncReasons = [
  'not-error-first',
  'called-more-than-once',
  'not-called-on-some-path',
  'callback-not-in-tail-position',
  'callback-escapes',
  'error-may-be-falsy',
  'several-values',
  'returns-value',
  'throws-synchronously',
  'callback-in-unsupported-statement',
  'return-type-annotated',
  'used-as-value',
  'dynamic-call',
  'arguments-differ',
  'result-used',
  'caller-not-migratable',
  'nested-callback-not-migratable',
  'calls-back-synchronously',
  'kept-api-not-writable',
  'callee-written-alike',
] as const;

/** The reasons only the pipeline planner (`stream-pipes.ts`) gives; listed once, here. */
/** The reasons only the signal-chain planner (`signal-chain.ts`) gives; listed once, here. */
export const signalChainReasons = [
  'interface-member',
  'overloaded-function',
  'function-used-as-value',
  'spread-call',
  'dynamic-access',
  'signal-name-taken',
  'options-not-inline',
  'rest-parameter',
  'opaque-signal-options',
  'argument-gap',
  'method-override',
  'union-receiver',
  'entry-not-found',
] as const;

export const pipeRefusalReasons = ['code-after-pipe', 'stream-used-elsewhere', 'handler-not-supported', 'error-handlers-differ', 'ends-process-stream', 'executor-does-more', 'settled-elsewhere'] as const;

/** Every reason a planner can give for not producing edits. One list, so docs and tests can name them. */
export const refusalReasons = [
  'mixed-declaration-kinds',
  'mixed-declarations-and-assignments',
  'partial-type-annotations',
  'jsdoc-type-annotation',
  'promise-shadowed',
  'would-drop-comment',
  'would-lose-code',
  'function-awaits',
  'return-type-not-rewritable',
  'no-promise-twin',
  'twin-value-differs',
  'unsupported-option',
  'unsupported-call-shape',
  'twin-name-taken',
  'not-awaitable-here',
  'loop-scope-differs',
  'not-a-forwarding-wrapper',
  'name-taken',
  'timer-not-rejecting',
  'winner-reads-after-race',
  'caller-signal-not-combinable',
  'target-lacks-await-using',
  'not-disposable',
  'resource-used-after',
  'released-conditionally',
  'release-order-changes',
  'finally-does-more',
  'not-acquired-just-before',
  'release-not-awaited',
  'loop-not-independent',
  'unsupported-loop-shape',
  'collects-out-of-order',
  'limiter-not-importable',
  ...thenChainReasons,
  ...callbackRefusalReasons,
  ...pipeRefusalReasons,
  ...signalChainReasons,
  ...callbackToAsyncReasons,
] as const;

export type RefusalReason = (typeof refusalReasons)[number];

/**
 * Refusals that mean asyncwise itself went wrong (a planner built an edit the invariant caught), not
 * that the code is unsuitable: reports count them as bugs to report.
 */
export const bugRefusalReasons: readonly RefusalReason[] = ['would-lose-code'];

export function isBugRefusal(reason: RefusalReason): boolean {
  return bugRefusalReasons.includes(reason);
}

export interface Refusal {
  readonly reason: RefusalReason;
  /** One sentence for a person: what stops the rewrite and what they could do. */
  readonly message: string;
}

export type Plan =
  | { readonly level: SafetyLevel; readonly edits: readonly TextEdit[]; readonly refusals: readonly [] }
  | { readonly level: 'refused'; readonly edits: readonly []; readonly refusals: readonly Refusal[] };

/**
 * A plan as given, unchecked. Planners build theirs through `checkedPlan` (invariant.ts), which
 * proves the edits keep the user's code; this is for tests of the machinery that applies plans.
 */
export function planOf(level: SafetyLevel, edits: readonly TextEdit[]): Plan {
  return { level, edits, refusals: [] };
}

export function refusedPlan(...refusals: Refusal[]): Plan {
  return { level: 'refused', edits: [], refusals };
}

/** Orders safety levels so a codemod can ask "is this plan at or below the level I may apply?". */
export function isLevelAllowed(level: SafetyLevel, allowed: SafetyLevel): boolean {
  return allowed === 'review' || level === 'safe';
}

export class OverlappingEditsError extends Error {
  constructor(
    readonly first: TextEdit,
    readonly second: TextEdit,
  ) {
    super(
      `Edits overlap: [${first.range[0]}, ${first.range[1]}) and [${second.range[0]}, ${second.range[1]}). ` +
        'Two plans touched the same code; apply them in separate passes.',
    );
    this.name = 'OverlappingEditsError';
  }
}

/** Sorts edits by position and throws {@link OverlappingEditsError} when two of them overlap. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    if (prev === undefined || next === undefined) continue;
    // Two insertions at the same point are ambiguous too: their order would be arbitrary.
    const touchesInsert = prev.range[0] === prev.range[1] && next.range[0] === prev.range[0];
    if (next.range[0] < prev.range[1] || touchesInsert) throw new OverlappingEditsError(prev, next);
  }
  return sorted;
}

/**
 * Applies edits to `text` in one pass. Edits refer to ranges of the original text, so the caller never
 * recomputes offsets. Throws {@link OverlappingEditsError} when edits overlap, and a RangeError when an
 * edit lies outside the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = sortEdits(edits);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    const [start, end] = edit.range;
    if (start < 0 || end > text.length || start > end) {
      throw new RangeError(`Edit range [${start}, ${end}) is outside a text of length ${text.length}.`);
    }
    out += text.slice(cursor, start) + edit.text;
    cursor = end;
  }
  return out + text.slice(cursor);
}
