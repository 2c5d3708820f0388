/**
 * Fixture pairs from disk: `src/transforms/__testfixtures__/<codemod>/<case>.input.<ext>` and, when the
 * codemod rewrites it, `<case>.output.<ext>`. A new case is two files (or one, for code that must come
 * back byte-identical); no test code changes. Cases run at level `review`; an optional
 * `<case>.options.json` adds transform options (e.g. `{ "includeBareAwaits": true }`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile, withoutBom } from '@asyncwise/analysis';
import { describe, expect, it } from 'vitest';
import { codemods } from '../src/registry';
import { casesOf } from './helpers';

const fixturesRoot = fileURLToPath(new URL('../src/transforms/__testfixtures__', import.meta.url));

// The modules themselves: their `run` takes the shared options and the codemod's own together.
const modules = await Promise.all(codemods.map((codemod) => codemod.load()));

for (const [index, codemod] of codemods.entries()) {
  const { run } = modules[index] as (typeof modules)[number];
  describe(`${codemod.name} fixtures`, () => {
    const dir = path.join(fixturesRoot, codemod.name);
    const cases = casesOf(dir);

    it('has fixtures, and every output has its input', () => {
      expect(cases.length).toBeGreaterThanOrEqual(12);
      const outputs = readdirSync(dir).filter((f) => /\.output\.[cm]?[jt]sx?$/.test(f));
      const paired = new Set(cases.flatMap((c) => [path.basename(c.outputPath), `${c.name}.options.json`]));
      expect(outputs.filter((f) => !paired.has(f))).toEqual([]);
      const strays = readdirSync(dir).filter((f) => !/\.(input|output)\.[cm]?[jt]sx?$/.test(f) && !paired.has(f));
      expect(strays).toEqual([]);
    });

    for (const fixture of cases) {
      it(fixture.name, () => {
        const input = readFileSync(fixture.inputPath, 'utf8');
        const options = { ...fixture.options, level: 'review' as const };
        const result = run(input, fixture.inputPath, options);
        const applied = result.changes.filter((c) => c.applied);

        if (existsSync(fixture.outputPath)) {
          const expected = readFileSync(fixture.outputPath, 'utf8');
          expect(expected).not.toBe(input);
          expect(result.output).toBe(expected);
          expect(applied.length).toBeGreaterThan(0);
          expect(() => parseFile(withoutBom(expected).text, fixture.outputPath)).not.toThrow();
          // Idempotence: the output is a fixed point.
          const again = run(expected, fixture.outputPath, options);
          expect(again.output).toBe(expected);
          expect(again.changes.filter((c) => c.applied)).toEqual([]);
        } else {
          // No output file: the code must come back byte-identical.
          expect(result.output).toBe(input);
          expect(applied).toEqual([]);
        }

        // The default level applies only `safe` changes.
        const byDefault = run(input, fixture.inputPath, { ...fixture.options, level: 'safe' });
        expect(byDefault.changes.filter((c) => c.applied && c.level !== 'safe')).toEqual([]);
        if (!codemod.levels.some((level) => level === 'safe')) expect(byDefault.output).toBe(input);
      });
    }
  });
}
