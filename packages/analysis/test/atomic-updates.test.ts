import { describe, expect, it } from 'vitest';
import { type AtomicUpdatesOptions, findAtomicUpdateRaces, parseFile } from '../src/index';

function judge(code: string, options: AtomicUpdatesOptions = {}) {
  const file = parseFile(code, 'file.ts');
  const { updates, silenced } = findAtomicUpdateRaces(file, options);
  const text = (node: { range: readonly [number, number] }) => code.slice(node.range[0], node.range[1]);
  return {
    updates: updates.map((u) => ({ write: text(u.node), kind: u.kind, read: text(u.read) })),
    silenced: silenced.map((s) => ({ write: text(s.node), reason: s.reason })),
  };
}

describe('findAtomicUpdateRaces', () => {
  it('names the write and the read taken before the pause', () => {
    expect(judge('class C {\n  async f() {\n    const v = this.n;\n    await g();\n    this.n = v + 1;\n  }\n}').updates).toEqual([
      { write: 'this.n = v + 1', kind: 'stale-value', read: 'this.n' },
    ]);
  });

  it('follows a read through several locals and a call', () => {
    const code = 'let total = 0;\nexport async function f() {\n  const a = total;\n  const b = wrap(a);\n  await g();\n  total = b.value;\n}';
    expect(judge(code).updates).toEqual([{ write: 'total = b.value', kind: 'stale-value', read: 'total' }]);
  });

  it('read-again-after-await', () => {
    const code = 'let n = 0;\nexport async function f() {\n  const v = n;\n  await g();\n  if (n === v) n = v + 1;\n}';
    expect(judge(code)).toEqual({ updates: [], silenced: [{ write: 'n = v + 1', reason: 'read-again-after-await' }] });
  });

  it('read-again-after-await needs the read on every path', () => {
    const code = 'let n = 0;\nexport async function f(c) {\n  const v = n;\n  await g();\n  if (c) log(n);\n  n = v + 1;\n}';
    expect(judge(code).updates).toHaveLength(1);
  });

  it('guarded-by-flag', () => {
    const code = 'let busy = false;\nlet n = 0;\nexport async function f() {\n  if (busy) return;\n  busy = true;\n  const v = n;\n  await g();\n  n = v + 1;\n  busy = false;\n}';
    expect(judge(code)).toEqual({ updates: [], silenced: [{ write: 'n = v + 1', reason: 'guarded-by-flag' }] });
  });

  it('a flag set only after the first pause is no guard', () => {
    const code = 'let busy = false;\nlet n = 0;\nexport async function f() {\n  if (busy) return;\n  await h();\n  busy = true;\n  const v = n;\n  await g();\n  n = v + 1;\n}';
    expect(judge(code).updates).toHaveLength(1);
  });

  it('restores-saved-value', () => {
    const code = 'const log = { sink: null };\nexport async function quiet(run) {\n  const saved = log.sink;\n  log.sink = null;\n  await run();\n  log.sink = saved;\n}';
    expect(judge(code)).toEqual({ updates: [], silenced: [{ write: 'log.sink = saved', reason: 'restores-saved-value' }] });
  });

  it('properties-allowed', () => {
    const code = 'const s = { n: 0 };\nexport async function f() {\n  s.n += await g();\n}';
    expect(judge(code, { allowProperties: true })).toEqual({ updates: [], silenced: [{ write: 's.n += await g()', reason: 'properties-allowed' }] });
    expect(judge(code).updates).toHaveLength(1);
  });

  it('called-once', () => {
    const code = 'export async function f() {\n  let n = 0;\n  await (async () => {\n    n += await g();\n  })();\n  return n;\n}';
    expect(judge(code)).toEqual({ updates: [], silenced: [{ write: 'n += await g()', reason: 'called-once' }] });
  });

  it('reports check-then-write only when asked', () => {
    const code = 'let c;\nexport async function get() {\n  if (!c) c = await load();\n  return c;\n}';
    expect(judge(code).updates).toEqual([]);
    expect(judge(code, { includeCheckThenWrite: true }).updates).toEqual([{ write: 'c = await load()', kind: 'stale-check', read: 'c' }]);
  });

  it('a break out of a loop carries its state past the loop', () => {
    const code = 'let n = 0;\nexport async function f(xs) {\n  let v = 0;\n  for (const x of xs) {\n    v = n;\n    if (x) { await g(); break; }\n  }\n  n = v + 1;\n}';
    expect(judge(code).updates).toHaveLength(1);
  });

  it('catch and finally see the pauses of the try block', () => {
    const code = 'let n = 0;\nexport async function f() {\n  const v = n;\n  try {\n    await g();\n  } finally {\n    n = v + 1;\n  }\n}';
    expect(judge(code).updates).toHaveLength(1);
  });

  it('does not overflow on generated code', () => {
    const terms = Array.from({ length: 800 }, (_, i) => `x${i % 10}`).join(' + ');
    const code = `let n = 0;\nexport async function f() {\n  n = n + ${terms} + (await g());\n}`;
    expect(judge(code).updates).toHaveLength(1);
  });
});
