import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits, findUncancelledRaces, parseFile } from '../src/index';

const work = mkdtempSync(path.join(tmpdir(), 'asyncwise-races-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The code after the plan of the only uncancelled race in `code`. */
function planned(code: string, filePath = 'file.ts'): string {
  const file = parseFile(code, filePath);
  const [race, ...others] = findUncancelledRaces(file).races;
  expect(others).toEqual([]);
  if (!race) throw new Error('no race reported');
  expect(race.plan.level).toBe('review');
  return applyEdits(code, race.plan.edits);
}

const raceWith = (params: string, before = '') =>
  `export async function f(a: string, b: string, ${params}) {\n  ${before}return Promise.race([fetch(a).then((r) => r.text()), fetch(b).then((r) => r.text())]);\n}\n`;

describe("race-to-cancellable combines the caller's signal", () => {
  it('passes AbortSignal.any of a required AbortSignal parameter and the controller', () => {
    const out = planned(raceWith('signal: AbortSignal'));
    expect(out).toContain('const raceSignal = AbortSignal.any([signal, controller.signal]);');
    expect(out).toContain('fetch(a, { signal: raceSignal })');
  });

  it('combines a signal that may be missing only when it is there', () => {
    expect(planned(raceWith('signal?: AbortSignal'))).toContain('const raceSignal = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;');
    const fromOptions = planned(raceWith('options: { signal?: AbortSignal }', 'options.signal?.throwIfAborted();\n  '));
    expect(fromOptions).toContain('const raceSignal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;');
  });

  it('takes an untyped `signal` only on evidence that it is an AbortSignal', () => {
    // In JavaScript, `signal` is just as often an OS signal: without a use only an AbortSignal has, it is left out.
    const plain = planned('export async function f(a, b, signal) {\n  return Promise.race([fetch(a).then((r) => r.text()), fetch(b).then((r) => r.text())]);\n}\n', 'file.js');
    expect(plain).not.toContain('AbortSignal.any');
    expect(plain).toContain('fetch(a, { signal: controller.signal })');
    const shown = planned('export async function f(a, b, signal) {\n  if (signal.aborted) return;\n  return Promise.race([fetch(a).then((r) => r.text()), fetch(b).then((r) => r.text())]);\n}\n', 'file.js');
    expect(shown).toContain('const raceSignal = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;');
  });

  it("leaves out a signal of the function's own controller, and a shadowed AbortSignal", () => {
    const own = planned(raceWith('x: number', 'const local = new AbortController();\n  local.signal.throwIfAborted();\n  '));
    expect(own).not.toContain('AbortSignal.any');
    const shadowed = planned(`const AbortSignal = { any: (s: unknown[]) => s[0] };\n${raceWith('signal: globalThis.AbortSignal')}`);
    expect(shadowed).not.toContain('AbortSignal.any');
  });

  it('passes the controller alone where engines.node admits a Node without AbortSignal.any', () => {
    const at = (engines: string | null) => {
      const dir = mkdtempSync(path.join(work, 'p-'));
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify(engines === null ? { name: 'p' } : { name: 'p', engines: { node: engines } }));
      mkdirSync(path.join(dir, 'src'));
      return planned(raceWith('signal: AbortSignal'), path.join(dir, 'src', 'race.ts'));
    };
    expect(at('>=18')).not.toContain('AbortSignal.any');
    expect(at('^18.17 || >=20')).not.toContain('AbortSignal.any');
    expect(at('>=20')).toContain('AbortSignal.any');
    expect(at('>=22')).toContain('AbortSignal.any');
    expect(at(null)).toContain('AbortSignal.any');
  });
});
