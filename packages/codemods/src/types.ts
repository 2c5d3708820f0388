import type { ProjectSetting, RefusalReason, SafetyLevel, SourceType, TypesUse } from '@asyncwise/analysis';

/**
 * What every transform reads, once validated (see `options.ts` for the raw forms). A codemod's own
 * options are declared in its registry row and reach it beside these (see `option-spec.ts`).
 */
export interface TransformOptions {
  /** The highest safety level to apply; lower-level plans are applied, higher ones only listed. Default `safe`. */
  readonly level?: SafetyLevel;
  /**
   * How to read every file: `module`, `commonjs` or `script`. Default: as ESLint's flat config does
   * (`.cjs` as CommonJS, everything else as a module), so the codemod sees what the rule sees.
   */
  readonly sourceType?: SourceType;
  /**
   * A tsconfig whose program answers the analysis's type questions (`--project`), as an absolute
   * path, or `auto` for the nearest `tsconfig.json` above each file. Without it the analysis reads
   * the syntax and the declaration index only. A file the program does not hold is read without
   * types, and its result says so (`types`).
   */
  readonly project?: ProjectSetting;
  /**
   * Set by the runner when several codemods run on a file: ranges (`[start, end)` offsets, byte order
   * mark excluded) of the input that an earlier codemod of the same pass wrote. A plan whose edits
   * touch one is not applied: it is refused as `overlaps-earlier-change` (the first codemod's change
   * wins; a later run, on the new text, can take the second up).
   */
  readonly earlierChanges?: readonly TextRange[];
  /** Path globs of test files that sync-to-async-io leaves alone (default: the usual test globs; `[]` includes tests). */
  readonly testFiles?: readonly string[];
}

/** `[start, end)` offsets in a text. */
export type TextRange = readonly [number, number];

/** Why the runner, not the analysis, left a plan alone. */
export type RunnerRefusalReason = 'overlaps-earlier-change';

/** Every reason a report gives for a refusal: the analysis's and the runner's. */
export type NoteReason = RefusalReason | RunnerRefusalReason;

/** One rewrite a transform found, applied or only listed. Positions are 1-based, in the input text. */
export interface Change {
  readonly line: number;
  readonly column: number;
  readonly level: SafetyLevel;
  /** What the rewrite does, e.g. `3 awaits → Promise.all: getUser(), getPosts(), getSettings()`. */
  readonly description: string;
  /** False when the change is above the requested level: listed so the user can opt in. */
  readonly applied: boolean;
}

/** A place where the analysis found something to rewrite but refused to, and why. */
export interface RefusalNote {
  readonly line: number;
  readonly column: number;
  readonly reason: NoteReason;
  readonly message: string;
}

/**
 * A file a transform needs beside its rewrite (the local limiter's helper): created by the runner
 * when it does not exist yet, shown in the dry-run diff, written atomically with the rewrites and
 * listed in the report. An existing file is never overwritten.
 */
export interface GeneratedFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
  /** What the file is, for the report: `the bounded-map helper the local limiter imports`. */
  readonly description: string;
}

export interface TransformResult {
  /** The new text; the input itself (same string) when nothing was applied. */
  readonly output: string;
  readonly changes: readonly Change[];
  readonly refusals: readonly RefusalNote[];
  /**
   * True when the transform itself analysed its output and found nothing more to apply (every
   * `applyPlans` transform does), so a rerun to check idempotence would change nothing.
   */
  readonly settled?: boolean;
  /**
   * Ranges of the output (byte order mark excluded) that this transform or an earlier codemod of the
   * pass (`earlierChanges`, carried along) wrote: what the next codemod must leave alone.
   */
  readonly written?: readonly TextRange[];
  /**
   * Maps an offset of the output back to the input (both without a byte order mark): how the runner
   * reports a later codemod's changes where the user wrote them. Offsets inside a replacement map to
   * its start.
   */
  readonly inputOffsetOf?: (outputOffset: number) => number;
  /** Files the rewritten text needs that the transform cannot write itself (see {@link GeneratedFile}). */
  readonly files?: readonly GeneratedFile[];
  /**
   * With a project: whether the file was read with the program's types, or without them and why.
   * Absent without a project, or when the analysis asked no type question.
   */
  readonly types?: TypesUse;
}

/**
 * A transform as the CLI runs it: text in, text and notes out, no I/O. `options` holds the shared
 * options and the codemod's own, validated against its declarations. Throws `ParseError` when the
 * input does not parse and `OutputParseError` when the rewrite would not.
 */
export type RunTransform = (source: string, filePath: string, options?: RunOptions) => TransformResult;

/** The shared options and a codemod's own values (by key, as its declarations name them; see `option-spec.ts`). */
export type RunOptions = TransformOptions & { readonly [option: string]: unknown };
