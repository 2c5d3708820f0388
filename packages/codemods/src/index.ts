/**
 * `@asyncwise/codemods`: the transform registry, the runner behind `asyncwise migrate`, and the
 * types they share. Each transform is also importable on its own (`@asyncwise/codemods/transforms/<name>`)
 * and is a jscodeshift transform module.
 */
export {
  codemods,
  findCodemod,
  loadCodemods,
  type Codemod,
  type LoadedCodemod,
  type TransformModule,
} from './registry';
export { applyPlans, type FindPlans, type FoundPlan } from './apply-plans';
export {
  fileErrorOf,
  migrate,
  migrateFile,
  type FileChange,
  type FileError,
  type FileErrorKind,
  type FileOutcome,
  type FileRefusal,
  type FileSkip,
  type MigrateOptions,
} from './migrate';
export { migrateProject, type ProjectMigrateOptions, type ProjectOutcome } from './project/migrate-project';
export { plan as planAddAbortSignal, type AddAbortSignalSettings } from './project/add-abort-signal';
export { plan as planCallbackToAsync } from './project/callback-to-async';
export type { ProjectSettings } from './project-settings';
export { decodeSource, encodeSource, skipReasons, type DecodedSource, type SkipReason } from './source-text';
export { isAsyncwiseTempFile, removeStaleTempFiles, writeFileAtomically } from './atomic-write';
export { discoverFiles } from './discover';
export { displayPath } from './paths';
export { colorsFor, formatDiff, formatSummary, type Colors } from './output';
export { unifiedDiff } from './unified-diff';
export { dirtyFiles } from './git';
export { buildReport, reportVersion, summarize, type ErrorSummary, type Report, type ReportFile, type SkipSummary, type Summary } from './report';
export { parseIgnore, parseLevel, parseSourceType, safetyLevels, transformOptionsFrom } from './options';
export { flagUsage, optionHelp, parseOptionValues, type BooleanOption, type CodemodOption, type CodemodOptionValues, type IntegerOption, type OptionValues, type PatternsOption } from './option-spec';
export { sequentialToConcurrentOptions, type SequentialToConcurrentOptionValues } from './codemod-options/sequential-to-concurrent';
export { DirtyWorkTreeError, NotConvergingError, OptionError, OutputParseError, PathError } from './errors';
export { main, version, exitCodes, type CliEnvironment } from './command-line';
export type { Change, NoteReason, RefusalNote, RunOptions, RunnerRefusalReason, RunTransform, TextRange, TransformOptions, TransformResult } from './types';
