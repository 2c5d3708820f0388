/**
 * loop-to-bounded's rewrites run: the migrated code gives what the sequential loop gave, in its
 * order, while its calls overlap; and on a rejection it behaves as docs/codemods/loop-to-bounded.md
 * says, with the real p-map and with the local helper. The calls are made to finish in another
 * order than they started (later items first), so a rewrite that collected in completion order
 * would fail here.
 */
import { mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run as loopToBounded } from '../src/transforms/loop-to-bounded';
import { packageRoot, removeTempProjects, tempProject } from './helpers';

afterAll(removeTempProjects);

interface Item {
  readonly key: string;
  readonly n: number;
}

type Load = (item: Item) => Promise<number | null>;
type Collect = (items: readonly Item[], load: Load) => Promise<unknown>;

// Each shape the write collector takes: keys of an object, a Map's entries, a Set's items, pushes,
// each with a `continue` after the await that skips some items; keys repeat, so the later write must
// win. `keyedOnce` is the one write ending the body (each call returns its entry), `several` writes
// three collections in one loop.
const collectors = `export async function keyed(items, load) {
  const byKey = {};
  for (const item of items) {
    const value = await load(item);
    if (value === null) continue;
    byKey[item.key] = value;
  }
  return Object.entries(byKey);
}

export async function mapped(items, load) {
  const byKey = new Map();
  for (const item of items) {
    byKey.set(item.key, await load(item));
  }
  return [...byKey];
}

export async function added(items, load) {
  const seen = new Set();
  for (const item of items) {
    const value = await load(item);
    if (value === null) continue;
    seen.add(item.key);
    seen.add(value % 2);
  }
  return [...seen];
}

export async function keyedOnce(items, load) {
  const byKey = {};
  for (const item of items) {
    byKey[item.key] = await load(item);
  }
  return Object.entries(byKey);
}

export async function several(items, load) {
  const out = [];
  const byKey = {};
  const seen = new Map();
  for (const item of items) {
    seen.set(item.key, item.n);
    const value = await load(item);
    if (value === null) continue;
    out.push(value, item.key);
    byKey[item.key] = value;
  }
  return { out, byKey: Object.entries(byKey), seen: [...seen] };
}

export async function pushed(items, load) {
  const out = [];
  for (const item of items) {
    const value = await load(item);
    if (value === null) continue;
    out.push(value);
  }
  return out;
}
`;

// Keys repeat (c, a, b twice), later items finish first, every fourth loads nothing.
const items: Item[] = Array.from({ length: 12 }, (_, n) => ({ key: 'cab'[n % 3] as string, n }));

function timedLoad(): { load: Load; peak: () => number } {
  let running = 0;
  let peak = 0;
  const load: Load = async (item) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((resolve) => setTimeout(resolve, 2 * (12 - item.n)));
    running--;
    return item.n % 4 === 0 ? null : item.n;
  };
  return { load, peak: () => peak };
}

/** A `type: module` project whose `src/collect.js` is `source`, with p-map installed (a link to ours) when `pMap`. */
function project(source: string, pMap: boolean): string {
  const dependencies = pMap ? ', "dependencies": { "p-map": "7.1.1" }' : '';
  const root = tempProject({ 'package.json': `{ "type": "module"${dependencies} }\n`, 'src/collect.js': source });
  if (pMap) {
    // Installed for this test alone (fixtures/limiter-semantics): as a dependency of this package it would make p-map every fixture's default limiter.
    const installed = path.join(packageRoot, '../../fixtures/limiter-semantics/node_modules/p-map');
    mkdirSync(path.join(root, 'node_modules'), { recursive: true });
    symlinkSync(realpathSync(installed), path.join(root, 'node_modules/p-map'), 'dir');
  }
  return root;
}

/** Migrates `src/collect.js` of `root` in place (and writes the local helper when the rewrite imports it); the module loaded after. */
async function migrated(root: string, name: string): Promise<Record<string, Collect>> {
  const file = path.join(root, 'src/collect.js');
  const result = loopToBounded(readFileSync(file, 'utf8'), file, { level: 'review', concurrency: 4 });
  expect(result.changes.every((c) => c.applied)).toBe(true);
  writeFileSync(file, result.output);
  for (const created of result.files ?? []) {
    mkdirSync(path.dirname(created.path), { recursive: true });
    writeFileSync(created.path, created.text);
  }
  // A fresh URL per load: the module cache would otherwise hand back the sequential version.
  const migratedFile = path.join(root, `src/${name}.js`);
  writeFileSync(migratedFile, result.output);
  return (await import(pathToFileURL(migratedFile).href)) as Record<string, Collect>;
}

it('several: the arrays a `continue` hands back are made into one triple once, the same one the end returns', () => {
  const file = path.join(project(collectors, false), 'src/collect.js');
  const output = loopToBounded(readFileSync(file, 'utf8'), file, { level: 'review', concurrency: 4 }).output;
  const several = output.slice(output.indexOf('export async function several'), output.indexOf('export async function pushed'));
  // What the next test runs: a `set` made before the `continue` must still be written back.
  expect(several.match(/\[seenEntries, newOut, byKeyEntries\]/g)).toHaveLength(1);
  expect(several.match(/return collected;/g)).toHaveLength(2);
});

describe.each([
  ['the local helper', false],
  ['p-map', true],
])('loop-to-bounded with %s', (_limiter, pMap) => {
  it.each(['keyed', 'keyedOnce', 'mapped', 'added', 'several', 'pushed'])('%s: the same collection in the same order as the sequential loop, with calls overlapping', async (name) => {
    const root = project(collectors, pMap);
    const sequential = (await import(pathToFileURL(path.join(root, 'src/collect.js')).href)) as Record<string, Collect>;
    const bounded = await migrated(root, 'collect-bounded');
    const before = timedLoad();
    const after = timedLoad();
    const expected = await (sequential[name] as Collect)(items, before.load);
    expect(await (bounded[name] as Collect)(items, after.load)).toEqual(expected);
    expect(before.peak()).toBe(1);
    expect(after.peak()).toBe(4);
  });
});

interface Deferred {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** A call that settles when told. */
function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// The doc's error behaviour, for the code the codemod writes: the first rejection rejects the map at
// once with that error; calls already started run to their end; no new call starts.
const effects = `export async function runAll(ids, work) {
  for (const id of ids) {
    await work(id);
  }
}
`;

describe.each([
  ['the local helper', false],
  ['p-map', true],
])('a migrated effect loop with %s, on a rejection', (_limiter, pMap) => {
  it('rejects at once with the first error, lets started calls finish and starts no new one', async () => {
    const root = project(effects, pMap);
    const { runAll } = (await migrated(root, 'effects-bounded')) as unknown as { runAll: (ids: number[], work: (id: number) => Promise<void>) => Promise<void> };
    const calls = Array.from({ length: 8 }, deferred);
    const started: number[] = [];
    const finished: number[] = [];
    const settled = runAll([0, 1, 2, 3, 4, 5, 6, 7], async (id) => {
      started.push(id);
      await (calls[id] as Deferred).promise;
      finished.push(id);
    }).then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toEqual([0, 1, 2, 3]);
    calls[2]?.reject(new Error('call 2 failed'));
    // Rejected while calls 0, 1 and 3 still run.
    expect(await settled).toBe('call 2 failed');
    calls[0]?.resolve();
    calls[3]?.reject(new Error('call 3 failed too'));
    calls[1]?.resolve();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finished).toEqual([0, 1]);
    expect(started).toEqual([0, 1, 2, 3]);
  });
});

// p-map awaits each element before it calls the mapper (its list may hold promises of elements);
// the loop and the local helper hand the element over as it is. The doc says so: a list of promises
// or thenables (a query builder) reaches the body resolved under p-map.
describe('the element a migrated loop body sees', () => {
  const source = `export async function kinds(values, check) {
  const out = [];
  for (const value of values) {
    out.push(await check(value));
  }
  return out;
}
`;
  const values = () => [1, Promise.resolve(2), { then: (resolve: (v: number) => void) => resolve(3) }];
  const check = (value: unknown) => Promise.resolve(typeof value === 'number' ? 'value' : 'thenable');

  it.each([
    ['the local helper', false, ['value', 'thenable', 'thenable']],
    ['p-map', true, ['value', 'value', 'value']],
  ])('with %s', async (_limiter, pMap, expected) => {
    const root = project(source, pMap);
    const sequential = (await import(pathToFileURL(path.join(root, 'src/collect.js')).href)) as Record<string, (values: unknown[], check: (value: unknown) => Promise<string>) => Promise<string[]>>;
    const bounded = (await migrated(root, 'kinds-bounded')) as unknown as typeof sequential;
    expect(await sequential['kinds']?.(values(), check)).toEqual(['value', 'thenable', 'thenable']);
    expect(await bounded['kinds']?.(values(), check)).toEqual(expected);
  });
});
