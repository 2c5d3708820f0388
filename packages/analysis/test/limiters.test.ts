import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { limiterCallOf, limiters, parseFile, walk } from '../src/index';

/** The limiter call (with its bound) of the last call or `new` in `code`. */
function lastLimiterCall(code: string, filePath = 'file.ts') {
  const file = parseFile(code, filePath);
  let last: TSESTree.CallExpression | TSESTree.NewExpression | null = null;
  walk(file.ast, file.visitorKeys, (node) => {
    if ((node.type === 'CallExpression' || node.type === 'NewExpression') && !(node.callee.type === 'Identifier' && node.callee.name === 'require')) {
      if (!last || node.range[0] > last.range[0]) last = node;
    }
  });
  if (!last) throw new Error('no call');
  const call = limiterCallOf(file.scopeManager, last);
  return call ? { package: call.limiter.package, export: call.limiter.export, bound: call.bound } : null;
}

describe('limiters catalogue', () => {
  it('has one entry per package and export', () => {
    const keys = limiters.map((l) => `${l.package}#${l.export}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names a bounded form only for calls that run everything at once', () => {
    for (const limiter of limiters) if ('bounded' in limiter) expect(limiter.default).toBe('Infinity');
  });
});

describe('limiterCallOf', () => {
  it.each([
    ["import pMap from 'p-map';\npMap(xs, fn);", 'p-map', 'default', { kind: 'infinite', written: false }],
    ["import pMap from 'p-map';\npMap(xs, fn, { concurrency: 4 });", 'p-map', 'default', { kind: 'finite', value: 4 }],
    ["const pMap = require('p-map');\npMap(xs, fn, { concurrency: Infinity });", 'p-map', 'default', { kind: 'infinite', written: true }],
    ["import pMap from 'p-map';\npMap(xs, fn, { concurrency: Number.POSITIVE_INFINITY });", 'p-map', 'default', { kind: 'infinite', written: true }],
    ["import pMap from 'p-map';\npMap(xs, fn, { concurrency });", 'p-map', 'default', { kind: 'unknown' }],
    ["import pMap from 'p-map';\npMap(xs, fn, { ...options });", 'p-map', 'default', { kind: 'unknown' }],
    ["import pMap from 'p-map';\npMap(xs, fn, { ...options, concurrency: 2 });", 'p-map', 'default', { kind: 'finite', value: 2 }],
    ["import pMap from 'p-map';\npMap(xs, fn, options);", 'p-map', 'default', { kind: 'unknown' }],
    ["import pMap from 'p-map';\npMap(...args);", 'p-map', 'default', { kind: 'unknown' }],
    ["import { pMapIterable } from 'p-map';\npMapIterable(xs, fn, { stopOnError: false });", 'p-map', 'pMapIterable', { kind: 'infinite', written: false }],
    ["import pLimit from 'p-limit';\npLimit(8);", 'p-limit', 'default', { kind: 'finite', value: 8 }],
    ["import pLimit from 'p-limit';\npLimit(Infinity);", 'p-limit', 'default', { kind: 'infinite', written: true }],
    ["import pLimit from 'p-limit';\npLimit();", 'p-limit', 'default', { kind: 'missing' }],
    ["import PQueue from 'p-queue';\nnew PQueue();", 'p-queue', 'default', { kind: 'infinite', written: false }],
    ["const PQueue = require('p-queue').default;\nnew PQueue({ concurrency: 2 });", 'p-queue', 'default', { kind: 'finite', value: 2 }],
    ["import Bottleneck from 'bottleneck';\nnew Bottleneck({ minTime: 100 });", 'bottleneck', 'default', { kind: 'infinite', written: false }],
    ["import Bottleneck from 'bottleneck';\nnew Bottleneck({ maxConcurrent: 5 });", 'bottleneck', 'default', { kind: 'finite', value: 5 }],
    ["import async from 'async';\nasync.each(xs, fn);", 'async', 'each', { kind: 'infinite', written: false }],
    ["import { mapLimit } from 'async';\nmapLimit(xs, 3, fn);", 'async', 'mapLimit', { kind: 'finite', value: 3 }],
    ["const async = require('async');\nasync.eachSeries(xs, fn);", 'async', 'eachSeries', { kind: 'finite', value: 1 }],
    ["import mapLimit from 'async/mapLimit';\nmapLimit(xs, 2, fn);", 'async', 'mapLimit', { kind: 'finite', value: 2 }],
    ["import { Readable } from 'node:stream';\nReadable.from(xs).map(fn, { concurrency: 4 });", 'node:stream', 'map', { kind: 'finite', value: 4 }],
    ["import stream from 'stream';\nstream.Readable.from(xs).filter(a).forEach(fn);", 'node:stream', 'forEach', { kind: 'finite', value: 1 }],
  ])('%s', (code, pkg, exportName, bound) => {
    expect(lastLimiterCall(code)).toEqual({ package: pkg, export: exportName, bound });
  });

  it.each([
    // A name alone is nothing: the user's own map and each.
    'pMap(xs, fn);',
    'const async = { each() {} };\nasync.each(xs, fn);',
    'xs.map(fn, { concurrency: 2 });',
    // An array's map is not a stream's.
    "import { Readable } from 'node:stream';\n[1, 2].map(fn);",
    // A queue constructor is called with new; a map call without.
    "import PQueue from 'p-queue';\nPQueue();",
    // A package that is not catalogued.
    "import pMap from 'p-mapper';\npMap(xs, fn);",
    // A reassigned binding resolves to nothing.
    "let pMap = require('p-map');\npMap = wrap(pMap);\npMap(xs, fn);",
  ])('%s is no limiter', (code) => {
    expect(lastLimiterCall(code)).toBeNull();
  });
});
