/** What one measurement of `pnpm bench` reports: shared by `run.ts` and `measure.ts`. */

export const measurementNames = ['eslint-baseline', 'eslint-empty-rule', 'eslint-rule', 'parse-only', 'codemod'] as const;
export type MeasurementName = (typeof measurementNames)[number];

export interface Measurement {
  readonly name: MeasurementName;
  readonly ms: number;
  readonly files: number;
  /** Files that failed: ESLint fatal (parse) messages, or a parse/transform error. */
  readonly errors: number;
  /** First few errors, `path: message`. */
  readonly errorSamples: readonly string[];
  /** `eslint-rule`: reports of `asyncwise/prefer-promise-all`. */
  readonly reports: number;
  /** `codemod`: runs rewritten to `Promise.all` (applied changes). */
  readonly applied: number;
  /** `codemod`: runs found but not applied, and refusals. */
  readonly notApplied: number;
  readonly refusals: number;
  /** `process.resourceUsage().maxRSS` of this process, in KiB. */
  readonly maxRssKiB: number;
}
