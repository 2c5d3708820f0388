/**
 * Unified diffs that stay fast on big files.
 *
 * jsdiff's line diff is Myers' O(N·D) algorithm: fine for the usual file, but a 1 MB file in which
 * the codemod rewrote thousands of runs took 296 s to print. So the exact diff is tried with a
 * bounded edit length first, and when that is not enough (only on files with very many changed
 * lines) the diff is built from windows instead: the lines that occur exactly once in both texts
 * and keep their order (patience diff's anchors: a function's signature, most statements) split
 * both texts into small windows, and each window is diffed on its own, again with a bound. A
 * window still over the bound is shown as all of its old lines removed and all of its new lines
 * added: a correct diff, only a coarser one. So every diff is a true patch from the old text to
 * the new one, and a normal file's diff is exactly jsdiff's, as before.
 */
import { diffArrays, FILE_HEADERS_ONLY, formatPatch, type StructuredPatch, type StructuredPatchHunk, structuredPatch } from 'diff';

/**
 * The most changed lines (removed + added) the exact diff may find before the windowed one takes
 * over: a few hundred Myers steps cost milliseconds, and a migration of a normal file changes far
 * fewer lines. A fixed number, not a timeout, so the output never depends on the machine.
 */
const EXACT_EDIT_LIMIT = 400;

/** The same bound for each window; a window over it is shown as one replaced block. */
const WINDOW_EDIT_LIMIT = 400;

/**
 * How often a window may be split again by its own unique lines. Each split costs one bounded diff
 * of the window, so a bound keeps an adversarial file (one unique line per level) linear.
 */
const MAX_SPLIT_DEPTH = 8;

/** One stretch of a line diff: lines kept, removed or added, each with its line break. */
export interface LineChange {
  readonly kind: 'equal' | 'removed' | 'added';
  readonly lines: readonly string[];
}

/**
 * The unified diff from `before` to `after` with `context` lines around each change, headed
 * `--- oldName` / `+++ newName`, in jsdiff's format (`createTwoFilesPatch` with file headers only).
 */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string, context = 3): string {
  const exact = structuredPatch(oldName, newName, before, after, undefined, undefined, { context, maxEditLength: EXACT_EDIT_LIMIT });
  if (exact !== undefined) return formatPatch(exact, FILE_HEADERS_ONLY);
  return formatPatch(patchOf(oldName, newName, windowedLineDiff(before, after), context), FILE_HEADERS_ONLY);
}

/**
 * Lines as jsdiff's line diff reads them: each with its line break (`\n`, so `\r\n` too), the last
 * one without when the text does not end in one.
 */
export function linesOf(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * A line diff built window by window between anchors (see the module comment). Runs in time
 * linear in the number of lines, plus the windows' own diffs, each bounded.
 */
export function windowedLineDiff(before: string, after: string): LineChange[] {
  const a = linesOf(before);
  const b = linesOf(after);
  const changes: LineChange[] = [];
  const push = (kind: LineChange['kind'], lines: readonly string[]) => {
    if (lines.length === 0) return;
    const last = changes.at(-1);
    if (last?.kind === kind) changes[changes.length - 1] = { kind, lines: [...last.lines, ...lines] };
    else changes.push({ kind, lines });
  };

  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  push('equal', a.slice(0, prefix));

  // Diffs a[a0, a1) against b[b0, b1). When the bounded diff gives up, the lines unique within the
  // window split it further (patience diff's recursion); without any, it is one replaced block.
  const window = (a0: number, a1: number, b0: number, b1: number, depth: number) => {
    const oldLines = a.slice(a0, a1);
    const newLines = b.slice(b0, b1);
    if (oldLines.length === 0 || newLines.length === 0) {
      push('removed', oldLines);
      push('added', newLines);
      return;
    }
    const diffed = diffArrays(oldLines, newLines, { maxEditLength: WINDOW_EDIT_LIMIT });
    if (diffed !== undefined) {
      for (const part of diffed) push(part.added ? 'added' : part.removed ? 'removed' : 'equal', part.value);
      return;
    }
    const inner = depth < MAX_SPLIT_DEPTH ? anchors(a, a0, a1, b, b0, b1) : [];
    if (inner.length === 0) {
      push('removed', oldLines);
      push('added', newLines);
      return;
    }
    between(inner, a0, a1, b0, b1, depth + 1);
  };
  // The windows between anchors, each anchor line kept. A window's own anchors are unique within
  // it, so they are new ones and every level of recursion shrinks the windows.
  const between = (found: readonly [number, number][], a0: number, a1: number, b0: number, b1: number, depth: number) => {
    let ai0 = a0;
    let bi0 = b0;
    for (const [ai, bi] of found) {
      window(ai0, ai, bi0, bi, depth);
      push('equal', [a[ai] as string]);
      ai0 = ai + 1;
      bi0 = bi + 1;
    }
    // Without anchors this window is the one just split: splitting it again would find none.
    window(ai0, a1, bi0, b1, found.length > 0 ? depth : MAX_SPLIT_DEPTH);
  };

  const aEnd = a.length - suffix;
  const bEnd = b.length - suffix;
  between(anchors(a, prefix, aEnd, b, prefix, bEnd), prefix, aEnd, prefix, bEnd, 0);
  push('equal', a.slice(a.length - suffix));
  return changes;
}

/**
 * Pairs of line indexes `[inA, inB]`, increasing in both, of lines that occur exactly once in
 * `a[aFrom, aEnd)` and once in `b[bFrom, bEnd)`: the longest chain of them in order (patience
 * sorting, O(n log n)).
 */
function anchors(a: readonly string[], aFrom: number, aEnd: number, b: readonly string[], bFrom: number, bEnd: number): [number, number][] {
  const seen = new Map<string, { inA: number; inB: number; countA: number; countB: number }>();
  for (let i = aFrom; i < aEnd; i++) {
    const entry = seen.get(a[i] as string);
    if (entry) entry.countA++;
    else seen.set(a[i] as string, { inA: i, inB: -1, countA: 1, countB: 0 });
  }
  for (let j = bFrom; j < bEnd; j++) {
    const entry = seen.get(b[j] as string);
    if (!entry) continue;
    entry.countB++;
    entry.inB = j;
  }
  const pairs: [number, number][] = [];
  for (const entry of seen.values()) if (entry.countA === 1 && entry.countB === 1) pairs.push([entry.inA, entry.inB]);
  pairs.sort((x, y) => x[0] - y[0]);

  // Longest increasing subsequence of the B indexes: tails[k] is the pair ending the best chain of length k + 1.
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let p = 0; p < pairs.length; p++) {
    const inB = (pairs[p] as [number, number])[1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairs[tails[mid] as number] as [number, number])[1] < inB) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[p] = tails[lo - 1] as number;
    tails[lo] = p;
  }
  const chain: [number, number][] = [];
  for (let p = tails.at(-1) ?? -1; p >= 0; p = previous[p] as number) chain.push(pairs[p] as [number, number]);
  return chain.reverse();
}

/**
 * Hunks from a line diff, exactly as jsdiff's `structuredPatch` builds them from its own diff:
 * `context` lines around each change, changes closer than twice that joined into one hunk, and
 * "\ No newline at end of file" after a last line without a line break.
 */
export function patchOf(oldFileName: string, newFileName: string, changes: readonly LineChange[], context: number): StructuredPatch {
  const hunks: StructuredPatchHunk[] = [];
  let current: { oldStart: number; newStart: number; lines: string[] } | null = null;
  let oldLine = 1;
  let newLine = 1;
  const close = (trailing: readonly string[]) => {
    if (!current) return;
    for (const line of trailing) current.lines.push(` ${line}`);
    hunks.push({
      oldStart: current.oldStart,
      oldLines: oldLine - current.oldStart + trailing.length,
      newStart: current.newStart,
      newLines: newLine - current.newStart + trailing.length,
      lines: current.lines,
    });
    current = null;
  };
  for (const [i, change] of changes.entries()) {
    if (change.kind !== 'equal') {
      if (!current) {
        const before = changes[i - 1]?.kind === 'equal' && context > 0 ? (changes[i - 1] as LineChange).lines.slice(-context) : [];
        current = { oldStart: oldLine - before.length, newStart: newLine - before.length, lines: before.map((line) => ` ${line}`) };
      }
      const sign = change.kind === 'added' ? '+' : '-';
      for (const line of change.lines) current.lines.push(sign + line);
      if (change.kind === 'added') newLine += change.lines.length;
      else oldLine += change.lines.length;
      continue;
    }
    if (current) {
      if (change.lines.length <= context * 2 && i < changes.length - 1) {
        for (const line of change.lines) current.lines.push(` ${line}`);
      } else {
        close(change.lines.slice(0, Math.min(change.lines.length, context)));
      }
    }
    oldLine += change.lines.length;
    newLine += change.lines.length;
  }
  close([]);
  for (const hunk of hunks) {
    const lines: string[] = [];
    for (const line of hunk.lines) {
      if (line.endsWith('\n')) lines.push(line.slice(0, -1));
      else lines.push(line, '\\ No newline at end of file');
    }
    hunk.lines = lines;
  }
  return { oldFileName, newFileName, oldHeader: undefined, newHeader: undefined, hunks };
}
