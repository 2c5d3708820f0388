import { existsSync, readFileSync } from 'node:fs';
import { applyPatch, createTwoFilesPatch, diffLines, FILE_HEADERS_ONLY, structuredPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { linesOf, patchOf, unifiedDiff, windowedLineDiff, type LineChange } from '../src/unified-diff';
import { casesOf, fixturesDir } from './helpers';

const jsdiff = (before: string, after: string) =>
  createTwoFilesPatch('a/x.ts', 'b/x.ts', before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });

/** A fixed-seed generator, so every run sees the same cases. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}

/** `count` small async functions with three independent awaits, before and after the codemod's rewrite. */
function manyRuns(count: number): { before: string; after: string; removedLines: number } {
  let before = '';
  let after = '';
  for (let i = 0; i < count; i++) {
    const head = `export async function load${i}() {\n`;
    const tail = '  return a + b + c;\n}\n\n';
    before += `${head}  const a = await f(${i});\n  const b = await f(${i + 1});\n  const c = await f(${i + 2});\n${tail}`;
    after += `${head}  const [a, b, c] = await Promise.all([\n    f(${i}),\n    f(${i + 1}),\n    f(${i + 2}),\n  ]);\n${tail}`;
  }
  return { before, after, removedLines: 3 * count };
}

describe('patchOf', () => {
  it("builds the same hunks as jsdiff's structuredPatch from the same line diff", () => {
    const next = random(7);
    const pieces = ['a\n', 'b\n', 'c\n', 'a\r\n', '}\n', '\n', 'x', 'const y = 1;\n'];
    for (let n = 0; n < 400; n++) {
      const text = () => Array.from({ length: next(30) }, () => pieces[next(pieces.length)] as string).join('');
      const before = text();
      const after = next(4) === 0 ? before : text();
      const context = next(5);
      const changes: LineChange[] = diffLines(before, after).map((c) => ({
        kind: c.added ? 'added' : c.removed ? 'removed' : 'equal',
        lines: linesOf(c.value),
      }));
      const expected = structuredPatch('a', 'b', before, after, undefined, undefined, { context });
      expect(patchOf('a', 'b', changes, context), JSON.stringify({ before, after, context })).toEqual(expected);
    }
  });
});

describe('unifiedDiff', () => {
  it("prints exactly jsdiff's diff for every fixture of the codemod", () => {
    // A case without an output file must come back unchanged: nothing to diff.
    const cases = casesOf(fixturesDir).filter((c) => existsSync(c.outputPath));
    expect(cases.length).toBeGreaterThan(5);
    for (const c of cases) {
      const before = readFileSync(c.inputPath, 'utf8');
      const after = readFileSync(c.outputPath, 'utf8');
      expect(unifiedDiff('a/x.ts', 'b/x.ts', before, after), c.name).toBe(jsdiff(before, after));
    }
  });

  it('diffs a big file with thousands of changed runs window by window: a true patch, as small as the exact one', () => {
    const { before, after, removedLines } = manyRuns(3000);
    const patch = unifiedDiff('a/x.ts', 'b/x.ts', before, after);
    expect(applyPatch(before, patch)).toBe(after);
    expect(patch.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('---'))).toHaveLength(removedLines);
    // Past the exact diff's bound (150 runs change 1,200 lines), yet the same diff as jsdiff's, which takes ~1 s here.
    const mid = manyRuns(150);
    expect(unifiedDiff('a/x.ts', 'b/x.ts', mid.before, mid.after)).toBe(jsdiff(mid.before, mid.after));
  });

  it('still gives a true patch when no line is unique and the windows cannot be split', () => {
    const before = 'x\n'.repeat(3000);
    const after = 'x\ny\n'.repeat(1500);
    const changes = windowedLineDiff(before, after);
    expect(changes.map((c) => c.kind)).toEqual(['equal', 'removed', 'added']);
    expect(applyPatch(before, unifiedDiff('a', 'b', before, after))).toBe(after);
  });

  it('keeps line breaks as they are: CRLF, a last line without one, a BOM', () => {
    const { before, after } = manyRuns(300);
    const crlf = (text: string) => `\uFEFF${text.replaceAll('\n', '\r\n')}// end`;
    const patch = unifiedDiff('a', 'b', crlf(before), crlf(after));
    expect(applyPatch(crlf(before), patch)).toBe(crlf(after));
  });
});
