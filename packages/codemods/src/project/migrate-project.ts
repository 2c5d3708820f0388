/**
 * The apply phase of a project transform: the analysis planned edits over the whole program; here
 * each file gets its edits in one batch, the result is re-parsed, optionally type-checked against
 * the program as it was, and written with the per-file codemods' machinery (clean-git gate, atomic
 * writes, the same outcomes, diffs and report). All or nothing: when one planned file does not parse
 * or the project gains a type error, no file is written; a shard (`owns`) judges the whole plan
 * too, so no shard writes what another shard's verdict would hold back.
 */
import {
  applyEdits,
  isLevelAllowed,
  newTypeErrors,
  ParseError,
  parseFile,
  type SafetyLevel,
  type ProjectPlan,
  type TypeError_,
} from '@asyncwise/analysis';
import { lineStartsOf, positionOf } from '../apply-plans';
import type { AtomicWriteHooks } from '../atomic-write';
import { OutputParseError } from '../errors';
import { type FileChange, fileErrorOf, type FileOutcome, type FileRefusal, writeChanges } from '../migrate';

export interface ProjectMigrateOptions {
  readonly codemod: string;
  readonly configPath: string;
  readonly level: SafetyLevel;
  readonly write: boolean;
  readonly allowDirty: boolean;
  /** Write only when the project has no TypeScript error it did not have before. */
  readonly typecheck: boolean;
  /**
   * `--shard i/n`: the files this run owns (the others belong to the other shards). The gates judge
   * the whole plan all the same: every planned file is re-parsed and, with `typecheck`, the project
   * is checked with every shard's edits, so all shards write or none does, and each shard's verdict
   * is the unsharded run's. Only the owned files are written and listed in the outcomes.
   */
  readonly owns?: (file: string) => boolean;
  readonly atomicWrite?: AtomicWriteHooks;
}

/** A TypeScript error the rewrite would bring, and the plans (the functions whose plans) edited its file. */
export interface NewTypeError extends TypeError_ {
  readonly line: number;
  readonly column: number;
  readonly plans: readonly string[];
}

export interface ProjectOutcome {
  readonly outcomes: FileOutcome[];
  /** Empty unless `typecheck` found errors; then nothing was written. */
  readonly typeErrors: readonly NewTypeError[];
  /** Why nothing was written although files changed, or null. */
  readonly heldBack: string | null;
}

/**
 * Every change of a project transform is `review`: a caller with a signal now aborts work it used to
 * finish; a callback that was called synchronously is now called a microtask later, and an error
 * the function threw now reaches the callback.
 */
const level: SafetyLevel = 'review';

/**
 * Applies a project plan (see the module comment); one outcome per file with a change or a refusal,
 * in path order (with `owns`, per owned file only).
 */
export async function migrateProject(plan: ProjectPlan, options: ProjectMigrateOptions): Promise<ProjectOutcome> {
  const judged = judgeProject(plan, options);
  const owns = options.owns;
  const mine = owns === undefined ? judged.outcomes : judged.outcomes.filter((o) => owns(o.file));
  if (judged.heldBack !== null || !options.write) return { ...judged, outcomes: mine };
  return { outcomes: await writeChanges(mine, { write: true, allowDirty: options.allowDirty, codemods: [], files: [], ...(options.atomicWrite ? { atomicWrite: options.atomicWrite } : {}) }), typeErrors: [], heldBack: null };
}

/** Every planned file's outcome and the gates' verdict over the whole plan; nothing written. */
function judgeProject(plan: ProjectPlan, options: ProjectMigrateOptions): ProjectOutcome {
  const applied = isLevelAllowed(level, options.level);
  const files = new Set([...plan.changes.map((c) => c.file), ...plan.refusals.map((r) => r.file)]);
  const outcomes: FileOutcome[] = [];
  const newTexts = new Map<string, string>();
  for (const file of [...files].sort()) {
    const before = plan.texts.get(file) ?? null;
    const starts = before === null ? null : lineStartsOf(before);
    const at = (offset: number) => (starts === null ? { line: 1, column: 1 } : positionOf(starts, offset));
    const changes: FileChange[] = plan.changes
      .filter((c) => c.file === file)
      .map((c) => ({ codemod: options.codemod, ...at(c.start), level, description: c.description, applied }));
    const refusals: FileRefusal[] = plan.refusals
      .filter((r) => r.file === file)
      .map((r) => ({ codemod: options.codemod, ...at(r.start), reason: r.reason, message: r.description }));
    const edits = plan.edits.get(file) ?? [];
    if (before === null || edits.length === 0 || !applied) {
      outcomes.push({ file, status: 'unchanged', changes, refusals, written: false });
      continue;
    }
    try {
      const after = applyEdits(before, edits);
      // The parse the per-file codemods give every output: a rewrite that does not parse is a bug, and stops the run.
      try {
        parseFile(after, file, { parser: 'oxc' });
      } catch (error) {
        if (error instanceof ParseError) throw new OutputParseError(file, error.line, error.column, error.reason);
        throw error;
      }
      newTexts.set(file, after);
      outcomes.push({ file, status: 'changed', changes, refusals, before, after, written: false });
    } catch (error) {
      outcomes.push({ file, status: 'error', changes: changes.map((c) => ({ ...c, applied: false })), refusals, error: fileErrorOf(error), written: false });
    }
  }
  const failed = outcomes.filter((o) => o.status === 'error').length;
  if (failed > 0) return { outcomes: held(outcomes), typeErrors: [], heldBack: `${failed} planned file${failed === 1 ? '' : 's'} would not parse, so no file was written` };
  if (options.typecheck && newTexts.size > 0) {
    const errors = newTypeErrors(options.configPath, newTexts).map((e): NewTypeError => {
      const text = e.file === null ? undefined : newTexts.get(e.file);
      const { line, column } = text === undefined ? { line: 1, column: 1 } : positionOf(lineStartsOf(text), e.start);
      const plans = [...new Set(plan.changes.filter((c) => c.file === e.file).map((c) => c.plan))];
      return { ...e, line, column, plans: plans.length > 0 ? plans : [...new Set(plan.changes.map((c) => c.plan))] };
    });
    if (errors.length > 0) return { outcomes: held(outcomes), typeErrors: errors, heldBack: `the rewrite would add ${errors.length} TypeScript error${errors.length === 1 ? '' : 's'}, so no file was written` };
  }
  return { outcomes, typeErrors: [], heldBack: null };
}

/** The outcomes of a run that writes nothing: changed files stay listed, none applied. */
function held(outcomes: readonly FileOutcome[]): FileOutcome[] {
  return outcomes.map((o) => (o.status === 'changed' ? { ...o, changes: o.changes.map((c) => ({ ...c, applied: false })) } : o));
}
