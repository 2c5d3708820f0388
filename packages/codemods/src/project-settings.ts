import type { CodemodOptionValues } from './option-spec';

/** What the command line gives a project transform; each reads its own and refuses what it does not take. */
export interface ProjectSettings {
  /** add-abort-signal: `path/file.ts#name`, relative to `cwd`. */
  readonly from: readonly string[];
  /** add-abort-signal: every exported async function is an entry. */
  readonly allExports: boolean;
  /** The codemod's own options (its registry row's), validated. */
  readonly options: CodemodOptionValues;
  readonly cwd: string;
}
