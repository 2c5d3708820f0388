import { describe, expect, it } from 'vitest';
import { type FanOutSilenceReason, findUnboundedFanOuts, findUnboundedLimiterCalls, type LimiterSilenceReason, parseFile } from '../src/index';

describe('findUnboundedFanOuts: why a fan-out is left alone', () => {
  const cases: Record<FanOutSilenceReason, { code: string; filePath?: string }> = {
    'known-small': { code: 'async function f(ids) {\n  return Promise.all(ids.slice(0, 3).map(async (id) => get(id)));\n}' },
    'bounded-by-limiter': { code: "import pLimit from 'p-limit';\nconst limit = pLimit(4);\nasync function f(ids) {\n  return Promise.all(ids.map((id) => limit(() => get(id))));\n}" },
    'batched-in-loop': { code: 'async function f(chunks) {\n  for (const chunk of chunks) await Promise.all(chunk.map(async (id) => get(id)));\n}' },
    'test-file': { code: 'it("x", async () => {\n  await Promise.all(ids.map(async (id) => get(id)));\n});', filePath: 'src/x.spec.ts' },
    // Replies awaited by id: the messages were sent elsewhere, the promises only wait for them.
    'waits-only': {
      code: 'async function f(workers, pending) {\n  const ps = [];\n  for (const [id, worker] of workers) {\n    ps.push(new Promise((resolve) => pending.set(id, resolve)));\n    worker.postMessage({ id });\n  }\n  await Promise.all(ps);\n}',
    },
  };
  it.each(Object.entries(cases))('%s', (reason, { code, filePath }) => {
    const result = findUnboundedFanOuts(parseFile(code, 'a.ts'), { filePath });
    expect(result.fanOuts).toEqual([]);
    expect(result.silenced.map((s) => s.reason)).toEqual([reason]);
  });

  it('waiting promises: registered, stored or mapped; a settler given to work that starts is still a fan-out', () => {
    const judge = (code: string) => {
      const result = findUnboundedFanOuts(parseFile(code, 'a.ts'));
      return [...result.fanOuts.map(() => 'reported'), ...result.silenced.map((s) => s.reason)];
    };
    expect(judge('async function f(ids, emitter) {\n  await Promise.all(ids.map((id) => new Promise((resolve, reject) => {\n    emitter.once(`done:${id}`, resolve);\n  })));\n}')).toEqual(['waits-only']);
    expect(judge('async function f(ids, emitter) {\n  await Promise.all(ids.map((id) => new Promise((resolve, reject) => {\n    emitter.once(id, resolve);\n    emitter.once("error", reject);\n  })));\n}')).toEqual(['waits-only']);
    expect(judge('async function f(ids) {\n  const ps = [];\n  let release;\n  for (const id of ids) ps.push(new Promise((r) => (release = r)));\n  await Promise.all(ps);\n}')).toEqual(['waits-only']);
    expect(judge('async function f(workers, pending) {\n  const ps = [];\n  for (const [id, worker] of workers) {\n    const reply = new Promise((resolve) => pending.set(id, resolve));\n    worker.postMessage({ id });\n    ps.push(reply);\n  }\n  await Promise.all(ps);\n}')).toEqual(['waits-only']);
    expect(judge('async function f(sockets, data) {\n  await Promise.all(sockets.map((s) => new Promise((resolve) => s.write(data, resolve))));\n}')).toEqual(['reported']);
    expect(judge('async function f(ids, pending, send) {\n  await Promise.all(ids.map((id) => new Promise((resolve) => {\n    pending.set(id, resolve);\n    send(id);\n  })));\n}')).toEqual(['reported']);
    expect(judge('async function f(ids, pending) {\n  const ps = [];\n  for (const id of ids) {\n    ps.push(new Promise((resolve) => pending.set(id, resolve)));\n    ps.push(fetch(id));\n  }\n  await Promise.all(ps);\n}')).toEqual(['reported']);
  });

  it('reports a mapped fan-out and a loop-filled one, with their inputs', () => {
    const code =
      'async function f(ids, urls) {\n  await Promise.all(ids.map(async (id) => get(id)));\n  const ps = [];\n  for (const url of urls) ps.push(fetch(url));\n  await Promise.race(ps);\n}';
    const { fanOuts } = findUnboundedFanOuts(parseFile(code, 'a.ts'));
    expect(fanOuts.map((f) => [f.combinator, f.input, f.shape])).toEqual([
      ['all', 'ids', 'map'],
      ['race', 'urls', 'filled-in-loop'],
    ]);
  });
});

describe('findUnboundedLimiterCalls: why a limiter call is left alone', () => {
  const cases: Record<LimiterSilenceReason, string> = {
    'bound-not-shown': "import pMap from 'p-map';\npMap(xs, fn, { concurrency: n });",
    'rate-limited': "import Bottleneck from 'bottleneck';\nnew Bottleneck({ reservoir: 100 });",
  };
  it.each(Object.entries(cases))('%s', (reason, code) => {
    const result = findUnboundedLimiterCalls(parseFile(code, 'a.ts'));
    expect(result.calls).toEqual([]);
    expect(result.silenced.map((s) => s.reason)).toEqual([reason]);
  });

  it('finds each unbounded call once, through every import form, and none in a file that imports no limiter', () => {
    const code =
      "import pMap from 'p-map';\nimport * as asyncLib from 'async';\nconst PQueue = require('p-queue').default;\npMap(xs, fn);\nasyncLib.map(xs, fn, done);\nnew PQueue();\npMap(xs, fn, { concurrency: 2 });";
    const { calls } = findUnboundedLimiterCalls(parseFile(code, 'a.ts'));
    expect(calls.map((c) => [c.limiter.package, c.limiter.export, c.problem])).toEqual([
      ['p-map', 'default', 'default-infinite'],
      ['async', 'map', 'default-infinite'],
      ['p-queue', 'default', 'default-infinite'],
    ]);
    expect(findUnboundedLimiterCalls(parseFile('async function map() {}\nmap(xs, fn);', 'a.ts')).calls).toEqual([]);
  });
});
