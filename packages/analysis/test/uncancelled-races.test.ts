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

describe("a race whose calls get only the caller's signal", () => {
  // The caller's signal aborts when the caller gives up, not when the race settles: whether the
  // losers run on is what decides that such a race is reported. Measured on Node's fetch against a
  // server whose losing endpoint never finishes its body.
  const code =
    'export async function fastest(a, b, signal) {\n  signal.throwIfAborted();\n  return Promise.race([fetch(a, { signal }).then((r) => r.text()), fetch(b, { signal }).then((r) => r.text())]);\n}\n';

  async function withServer(run: (fast: string, slow: string, slowClosed: Promise<void>, slowOpen: () => boolean) => Promise<void>): Promise<void> {
    const { createServer } = await import('node:http');
    let arrived!: () => void;
    const slowArrived = new Promise<void>((resolve) => (arrived = resolve));
    let closed!: () => void;
    const slowClosed = new Promise<void>((resolve) => (closed = resolve));
    let open = false;
    const server = createServer((request, response) => {
      if (request.url === '/slow') {
        open = true;
        response.on('close', () => {
          open = false;
          closed();
        });
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('first part of a body that never ends');
        arrived();
        return;
      }
      // The fast mirror answers once the slow one is under way, so there is a loser to stop.
      void slowArrived.then(() => response.end('fast'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      const base = `http://127.0.0.1:${address.port}`;
      await run(`${base}/fast`, `${base}/slow`, slowClosed, () => open);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  async function load(source: string): Promise<(a: string, b: string, signal: AbortSignal) => Promise<string>> {
    const file = path.join(mkdtempSync(path.join(work, 'run-')), 'race.mjs');
    writeFileSync(file, source);
    const module = (await import(file)) as { fastest: (a: string, b: string, signal: AbortSignal) => Promise<string> };
    return module.fastest;
  }

  it('leaves the losing request open after the race settles, and the planned race closes it', async () => {
    const file = parseFile(code, 'race.js');
    const [race] = findUncancelledRaces(file).races;
    expect(race?.losersGet).toEqual({ kind: 'caller-signal', signal: 'signal' });
    const rewritten = planned(code, 'race.js');
    expect(rewritten).toContain('const raceSignal = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;');
    expect(rewritten).toContain('fetch(a, { signal: raceSignal })');

    const before = await load(code);
    await withServer(async (fast, slow, _closed, slowOpen) => {
      expect(await before(fast, slow, new AbortController().signal)).toBe('fast');
      // Long enough for an abort to reach the server over loopback; nothing aborts, so it stays open.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(slowOpen()).toBe(true);
    });

    const after = await load(rewritten);
    await withServer(async (fast, slow, slowClosed) => {
      expect(await after(fast, slow, new AbortController().signal)).toBe('fast');
      // The loser's connection closes once the race settles (the test times out otherwise).
      await slowClosed;
    });
  });
});
