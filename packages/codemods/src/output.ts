import type { SafetyLevel } from '@asyncwise/analysis';
import picocolors from 'picocolors';
import type { FileOutcome } from './migrate';
import type { CodemodUnit } from './registry';
import { displayPath } from './paths';
import type { Summary } from './report';
import { unifiedDiff } from './unified-diff';

export type Colors = ReturnType<typeof picocolors.createColors>;

/** Colors for a stream: on only for a terminal that supports them (and honouring NO_COLOR). */
export function colorsFor(stream: { isTTY?: boolean }): Colors {
  return picocolors.createColors(stream.isTTY === true && picocolors.isColorSupported);
}

/** A changed file as a unified diff, `a/` and `b/` prefixed like git's; fast on big files (see unified-diff.ts). */
export function formatDiff(outcome: FileOutcome, cwd: string, c: Colors): string {
  const shown = displayPath(outcome.file, cwd);
  // git writes `a/` before a relative path; an absolute one (outside the working folder) keeps its own `/`.
  const [from, to] = shown.startsWith('/') ? [`a${shown}`, `b${shown}`] : [`a/${shown}`, `b/${shown}`];
  const patches = [unifiedDiff(from, to, outcome.before ?? '', outcome.after ?? '', 3)];
  // A file the rewrite needs is shown as git shows a new file.
  for (const created of outcome.created ?? []) {
    const name = displayPath(created.path, cwd);
    patches.push(unifiedDiff('/dev/null', name.startsWith('/') ? `b${name}` : `b/${name}`, '', created.text, 3));
  }
  return patches
    .join('\n')
    .split('\n')
    .map((line) => {
      if (line.startsWith('---') || line.startsWith('+++')) return c.bold(line);
      if (line.startsWith('@@')) return c.cyan(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      return line;
    })
    .join('\n');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function at(path: string, item: { line?: number; column?: number }): string {
  return item.line === undefined ? path : `${path}:${item.line}:${item.column ?? 1}`;
}

export interface SummarySettings {
  readonly cwd: string;
  readonly level: SafetyLevel;
  readonly write: boolean;
  /** Only counts and errors: no per-change listings. */
  readonly quiet: boolean;
  /**
   * The run's codemods, in order, with the noun of what each rewrites: the counts of changes and
   * refusals are given per codemod in its own words ("Runs rewritten", "Calls rewritten").
   */
  readonly codemods: readonly { readonly name: string; readonly unit: CodemodUnit }[];
}

/** The unit of a codemod the settings do not name (a merged report from another registry). */
const genericUnit: CodemodUnit = { one: 'change', many: 'changes' };

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The end-of-run summary: what was scanned and changed, what was only listed (and how to apply it),
 * what was refused and why, and every file that failed with its position.
 */
export function formatSummary(summary: Summary, outcomes: readonly FileOutcome[], settings: SummarySettings, c: Colors): string {
  const lines: string[] = [];
  const changedVerb = settings.write ? 'changed' : 'would change';
  lines.push(
    c.bold(
      `${plural(summary.filesScanned, 'file')} scanned, ${summary.filesChanged} ${changedVerb}, ` +
        `${summary.filesSkipped > 0 ? `${summary.filesSkipped} skipped, ` : ''}${plural(summary.filesErrored, 'error')}` +
        ` (level ${settings.level}${settings.write ? '' : ', dry run'})`,
    ),
  );
  // One line per codemod, in its own noun; with one codemod the line needs no name.
  const named = [...settings.codemods];
  for (const o of outcomes) {
    for (const item of [...o.changes, ...o.refusals]) {
      if (!named.some((c) => c.name === item.codemod)) named.push({ name: item.codemod, unit: genericUnit });
    }
  }
  const by = (name: string) => (named.length === 1 ? '' : ` by ${name}`);
  for (const { name, unit } of named) {
    const applied = { safe: 0, review: 0 };
    for (const o of outcomes) for (const ch of o.changes) if (ch.applied && ch.codemod === name) applied[ch.level]++;
    lines.push(`${capitalized(unit.many)} rewritten${by(name)}: ${applied.review} review, ${applied.safe} safe`);
  }

  const notApplied = outcomes.flatMap((o) => o.changes.filter((ch) => !ch.applied && o.status !== 'error').map((ch) => ({ o, ch })));
  if (summary.changesNotApplied.review > 0) {
    lines.push(
      c.yellow(`${plural(summary.changesNotApplied.review, 'review change')} listed, not applied; rerun with --level review`),
    );
    if (!settings.quiet) {
      for (const { o, ch } of notApplied) lines.push(`  ${at(displayPath(o.file, settings.cwd), ch)}  ${ch.description}`);
    }
  }

  const refusalCount = Object.values(summary.refusals).reduce((a, b) => a + b, 0);
  if (refusalCount > 0) {
    for (const { name, unit } of named) {
      const byReason = new Map<string, number>();
      for (const o of outcomes) for (const r of o.refusals) if (r.codemod === name) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
      const count = [...byReason.values()].reduce((a, b) => a + b, 0);
      if (count === 0) continue;
      const reasons = [...byReason].map(([reason, n]) => `${reason} ×${n}`);
      lines.push(`${plural(count, unit.one, unit.many)} refused${by(name)}: ${reasons.join(', ')}`);
    }
    if (!settings.quiet) {
      for (const o of outcomes) {
        for (const r of o.refusals) lines.push(`  ${at(displayPath(o.file, settings.cwd), r)}  ${r.reason}: ${r.message}`);
      }
    }
  }

  if (summary.asyncwiseBugs > 0) {
    lines.push(
      c.red(
        `${plural(summary.asyncwiseBugs, 'rewrite')} refused by the invariant (would-lose-code): ` +
          'asyncwise built an edit that would have lost code and did not apply it. This is an asyncwise bug; please report it with the file.',
      ),
    );
  }

  // With --project: a file read without types was judged by the syntax alone, which the user should know.
  if (summary.types) {
    const { typed, untyped } = summary.types;
    lines.push(`Types: ${plural(typed, 'file')} read with the program's checker${untyped.length > 0 ? `, ${untyped.length} without it:` : ''}`);
    if (!settings.quiet) for (const u of untyped) lines.push(`  ${u.path}: ${u.reason}: ${u.message}`);
  }

  // Skips are listed even with --quiet: like an error, they say a file was not migrated.
  if (summary.skipped.length > 0) {
    lines.push(c.yellow(`${plural(summary.skipped.length, 'file')} skipped and left unchanged (not an error):`));
    for (const skip of summary.skipped) lines.push(`  ${at(skip.path, skip)}: ${skip.reason}: ${skip.message}`);
  }

  if (summary.errors.length > 0) {
    lines.push(c.red(`${plural(summary.errors.length, 'file')} failed and ${summary.errors.length === 1 ? 'was' : 'were'} left unchanged:`));
    for (const error of summary.errors) lines.push(`  ${at(error.path, error)}: ${error.message}`);
  }

  // Files the rewrites need (the local limiter's helper): named, since nobody asked for them by path.
  for (const o of outcomes) {
    for (const created of o.created ?? []) {
      const verb = !settings.write ? 'Would create' : created.written ? 'Created' : 'Not created (it exists)';
      lines.push(`${verb} ${displayPath(created.path, settings.cwd)}: ${created.description}`);
    }
  }

  if (!settings.write) {
    lines.push(summary.filesChanged > 0 ? 'Dry run: nothing written. Rerun with --write to apply.' : 'Dry run: nothing to write.');
  } else {
    lines.push(summary.filesWritten > 0 ? c.green(`Wrote ${plural(summary.filesWritten, 'file')}.`) : 'Nothing written.');
  }
  return lines.join('\n');
}
