/**
 * Node core calls that block the event loop until their work is done, with their promise twins.
 * `no-sync-in-async` reports them inside async code and `sync-to-async-io` rewrites them; both
 * resolve a call to an entry through imports and `require` (modules.ts), never by its name: a
 * method called `readFileSync` or `Effect.runSync` is not one of these.
 */

/** How to reach the promise twin of a blocking call. */
export type PromiseTwin =
  /** A member of a promise module; `viaModuleObject` reaches it from the sync module's object (`fs.promises.readFile`). */
  | { readonly kind: 'member'; readonly module: string; readonly member: string; readonly viaModuleObject?: string }
  /** `util.promisify(module.member)`: the callback API, promisified (its custom promisify included). */
  | { readonly kind: 'promisify'; readonly module: string; readonly member: string }
  /** A global's member: `Atomics.waitAsync`. */
  | { readonly kind: 'global'; readonly object: string; readonly member: string };

export interface BlockingApi {
  /** The core module without `node:`, or `null` for a global object's method. */
  readonly module: string | null;
  /** The global object, for a global's method (`Atomics`). */
  readonly object?: string;
  readonly name: string;
  /** The promise twin, or `null` when Node has none that does the same job. */
  readonly twin: PromiseTwin | null;
  /**
   * Whether the awaited twin gives the value the blocking call returns for the same arguments. Only
   * then is the rewrite offered as is; otherwise `difference` says how the result differs.
   */
  readonly sameValue: boolean;
  /** How the twin's result or arguments differ, for the docs and the message (when `sameValue` is false, or when some argument forms are not accepted). */
  readonly difference?: string;
  /** Options of the sync call the twin lacks: the rewrite is refused when the call passes one of them (or options it cannot see). */
  readonly unsupportedOptions?: { readonly argument: number; readonly names: readonly string[] };
}

/** The `fs` calls whose twin in `fs/promises` has the same name and gives the same value. */
const fsSameValue = [
  'access',
  'appendFile',
  'chmod',
  'chown',
  'copyFile',
  'cp',
  'lchown',
  'link',
  'lutimes',
  'mkdir',
  'mkdtemp',
  'opendir',
  'readdir',
  'readFile',
  'readlink',
  'realpath',
  'rename',
  'rm',
  'rmdir',
  'statfs',
  'symlink',
  'truncate',
  'unlink',
  'utimes',
  'writeFile',
] as const;

/** `fs` calls on a file descriptor: their twins are methods of a `FileHandle`, not functions. */
const fsDescriptorCalls = [
  'close',
  'fchmod',
  'fchown',
  'fdatasync',
  'fstat',
  'fsync',
  'ftruncate',
  'futimes',
  'read',
  'readv',
  'write',
  'writev',
] as const;

const zlibCalls = [
  'brotliCompress',
  'brotliDecompress',
  'deflate',
  'deflateRaw',
  'gunzip',
  'gzip',
  'inflate',
  'inflateRaw',
  'unzip',
] as const;

const fsPromise = (name: string): PromiseTwin => ({ kind: 'member', module: 'fs/promises', member: name, viaModuleObject: 'promises' });

export const blockingApis: readonly BlockingApi[] = [
  ...fsSameValue.map(
    (name): BlockingApi => ({
      module: 'fs',
      name: `${name}Sync`,
      twin: fsPromise(name),
      sameValue: true,
      ...(name === 'readFile' || name === 'writeFile' || name === 'appendFile'
        ? { difference: 'the twin takes a path or a `FileHandle`, not a numeric file descriptor' }
        : {}),
    }),
  ),
  ...(['stat', 'lstat'] as const).map(
    (name): BlockingApi => ({
      module: 'fs',
      name: `${name}Sync`,
      twin: fsPromise(name),
      sameValue: true,
      difference: 'the twin has no `throwIfNoEntry: false`: it rejects where the sync call returns `undefined`',
      unsupportedOptions: { argument: 1, names: ['throwIfNoEntry'] },
    }),
  ),
  {
    module: 'fs',
    name: 'existsSync',
    twin: fsPromise('access'),
    sameValue: false,
    difference: '`access` resolves to `undefined` or rejects; it does not give a boolean',
  },
  {
    module: 'fs',
    name: 'openSync',
    twin: fsPromise('open'),
    sameValue: false,
    difference: 'the twin gives a `FileHandle`, not a numeric file descriptor',
  },
  ...fsDescriptorCalls.map(
    (name): BlockingApi => ({
      module: 'fs',
      name: `${name}Sync`,
      twin: null,
      sameValue: false,
      difference: `use the \`${name}\` method of a \`FileHandle\` from \`fs/promises\` \`open\``,
    }),
  ),
  {
    module: 'child_process',
    name: 'execSync',
    twin: { kind: 'promisify', module: 'child_process', member: 'exec' },
    sameValue: false,
    difference: 'the twin gives `{ stdout, stderr }` (strings by default), not the output Buffer',
  },
  {
    module: 'child_process',
    name: 'execFileSync',
    twin: { kind: 'promisify', module: 'child_process', member: 'execFile' },
    sameValue: false,
    difference: 'the twin gives `{ stdout, stderr }` (strings by default), not the output Buffer',
  },
  {
    module: 'child_process',
    name: 'spawnSync',
    twin: null,
    sameValue: false,
    difference: 'use `spawn` and wait for its `close` event (`events.once(child, "close")`)',
  },
  ...zlibCalls.map(
    (name): BlockingApi => ({
      module: 'zlib',
      name: `${name}Sync`,
      twin: { kind: 'promisify', module: 'zlib', member: name },
      sameValue: true,
    }),
  ),
  {
    module: 'crypto',
    name: 'pbkdf2Sync',
    twin: { kind: 'promisify', module: 'crypto', member: 'pbkdf2' },
    sameValue: true,
  },
  {
    module: 'crypto',
    name: 'scryptSync',
    twin: { kind: 'promisify', module: 'crypto', member: 'scrypt' },
    sameValue: true,
  },
  {
    module: 'crypto',
    name: 'generateKeyPairSync',
    twin: { kind: 'promisify', module: 'crypto', member: 'generateKeyPair' },
    sameValue: true,
  },
  {
    module: 'crypto',
    name: 'randomFillSync',
    twin: { kind: 'promisify', module: 'crypto', member: 'randomFill' },
    sameValue: true,
  },
  {
    module: null,
    object: 'Atomics',
    name: 'wait',
    twin: { kind: 'global', object: 'Atomics', member: 'waitAsync' },
    sameValue: false,
    difference: 'the twin gives `{ async, value }`, and `value` is a promise only when `async` is true',
  },
] satisfies readonly BlockingApi[];

const byModule = new Map<string, Map<string, BlockingApi>>();
for (const api of blockingApis) {
  const key = api.module ?? `global:${api.object ?? ''}`;
  let members = byModule.get(key);
  if (!members) byModule.set(key, (members = new Map<string, BlockingApi>()));
  members.set(api.name, api);
}

/** Every name a blocking call can end in: a cheap first test before any resolution. */
export const blockingApiNames: ReadonlySet<string> = new Set(blockingApis.map((api) => api.name));

/** The blocking API `module.name` (module without `node:`), or `undefined`. */
export function blockingApiOf(module: string, name: string): BlockingApi | undefined {
  return byModule.get(module)?.get(name);
}

/** The blocking method `name` of the built-in global `object` (`Atomics.wait`), or `undefined`. */
export function blockingGlobalOf(object: string, name: string): BlockingApi | undefined {
  return byModule.get(`global:${object}`)?.get(name);
}

/** How a twin is written in prose and docs: `fs/promises` `readFile`, `util.promisify(zlib.gzip)`. */
export function describeTwin(twin: PromiseTwin): string {
  switch (twin.kind) {
    case 'member':
      return `\`${twin.member}\` from \`node:${twin.module}\``;
    case 'promisify':
      return `\`util.promisify(${twin.module}.${twin.member})\``;
    case 'global':
      return `\`${twin.object}.${twin.member}\``;
    default: {
      const never: never = twin;
      return never;
    }
  }
}
