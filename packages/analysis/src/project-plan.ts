/**
 * The plan of a project transform: text edits per file over one program's texts, each change and
 * refusal with its place and the function whose plan made it. The codemods' apply phase
 * (`migrateProject`) takes any of them.
 */
import type { RefusalReason, TextEdit } from './edits';

/** One edit-carrying finding of a plan, or one refusal, at an offset of a file's text. */
export interface ProjectNote {
  readonly file: string;
  readonly start: number;
  /** The function whose plan made the note (`src/api.ts#loadUser`). */
  readonly plan: string;
  readonly description: string;
}

export interface ProjectChange extends ProjectNote {
  readonly kind: string;
}

export interface ProjectRefusal extends ProjectNote {
  readonly reason: RefusalReason;
}

export interface ProjectPlan {
  /** Each changed file's edits (absolute paths), to be applied together to the program's text of it. */
  readonly edits: ReadonlyMap<string, readonly TextEdit[]>;
  /** The program's text of every file with edits or refusals: what the offsets are offsets of. */
  readonly texts: ReadonlyMap<string, string>;
  readonly changes: readonly ProjectChange[];
  readonly refusals: readonly ProjectRefusal[];
  /** The functions the plan changes (`file#name`). */
  readonly functions: readonly string[];
}
