/**
 * Libraries and Node APIs that run async work with a bound on how much runs at once: asyncio's
 * `Semaphore(n)` around a `gather`, as JavaScript writes it. `no-unbounded-concurrency` recognises
 * code already bounded by one of them, `require-concurrency-limit` reports a call that leaves the
 * bound at an unbounded default, the bounded-form codemods write calls of them, and the docs table
 * is generated from this list. Calls resolve to an entry through imports and `require`
 * (`modules.ts`), never by a name alone: a local `map` or `each` is not async's.
 */

/** How the limiter is called. */
export type LimiterShape =
  /** `pMap(input, mapper, options)`: maps a collection, the bound in the call. */
  | 'map-call'
  /** `pLimit(n)` returns `limit(fn)`: each call of `limit` waits for a free slot. */
  | 'limit-factory'
  /** `limitFunction(fn, options)` returns a bounded version of `fn`. */
  | 'function-wrapper'
  /** `new PQueue(options)`, `new Bottleneck(options)`: a queue that runs what is added to it. */
  | 'queue-constructor'
  /** `async.eachLimit(coll, limit, iteratee)` and its kin: a collection call with the bound as an argument. */
  | 'collection-call'
  /** `async.queue(worker, concurrency)`: a worker queue. */
  | 'worker-queue'
  /** `readable.map(fn, options)`: a stream method, on a `Readable` from `node:stream`. */
  | 'stream-method';

/** Where the bound goes in a call. */
export type LimitPosition =
  /** An argument by position (0-based): `pLimit(8)`, `async.mapLimit(xs, 8, fn)`. */
  | { readonly kind: 'argument'; readonly argument: number }
  /** A property of the options object at an argument (0-based): `pMap(xs, fn, { concurrency: 8 })`. */
  | { readonly kind: 'option'; readonly argument: number; readonly property: string }
  /** The call takes no bound: its concurrency is fixed by the name (`async.each` runs all at once, `eachSeries` one). */
  | { readonly kind: 'none' };

export interface Limiter {
  /** The npm package, or `node:stream` for the stream methods. */
  readonly package: string;
  /**
   * How the callee is reached from the module: `default` for the default export (or the whole
   * `require`), a named export, or for `stream-method` the method name on a `Readable`.
   */
  readonly export: string;
  readonly shape: LimiterShape;
  readonly limit: LimitPosition;
  /**
   * How much runs at once when the call leaves the bound out: a number, `Infinity` (everything at
   * once), or `required` when the call cannot run without one (`pLimit()` throws).
   */
  readonly default: number | 'Infinity' | 'required';
  /** For an unbounded call: the bounded form to use instead (`eachLimit` for `each`). */
  readonly bounded?: string;
}

/** async's collection functions: each has a `…Limit` twin that takes the bound as its second argument, and a `…Series` one that runs one at a time. */
const asyncCollectionFunctions = [
  'concat',
  'detect',
  'each',
  'eachOf',
  'every',
  'filter',
  'groupBy',
  'map',
  'mapValues',
  'reject',
  'some',
] as const;

/** async's own aliases for some of them. */
const asyncAliases = { forEach: 'each', forEachOf: 'eachOf', all: 'every', any: 'some', find: 'detect', select: 'filter', flatMap: 'concat' } as const;

/** Both names async is published under. */
const asyncPackages = ['async', 'async-es'] as const;

function asyncEntries(): Limiter[] {
  const entries: Limiter[] = [];
  for (const pkg of asyncPackages) {
    for (const name of asyncCollectionFunctions) {
      entries.push({ package: pkg, export: name, shape: 'collection-call', limit: { kind: 'none' }, default: 'Infinity', bounded: `${name}Limit` });
      entries.push({ package: pkg, export: `${name}Limit`, shape: 'collection-call', limit: { kind: 'argument', argument: 1 }, default: 'required' });
      entries.push({ package: pkg, export: `${name}Series`, shape: 'collection-call', limit: { kind: 'none' }, default: 1 });
    }
    for (const [alias, name] of Object.entries(asyncAliases)) {
      entries.push({ package: pkg, export: alias, shape: 'collection-call', limit: { kind: 'none' }, default: 'Infinity', bounded: `${name}Limit` });
      entries.push({ package: pkg, export: `${alias}Limit`, shape: 'collection-call', limit: { kind: 'argument', argument: 1 }, default: 'required' });
      entries.push({ package: pkg, export: `${alias}Series`, shape: 'collection-call', limit: { kind: 'none' }, default: 1 });
    }
    entries.push(
      { package: pkg, export: 'parallel', shape: 'collection-call', limit: { kind: 'none' }, default: 'Infinity', bounded: 'parallelLimit' },
      { package: pkg, export: 'parallelLimit', shape: 'collection-call', limit: { kind: 'argument', argument: 1 }, default: 'required' },
      // `sortBy` has no bounded twin: every iteratee runs at once.
      { package: pkg, export: 'sortBy', shape: 'collection-call', limit: { kind: 'none' }, default: 'Infinity' },
      { package: pkg, export: 'times', shape: 'collection-call', limit: { kind: 'none' }, default: 'Infinity', bounded: 'timesLimit' },
      { package: pkg, export: 'timesLimit', shape: 'collection-call', limit: { kind: 'argument', argument: 1 }, default: 'required' },
      { package: pkg, export: 'queue', shape: 'worker-queue', limit: { kind: 'argument', argument: 1 }, default: 1 },
      { package: pkg, export: 'priorityQueue', shape: 'worker-queue', limit: { kind: 'argument', argument: 1 }, default: 1 },
    );
  }
  return entries;
}

/** Stream methods that take `{ concurrency }` (Node 17.4+): one at a time by default. */
const streamMethods = ['map', 'filter', 'forEach', 'flatMap'] as const;

/**
 * Every catalogued limiter. `default: 'Infinity'` marks the calls `require-concurrency-limit`
 * reports when the bound is left out.
 */
export const limiters = [
  { package: 'p-map', export: 'default', shape: 'map-call', limit: { kind: 'option', argument: 2, property: 'concurrency' }, default: 'Infinity' },
  { package: 'p-map', export: 'pMapIterable', shape: 'map-call', limit: { kind: 'option', argument: 2, property: 'concurrency' }, default: 'Infinity' },
  { package: 'p-limit', export: 'default', shape: 'limit-factory', limit: { kind: 'argument', argument: 0 }, default: 'required' },
  { package: 'p-limit', export: 'limitFunction', shape: 'function-wrapper', limit: { kind: 'option', argument: 1, property: 'concurrency' }, default: 'required' },
  { package: 'p-queue', export: 'default', shape: 'queue-constructor', limit: { kind: 'option', argument: 0, property: 'concurrency' }, default: 'Infinity' },
  { package: 'bottleneck', export: 'default', shape: 'queue-constructor', limit: { kind: 'option', argument: 0, property: 'maxConcurrent' }, default: 'Infinity' },
  ...asyncEntries(),
  ...streamMethods.map(
    (method): Limiter => ({ package: 'node:stream', export: method, shape: 'stream-method', limit: { kind: 'option', argument: 1, property: 'concurrency' }, default: 1 }),
  ),
] as const satisfies readonly Limiter[];

const byModule = new Map<string, Map<string, Limiter>>();
for (const limiter of limiters as readonly Limiter[]) {
  if (limiter.shape === 'stream-method') continue;
  let exports = byModule.get(limiter.package);
  if (!exports) byModule.set(limiter.package, (exports = new Map<string, Limiter>()));
  exports.set(limiter.export, limiter);
}

/** The packages whose exports are catalogued (the stream methods aside): what a file must import for a module limiter to be there. */
export const limiterPackages: ReadonlySet<string> = new Set(byModule.keys());

/**
 * The limiter a module member is: `p-map` + `default`, `async` + `mapLimit`. A default import of
 * async (`import async from 'async'`) reaches its functions as members, so `async` + `default` +
 * `mapLimit` is asked as `async` + `mapLimit`. `undefined` when the member is not catalogued.
 */
export function limiterOf(module: string, exportName: string): Limiter | undefined {
  return byModule.get(module)?.get(exportName);
}

/** The stream method entry for a method called on a `Readable` (`map`, `forEach` …). */
export function streamLimiterOf(method: string): Limiter | undefined {
  return (limiters as readonly Limiter[]).find((l) => l.shape === 'stream-method' && l.export === method);
}

/** The limit position in words, for the docs table and messages: `argument 2`, `` `concurrency` of argument 3 ``. */
export function describeLimitPosition(limit: LimitPosition): string {
  switch (limit.kind) {
    case 'argument':
      return `argument ${limit.argument + 1}`;
    case 'option':
      return `\`${limit.property}\` of argument ${limit.argument + 1}`;
    case 'none':
      return 'none (fixed by the name)';
    default: {
      const never: never = limit;
      return never;
    }
  }
}

/** How the callee is written, for the docs table: `pMap(…)`, `new PQueue(…)`, `async.mapLimit(…)`, `readable.map(…)`. */
export function describeLimiterCall(limiter: Limiter): string {
  const local = limiter.package === 'p-map' ? 'pMap' : limiter.package === 'p-limit' ? 'pLimit' : limiter.package === 'p-queue' ? 'PQueue' : 'Bottleneck';
  switch (limiter.shape) {
    case 'map-call':
    case 'limit-factory':
    case 'function-wrapper':
      return limiter.export === 'default' ? `${local}(…)` : `${limiter.export}(…)`;
    case 'queue-constructor':
      return `new ${local}(…)`;
    case 'collection-call':
    case 'worker-queue':
      return `async.${limiter.export}(…)`;
    case 'stream-method':
      return `readable.${limiter.export}(…)`;
    default: {
      const never: never = limiter.shape;
      return never;
    }
  }
}
