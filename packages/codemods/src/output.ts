import type { SafetyLevel } from '@asyncwise/analysis';
import picocolors from 'picocolors';
import type { FileOutcome } from './migrate';
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
  const patch = unifiedDiff(from, to, outcome.before ?? '', outcome.after ?? '', 3);
  return patch
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
  const applied = summary.changesApplied;
  lines.push(`Runs rewritten: ${applied.review} review, ${applied.safe} safe`);

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
    const byReason = Object.entries(summary.refusals).map(([reason, n]) => `${reason} ×${n}`);
    lines.push(`${plural(refusalCount, 'run')} refused: ${byReason.join(', ')}`);
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

  // Skips are listed even with --quiet: like an error, they say a file was not migrated.
  if (summary.skipped.length > 0) {
    lines.push(c.yellow(`${plural(summary.skipped.length, 'file')} skipped and left unchanged (not an error):`));
    for (const skip of summary.skipped) lines.push(`  ${at(skip.path, skip)}: ${skip.reason}: ${skip.message}`);
  }

  if (summary.errors.length > 0) {
    lines.push(c.red(`${plural(summary.errors.length, 'file')} failed and ${summary.errors.length === 1 ? 'was' : 'were'} left unchanged:`));
    for (const error of summary.errors) lines.push(`  ${at(error.path, error)}: ${error.message}`);
  }

  if (!settings.write) {
    lines.push(summary.filesChanged > 0 ? 'Dry run: nothing written. Rerun with --write to apply.' : 'Dry run: nothing to write.');
  } else {
    lines.push(summary.filesWritten > 0 ? c.green(`Wrote ${plural(summary.filesWritten, 'file')}.`) : 'Nothing written.');
  }
  return lines.join('\n');
}
