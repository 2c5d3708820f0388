/**
 * Calls that acquire a resource, and how each is released: asyncio's async context managers
 * (`async with pool.acquire() as conn`), as JavaScript writes them — a `try/finally`, or
 * `await using` where the resource is disposable (`Symbol.asyncDispose`). The table behind
 * `require-resource-cleanup`, `prefer-await-using` and the `finally-to-await-using` codemod; the docs
 * table (docs/guide/resources.md) is generated from it. Calls resolve to an entry through imports and
 * `require` (`modules.ts`) and pool methods only on a binding made by the catalogued maker
 * (resource-calls.ts), never by a name alone: your own `open` or `connect` is none of these.
 */

/** How a resource is acquired. */
export type ResourceAcquisition =
  /** A module function: `open(path)` from `fs/promises`. */
  | { readonly kind: 'call'; readonly module: string; readonly name: string }
  /** A class of a module, constructed: `new Worker(file)` from `worker_threads`. */
  | { readonly kind: 'new'; readonly module: string; readonly name: string }
  /**
   * A method of an object made by a catalogued maker: `pool.connect()` where `pool` is `new Pool()`
   * from `pg`. `maxArguments` leaves out the callback forms (`pool.connect((err, client) => …)`),
   * which hand the resource to a callback instead of returning it.
   */
  | {
      readonly kind: 'method';
      readonly module: string;
      readonly madeBy: readonly { readonly name: string; readonly new: boolean }[];
      readonly name: string;
      readonly maxArguments?: number;
    };

/** How a resource is released. */
export type ResourceRelease =
  /** A method of the resource: `handle.close()`, `client.release()`. */
  | { readonly kind: 'method'; readonly names: readonly string[] }
  /** A method of the object that acquired it, given the resource: `pool.release(resource)`. */
  | { readonly kind: 'owner-method'; readonly names: readonly string[] };

/**
 * - `scoped`: normally released by the function that acquired it (a file handle, a pool client):
 *   `require-resource-cleanup` checks these;
 * - `long-lived`: normally owned by event handlers or the process (a server, a worker, a socket):
 *   catalogued for `await using` and the docs, left alone by the cleanup rule, where "not released in
 *   this function" is the usual, correct shape.
 */
export type ResourceLifetime = 'scoped' | 'long-lived';

export interface ResourceApi {
  /** What is acquired, for messages and docs: `FileHandle`, a `pg` `PoolClient`. */
  readonly resource: string;
  readonly acquire: ResourceAcquisition;
  /** Whether the acquiring call returns a promise of the resource (`await open(p)`). */
  readonly awaited: boolean;
  readonly release: ResourceRelease;
  /** Whether a full `for await` over the resource releases it (a `Dir`, a `readline` interface, an `events.on` iterator), on `break` too. */
  readonly releasedByIteration: boolean;
  /** Whether the resource has `Symbol.asyncDispose` on Node 20, the oldest Node asyncwise supports (checked against Node by a test). */
  readonly asyncDispose: boolean;
  /**
   * The release method that `Symbol.asyncDispose` is, when awaiting it does exactly what disposal
   * does (a `FileHandle`'s dispose is `return this.close()`); absent where disposal is something
   * else (a `net.Server`'s waits for `close`'s callback, a socket's destroys with an `AbortError`).
   * `prefer-await-using` and `finally-to-await-using` offer `await using` only for this release, or
   * for a call of `[Symbol.asyncDispose]()` itself.
   */
  readonly disposeMethod?: string;
  readonly lifetime: ResourceLifetime;
  /**
   * Whether the resource closes itself when its input stream ends (a `readline` interface emits
   * `close` on its input's `end`): never releasing it leaks only over an input that does not end on
   * its own, `process.stdin`.
   */
  readonly closesAtInputEnd?: boolean;
}

const nodeCall = (module: string, name: string): ResourceAcquisition => ({ kind: 'call', module, name });
const method = (names: readonly string[]): ResourceRelease => ({ kind: 'method', names });

export const resourceApis = [
  {
    resource: 'FileHandle',
    acquire: nodeCall('fs/promises', 'open'),
    awaited: true,
    release: method(['close']),
    releasedByIteration: false,
    asyncDispose: true,
    disposeMethod: 'close',
    lifetime: 'scoped',
  },
  {
    resource: 'Dir',
    acquire: nodeCall('fs/promises', 'opendir'),
    awaited: true,
    release: method(['close']),
    releasedByIteration: true,
    asyncDispose: false,
    lifetime: 'scoped',
  },
  ...(['readline', 'readline/promises'] as const).map(
    (module): ResourceApi => ({
      resource: `${module}.Interface`,
      acquire: nodeCall(module, 'createInterface'),
      awaited: false,
      release: method(['close']),
      releasedByIteration: true,
      asyncDispose: false,
      lifetime: 'scoped',
      closesAtInputEnd: true,
    }),
  ),
  ...(['connect', 'createConnection'] as const).map(
    (name): ResourceApi => ({
      resource: 'net.Socket',
      acquire: nodeCall('net', name),
      awaited: false,
      release: method(['end', 'destroy', 'destroySoon']),
      releasedByIteration: false,
      asyncDispose: true,
      lifetime: 'long-lived',
    }),
  ),
  {
    resource: 'net.Server',
    acquire: nodeCall('net', 'createServer'),
    awaited: false,
    release: method(['close']),
    releasedByIteration: false,
    asyncDispose: true,
    lifetime: 'long-lived',
  },
  ...(['http', 'https'] as const).map(
    (module): ResourceApi => ({
      resource: `${module}.Agent`,
      acquire: { kind: 'new', module, name: 'Agent' },
      awaited: false,
      release: method(['destroy']),
      releasedByIteration: false,
      asyncDispose: false,
      lifetime: 'long-lived',
    }),
  ),
  {
    resource: 'Worker',
    acquire: { kind: 'new', module: 'worker_threads', name: 'Worker' },
    awaited: false,
    release: method(['terminate']),
    releasedByIteration: false,
    asyncDispose: false,
    lifetime: 'long-lived',
  },
  {
    resource: 'events.on iterator',
    acquire: nodeCall('events', 'on'),
    awaited: false,
    release: method(['return']),
    releasedByIteration: true,
    asyncDispose: false,
    lifetime: 'long-lived',
  },
  {
    resource: '`pg` PoolClient',
    acquire: { kind: 'method', module: 'pg', madeBy: [{ name: 'Pool', new: true }], name: 'connect', maxArguments: 0 },
    awaited: true,
    release: method(['release']),
    releasedByIteration: false,
    asyncDispose: false,
    lifetime: 'scoped',
  },
  {
    resource: '`mysql2` PoolConnection',
    acquire: { kind: 'method', module: 'mysql2/promise', madeBy: [{ name: 'createPool', new: false }], name: 'getConnection', maxArguments: 0 },
    awaited: true,
    release: method(['release']),
    releasedByIteration: false,
    asyncDispose: false,
    lifetime: 'scoped',
  },
  {
    resource: '`generic-pool` resource',
    acquire: { kind: 'method', module: 'generic-pool', madeBy: [{ name: 'createPool', new: false }], name: 'acquire', maxArguments: 1 },
    awaited: true,
    release: { kind: 'owner-method', names: ['release', 'destroy'] },
    releasedByIteration: false,
    asyncDispose: false,
    lifetime: 'scoped',
  },
] as const satisfies readonly ResourceApi[];

/** Every name an acquiring call or construction can end in: a cheap first test before any resolution. */
export const resourceAcquireNames: ReadonlySet<string> = new Set(resourceApis.map((api) => api.acquire.name));

/** The catalogued module function or class `module.name` (module without `node:`), or `undefined`. */
export function resourceApiOf(module: string, name: string, constructed: boolean): ResourceApi | undefined {
  return (resourceApis as readonly ResourceApi[]).find(
    (api) => api.acquire.kind === (constructed ? 'new' : 'call') && api.acquire.module === module && api.acquire.name === name,
  );
}

/** The catalogued method `name` of objects made by `module.maker` (constructed or called), or `undefined`. */
export function resourceMethodOf(module: string, maker: string, constructed: boolean, name: string): ResourceApi | undefined {
  return (resourceApis as readonly ResourceApi[]).find(
    (api) => api.acquire.kind === 'method' && api.acquire.module === module && api.acquire.name === name && api.acquire.madeBy.some((m) => m.name === maker && m.new === constructed),
  );
}

/** How an acquisition is written in docs and messages: `fs/promises.open`, `new worker_threads.Worker`, `pg.Pool#connect`. */
export function describeResourceAcquisition(acquire: ResourceAcquisition): string {
  switch (acquire.kind) {
    case 'call':
      return `${acquire.module}.${acquire.name}`;
    case 'new':
      return `new ${acquire.module}.${acquire.name}`;
    case 'method':
      return `${acquire.module}.${acquire.madeBy.map((m) => m.name).join('/')}#${acquire.name}`;
    default: {
      const never: never = acquire;
      return never;
    }
  }
}

/** How a release is written in docs and messages: `.close()`, `pool.release(resource)`. */
export function describeResourceRelease(release: ResourceRelease): string {
  switch (release.kind) {
    case 'method':
      return release.names.map((n) => `\`.${n}()\``).join(' or ');
    case 'owner-method':
      return release.names.map((n) => `\`pool.${n}(resource)\``).join(' or ');
    default: {
      const never: never = release;
      return never;
    }
  }
}
