/**
 * Node core callback APIs and their promise twins: what `prefer-promise-api` reports and what the
 * callback codemods migrate to. Each entry says how the callback's arguments map to the twin's
 * result (`exec`'s `(err, stdout, stderr)` becomes `{ stdout, stderr }`) and where an `AbortSignal`
 * goes. Calls are matched through imports and `require` (modules.ts), never by name alone.
 */
import type { PromiseTwin } from './blocking-apis';

/**
 * What the twin resolves to, from the callback's arguments after the error:
 * - `none`: the callback gets only `(err)`; the twin resolves to `undefined`;
 * - `value`: the callback's one value is the twin's result;
 * - `fields`: several values become one object with these keys, in callback order.
 */
export type CallbackResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'value' }
  | { readonly kind: 'fields'; readonly fields: readonly string[] };

/** Where an `AbortSignal` goes: the `signal` property of the options object at this argument of the twin. */
export interface SignalPosition {
  readonly argument: number;
  readonly property: 'signal';
}

export interface NodeCallbackApi {
  /** The core module without `node:`. */
  readonly module: string;
  readonly name: string;
  /**
   * `error-first`: the callback is last and gets `(err, …values)`.
   * `timer`: the callback comes first and gets no error (`setTimeout(cb, ms)`); the twin takes the delay first.
   * `value-only`: the callback is last and gets its value without an error (`rl.question(q, cb)`).
   */
  readonly style: 'error-first' | 'timer' | 'value-only';
  readonly twin: PromiseTwin;
  readonly result: CallbackResult;
  /** Where the twin accepts a signal, or `null` when it takes none. */
  readonly signal: SignalPosition | null;
  /** For a method of an instance rather than a module function: the class it belongs to (`readline.Interface`). */
  readonly receiver?: string;
  /**
   * What the callback form returns when it is something code keeps (a timer to clear or `unref()`, the
   * pipeline's last stream, `finished`'s cleanup function, a child process): the twin returns a promise
   * instead, so a call whose result is used keeps its callback form on purpose.
   */
  readonly handle?: 'timer' | 'stream' | 'cleanup' | 'child-process';
}

const none = { kind: 'none' } as const;
const value = { kind: 'value' } as const;

/** `fs` callback functions and what their callback receives besides the error. */
const fsCalls: readonly (readonly [name: string, result: CallbackResult, signalArgument?: number])[] = [
  ['access', none],
  // No signal: `appendFile`'s options declare none (see abortable-apis.ts).
  ['appendFile', none],
  ['chmod', none],
  ['chown', none],
  ['copyFile', none],
  ['cp', none],
  ['lchown', none],
  ['link', none],
  ['lstat', value],
  ['lutimes', none],
  ['mkdir', value],
  ['mkdtemp', value],
  ['open', value],
  ['opendir', value],
  ['readdir', value],
  ['readFile', value, 1],
  ['readlink', value],
  ['realpath', value],
  ['rename', none],
  ['rm', none],
  ['rmdir', none],
  ['stat', value],
  ['statfs', value],
  ['symlink', none],
  ['truncate', none],
  ['unlink', none],
  ['utimes', none],
  ['writeFile', none, 2],
];

const dnsCalls: readonly (readonly [name: string, result: CallbackResult])[] = [
  ['lookup', { kind: 'fields', fields: ['address', 'family'] }],
  ['lookupService', { kind: 'fields', fields: ['hostname', 'service'] }],
  ['resolve', value],
  ['resolve4', value],
  ['resolve6', value],
  ['resolveAny', value],
  ['resolveCaa', value],
  ['resolveCname', value],
  ['resolveMx', value],
  ['resolveNaptr', value],
  ['resolveNs', value],
  ['resolvePtr', value],
  ['resolveSoa', value],
  ['resolveSrv', value],
  ['resolveTxt', value],
  ['reverse', value],
];

const zlibCalls = ['brotliCompress', 'brotliDecompress', 'deflate', 'deflateRaw', 'gunzip', 'gzip', 'inflate', 'inflateRaw', 'unzip'] as const;

const promisified = (module: string, name: string): PromiseTwin => ({ kind: 'promisify', module, member: name });

export const nodeCallbackApis: readonly NodeCallbackApi[] = [
  ...fsCalls.map(
    ([name, result, signalArgument]): NodeCallbackApi => ({
      module: 'fs',
      name,
      style: 'error-first',
      twin: { kind: 'member', module: 'fs/promises', member: name, viaModuleObject: 'promises' },
      result,
      signal: signalArgument === undefined ? null : { argument: signalArgument, property: 'signal' },
    }),
  ),
  ...dnsCalls.map(
    ([name, result]): NodeCallbackApi => ({
      module: 'dns',
      name,
      style: 'error-first',
      twin: { kind: 'member', module: 'dns/promises', member: name, viaModuleObject: 'promises' },
      result,
      signal: null,
    }),
  ),
  ...zlibCalls.map(
    (name): NodeCallbackApi => ({ module: 'zlib', name, style: 'error-first', twin: promisified('zlib', name), result: value, signal: null }),
  ),
  { module: 'crypto', name: 'randomBytes', style: 'error-first', twin: promisified('crypto', 'randomBytes'), result: value, signal: null },
  { module: 'crypto', name: 'randomFill', style: 'error-first', twin: promisified('crypto', 'randomFill'), result: value, signal: null },
  { module: 'crypto', name: 'pbkdf2', style: 'error-first', twin: promisified('crypto', 'pbkdf2'), result: value, signal: null },
  { module: 'crypto', name: 'scrypt', style: 'error-first', twin: promisified('crypto', 'scrypt'), result: value, signal: null },
  {
    module: 'crypto',
    name: 'generateKeyPair',
    style: 'error-first',
    twin: promisified('crypto', 'generateKeyPair'),
    result: { kind: 'fields', fields: ['publicKey', 'privateKey'] },
    signal: null,
  },
  {
    module: 'child_process',
    name: 'exec',
    style: 'error-first',
    twin: promisified('child_process', 'exec'),
    result: { kind: 'fields', fields: ['stdout', 'stderr'] },
    signal: { argument: 1, property: 'signal' },
    handle: 'child-process',
  },
  {
    module: 'child_process',
    name: 'execFile',
    style: 'error-first',
    twin: promisified('child_process', 'execFile'),
    result: { kind: 'fields', fields: ['stdout', 'stderr'] },
    signal: { argument: 2, property: 'signal' },
    handle: 'child-process',
  },
  {
    module: 'stream',
    name: 'finished',
    style: 'error-first',
    twin: { kind: 'member', module: 'stream/promises', member: 'finished', viaModuleObject: 'promises' },
    result: none,
    signal: { argument: 1, property: 'signal' },
    handle: 'cleanup',
  },
  {
    module: 'stream',
    name: 'pipeline',
    style: 'error-first',
    twin: { kind: 'member', module: 'stream/promises', member: 'pipeline', viaModuleObject: 'promises' },
    result: value,
    // The options object follows the streams: its position is the call's last argument.
    signal: { argument: -1, property: 'signal' },
    handle: 'stream',
  },
  {
    module: 'timers',
    name: 'setTimeout',
    style: 'timer',
    twin: { kind: 'member', module: 'timers/promises', member: 'setTimeout', viaModuleObject: 'promises' },
    result: none,
    signal: { argument: 2, property: 'signal' },
    handle: 'timer',
  },
  {
    module: 'timers',
    name: 'setImmediate',
    style: 'timer',
    twin: { kind: 'member', module: 'timers/promises', member: 'setImmediate', viaModuleObject: 'promises' },
    result: none,
    signal: { argument: 1, property: 'signal' },
    handle: 'timer',
  },
  {
    module: 'readline',
    name: 'question',
    style: 'value-only',
    twin: { kind: 'member', module: 'readline/promises', member: 'Interface.question' },
    result: value,
    signal: { argument: 1, property: 'signal' },
    receiver: 'readline.Interface',
  },
] satisfies readonly NodeCallbackApi[];

const byModule = new Map<string, Map<string, NodeCallbackApi>>();
for (const api of nodeCallbackApis) {
  if (api.receiver) continue;
  let members = byModule.get(api.module);
  if (!members) byModule.set(api.module, (members = new Map<string, NodeCallbackApi>()));
  members.set(api.name, api);
}

/** Every name a catalogued module function can have: a cheap first test before any resolution. */
export const nodeCallbackApiNames: ReadonlySet<string> = new Set(nodeCallbackApis.filter((api) => !api.receiver).map((api) => api.name));

/** The callback API `module.name` (module without `node:`), or `undefined`. Instance methods are not found here. */
export function nodeCallbackApiOf(module: string, name: string): NodeCallbackApi | undefined {
  return byModule.get(module)?.get(name);
}

/** How the callback's values map to the twin's result, in words for docs and messages. */
export function describeCallbackResult(result: CallbackResult): string {
  switch (result.kind) {
    case 'none':
      return '`undefined`';
    case 'value':
      return 'the value';
    case 'fields':
      return `\`{ ${result.fields.join(', ')} }\``;
    default: {
      const never: never = result;
      return never;
    }
  }
}
