/**
 * The Node core calls and constructors that make a Node stream, so that a `.pipe()` chain is known
 * to be Node's `Readable#pipe` by what its streams are, never by the member name `pipe` (RxJS's
 * `observable.pipe(map(…))`, gulp plugins and many libraries have a `.pipe` of their own).
 *
 * Keyed like the other catalogues by module (without `node:`) and member path, resolved through
 * every import and `require` form by modules.ts.
 */

/** How the entry makes its stream: called (`fs.createReadStream(p)`) or constructed (`new PassThrough()`). */
export type StreamMaker = 'call' | 'new' | 'call-or-new';

export interface NodeStreamApi {
  readonly module: string;
  /** The member path below the module object: `['createReadStream']`, `['Readable', 'from']`. */
  readonly path: readonly string[];
  readonly maker: StreamMaker;
  /** What the stream can do in a chain: be read (`pipe` from it), be written (`pipe` into it), or both. */
  readonly kind: 'readable' | 'writable' | 'duplex';
  /**
   * Properties set when the stream is made and never changed by its end, an error or `destroy()`
   * (`path` of a file stream): reading one after the chain is done reads the same value whenever it
   * is read, and does not touch the stream's errors.
   */
  readonly fixedProperties?: readonly string[];
  /**
   * The stream emits `close` once its resource is released after `finish` (a file stream closes its
   * descriptor), and `pipeline` settles only after that `close` (measured on Node 20: `finish`,
   * `close`, then the awaited `pipeline` resolves; `pipe-to-pipeline-runtime.test.ts` checks it).
   * Unless an option of the options argument (`optionsAt`) named in `unlessSet` is set to anything
   * but `true`: with `{ autoClose: false }` the stream never closes itself, with
   * `{ emitClose: false }` it never emits `close`, and `pipeline` settles on `finish` alone (measured
   * too), so a `close` listener that never ran would run after the `await`.
   */
  readonly pipelineWaitsForClose?: {
    readonly optionsAt: number;
    readonly unlessSet: readonly string[];
    /**
     * The stream's own method that ends it and calls its callback on `close` (`WriteStream#close(cb)`;
     * measured on Node 20: called from `finish`, `cb` runs on the `close` that follows, with no
     * arguments; with no callback, after `finish`, it does nothing the stream would not do itself).
     */
    readonly closeMethod: string;
  };
}

const call = (module: string, member: string, kind: NodeStreamApi['kind']): NodeStreamApi => ({ module, path: member.split('.'), maker: 'call', kind });
const made = (module: string, member: string, kind: NodeStreamApi['kind']): NodeStreamApi => ({ module, path: member.split('.'), maker: 'call-or-new', kind });

export const nodeStreamApis = [
  { ...call('fs', 'createReadStream', 'readable'), fixedProperties: ['path'] },
  { ...call('fs', 'createWriteStream', 'writable'), fixedProperties: ['path'], pipelineWaitsForClose: { optionsAt: 1, unlessSet: ['autoClose', 'emitClose'], closeMethod: 'close' } },
  ...['createGzip', 'createGunzip', 'createDeflate', 'createInflate', 'createDeflateRaw', 'createInflateRaw', 'createUnzip', 'createBrotliCompress', 'createBrotliDecompress'].map((m) =>
    call('zlib', m, 'duplex'),
  ),
  ...['createHash', 'createHmac', 'createCipheriv', 'createDecipheriv'].map((m) => call('crypto', m, 'duplex')),
  call('net', 'connect', 'duplex'),
  call('net', 'createConnection', 'duplex'),
  call('tls', 'connect', 'duplex'),
  call('http', 'request', 'writable'),
  call('https', 'request', 'writable'),
  call('stream', 'Readable.from', 'readable'),
  call('stream', 'Duplex.from', 'duplex'),
  made('stream', 'Readable', 'readable'),
  made('stream', 'Writable', 'writable'),
  made('stream', 'Duplex', 'duplex'),
  made('stream', 'Transform', 'duplex'),
  made('stream', 'PassThrough', 'duplex'),
] as const satisfies readonly NodeStreamApi[];

/** The members of the global `process` that are Node streams. */
export const processStreams = ['stdin', 'stdout', 'stderr'] as const;

/**
 * The events after which a chain's last stream is done: their handler's body runs after the awaited
 * `pipeline`. Only `finish`: `close` is emitted after an error too (its body would no longer run on
 * one; the planner takes it only from a stream `pipeline` waits to close, `pipelineWaitsForClose`,
 * whose errors nothing handled), and `end` on a chain's last stream fires only if something reads
 * it, which `pipeline` does not.
 */
export const streamDoneEvents = ['finish'] as const;

/** The methods that add a listener and return the stream itself, so a chain can go on after them. */
export const listenerMethods = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'] as const;

/** The catalogued entry `module` + `path` names, made as `how`, or `undefined`. */
export function nodeStreamApiOf(module: string, path: readonly string[], how: 'call' | 'new'): NodeStreamApi | undefined {
  return (nodeStreamApis as readonly NodeStreamApi[]).find(
    (api) => api.module === module && api.path.length === path.length && api.path.every((p, i) => p === path[i]) && (api.maker === 'call-or-new' || api.maker === how),
  );
}
