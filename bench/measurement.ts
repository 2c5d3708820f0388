/** What one measurement of `pnpm bench` reports: shared by `run.ts`, `measure.ts` and `oxlint.ts`. */

/** Measurements that `bench/measure.ts` times inside its own process (one timed pass over files read beforehand). */
export const inProcessMeasurementNames = [
  'eslint-baseline',
  'eslint-empty-rule',
  'eslint-recommended',
  'parse-only',
  'codemod',
  'codemod-then',
  'codemod-foreach',
  'codemod-callbacks',
  'codemod-wrappers',
  'codemod-loops',
  'codemod-fanouts',
  'codemod-races',
  'codemod-sync',
  'codemod-pipes',
  'codemod-using',
  'eslint-promise-recommended',
  'eslint-promise-compat',
  'eslint-peers-async',
] as const;
/** Measurements that time a whole `oxlint` run in a child process (`bench/oxlint.ts`). */
export const oxlintMeasurementNames = ['oxlint-alone', 'oxlint-js-floor', 'oxlint-recommended'] as const;
/** Every measurement, in the order of a round (and of the table). */
export const measurementNames = [...inProcessMeasurementNames, ...oxlintMeasurementNames] as const;

export type InProcessMeasurementName = (typeof inProcessMeasurementNames)[number];
export type OxlintMeasurementName = (typeof oxlintMeasurementNames)[number];
export type MeasurementName = (typeof measurementNames)[number];

export function isOxlintMeasurement(name: MeasurementName): name is OxlintMeasurementName {
  return (oxlintMeasurementNames as readonly string[]).includes(name);
}

export interface Measurement {
  readonly name: MeasurementName;
  /**
   * Timed milliseconds. In-process measurements: one pass over files already read, modules loaded.
   * oxlint: the whole child process, spawn to exit (Node start, config and JS plugin load, reading,
   * linting, printing): what a user waits for.
   */
  readonly ms: number;
  readonly files: number;
  /** Files that failed: ESLint fatal (parse) messages, or a parse/transform error. */
  readonly errors: number;
  /** First few errors, `path: message`. */
  readonly errorSamples: readonly string[];
  /** `eslint-recommended`, `oxlint-recommended`, `eslint-promise-*`, `eslint-peers-async`: reports of asyncwise (or the peers') rules, all rules together. */
  readonly reports: number;
  /** The same per rule, `asyncwise/<rule>` → reports. */
  readonly reportsByRule: Readonly<Record<string, number>>;
  /** Every asyncwise report as `<path relative to the root>:<line> asyncwise/<rule>`, to compare ESLint with oxlint. */
  readonly reportLocations: readonly string[];
  /** `codemod`: runs rewritten to `Promise.all` (applied changes). */
  readonly applied: number;
  /** `codemod`: runs found but not applied, and refusals. */
  readonly notApplied: number;
  readonly refusals: number;
  /** `process.resourceUsage().maxRSS` of the measuring process, in KiB. */
  readonly maxRssKiB: number;
  /** oxlint only: details of the run. */
  readonly oxlint?: OxlintDetails;
}

export interface OxlintDetails {
  /** oxlint's own `start_time` (its "Finished in …"): from its CLI start to the end of linting, without Node's start-up. */
  readonly reportedMs: number;
  readonly threads: number;
  readonly rules: number;
  /** User + system CPU time of the whole oxlint process (every thread), ms. */
  readonly cpuMs: number;
  readonly exitCode: number;
}
