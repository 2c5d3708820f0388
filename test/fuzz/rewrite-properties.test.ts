// The fixed-seed part of the property test: the same cases on every run, a few seconds in CI.
// `pnpm fuzz` runs the same properties on many more cases with a fresh seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRewriteProperties, generatedFile } from './rewrite-properties';

const runs = Number(process.env['ASYNCWISE_FUZZ_RUNS'] ?? 120);
const seed = process.env['ASYNCWISE_FUZZ_SEED'] === undefined ? 20261201 : Number(process.env['ASYNCWISE_FUZZ_SEED']);

describe('every rewrite of a generated program', () => {
  it(`parses, settles, keeps every word and matches the rule (${runs} programs, seed ${Number.isNaN(seed) ? 'random' : seed})`, () => {
    let checked = 0;
    fc.assert(
      fc.property(generatedFile, (file) => {
        if (checkRewriteProperties(file)) checked++;
      }),
      { numRuns: runs, ...(Number.isNaN(seed) ? {} : { seed }), endOnFailure: true },
    );
    // Nearly every generated program is valid: the properties were checked, not skipped.
    expect(checked).toBeGreaterThan(runs * 0.9);
  }, 600_000);
});
