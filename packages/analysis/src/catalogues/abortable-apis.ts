/**
 * APIs that take an `AbortSignal`, APIs that make one, and the timer calls cancellation code is
 * built from: the table behind `no-uncancelled-race`, `no-leaked-timer`, `propagate-abort-signal`,
 * `require-timeout` and the `race-to-cancellable` codemod. Each entry says where the signal goes
 * (which argument, which property). Calls are matched through imports, `require` and unshadowed
 * globals (abortable-calls.ts), never by a name alone: a method of your own called `fetch` is not
 * this one.
 */

/**
 * Where a call takes its signal.
 * - `option`: the `signal` property of the options object at `argument` (`-1`: the last argument,
 *   after a variable number of streams). `shift` says when the options move one place earlier:
 *   `args-array` — the array of arguments before them may be left out (`spawn(cmd, opts)`);
 *   `url-first` — the URL before them may be left out (`http.request(opts, cb)`).
 * - `argument`: the signal itself is the argument at `argument` (`stream.addAbortSignal(signal, s)`).
 */
export type SignalPlacement =
  | { readonly kind: 'option'; readonly argument: number; readonly property: 'signal'; readonly shift?: 'args-array' | 'url-first' }
  | { readonly kind: 'argument'; readonly argument: number };

/**
 * What a call gives back, so a rule knows whether it can be raced or awaited:
 * `promise`, a callback-style call (`callback`), an emitter or handle (`child-process`, `request`),
 * an async iterable (`events.on`), a signal (`signal`), a timer handle (`timer`) or the stream given.
 */
export type AbortableResult = 'promise' | 'callback' | 'child-process' | 'request' | 'async-iterable' | 'signal' | 'timer' | 'stream';

/**
 * - `accepts-signal`: the call can be cancelled through `signal`;
 * - `makes-signal`: the call builds a signal (`AbortSignal.timeout`, `AbortSignal.any`);
 * - `timer`: a timer that takes no signal (`setTimeout`); `abortableTwin` names the one that does.
 */
export type AbortableRole = 'accepts-signal' | 'makes-signal' | 'timer';

export interface AbortableApi {
  /** The module without `node:`, or `null` for a global (`fetch`, `AbortSignal.timeout`). */
  readonly module: string | null;
  /** For a static method of a global: the global (`AbortSignal`). */
  readonly object?: string;
  /** For an instance method: the class and the calls that make one (`readline.Interface`, made by `createInterface`). */
  readonly receiver?: { readonly name: string; readonly madeBy: readonly { readonly module: string; readonly name: string }[] };
  readonly name: string;
  readonly role: AbortableRole;
  /** Where the signal goes; `null` for a call that takes none. */
  readonly signal: SignalPlacement | null;
  readonly result: AbortableResult;
  /** A network call (`require-timeout`): the options that bound its time besides `signal`. */
  readonly network?: { readonly timeoutOptions: readonly string[] };
  /**
   * The promise settles before the work is done: the result is read later (a response body), and
   * aborting the signal then aborts that read too. Aborting once a race settles would break the winner.
   */
  readonly readsAfterSettling?: boolean;
  /** For a timer without a signal: the call that does the same job and takes one. */
  readonly abortableTwin?: string;
  /**
   * A string in the options' place is the `encoding` option (`readFile(p, 'utf8')` is
   * `readFile(p, { encoding: 'utf8' })`), so the signal goes into `{ encoding: 'utf8', signal }`.
   */
  readonly encodingShorthand?: boolean;
}

const option = (argument: number, shift?: 'args-array' | 'url-first'): SignalPlacement =>
  shift ? { kind: 'option', argument, property: 'signal', shift } : { kind: 'option', argument, property: 'signal' };

/**
 * `fs/promises` functions whose options take a signal, and the argument the options are.
 * `appendFile` is not one: it stops on a signal only because it hands its options to `writeFile`,
 * and neither Node's docs nor its types declare one, so a `signal` added to its options fails
 * type-checking (found on changesets, whose `appendFile(p, data, 'utf8')` the codemod's
 * `--typecheck` held back).
 */
const fsPromiseCalls = [
  ['readFile', 1],
  ['writeFile', 2],
  ['watch', 1],
] as const;

/** The callback `fs` functions that take the same options. */
const fsCallbackCalls = [
  ['readFile', 1],
  ['writeFile', 2],
] as const;

export const abortableApis: readonly AbortableApi[] = [
  {
    module: null,
    name: 'fetch',
    role: 'accepts-signal',
    signal: option(1),
    result: 'promise',
    network: { timeoutOptions: [] },
    readsAfterSettling: true,
  },
  ...fsPromiseCalls.map(
    ([name, argument]): AbortableApi => ({
      module: 'fs/promises',
      name,
      role: 'accepts-signal',
      signal: option(argument),
      result: name === 'watch' ? 'async-iterable' : 'promise',
      encodingShorthand: true,
    }),
  ),
  ...fsCallbackCalls.map(
    ([name, argument]): AbortableApi => ({ module: 'fs', name, role: 'accepts-signal', signal: option(argument), result: 'callback', encodingShorthand: true }),
  ),
  { module: 'timers/promises', name: 'setTimeout', role: 'accepts-signal', signal: option(2), result: 'promise' },
  { module: 'timers/promises', name: 'setImmediate', role: 'accepts-signal', signal: option(1), result: 'promise' },
  { module: 'timers/promises', name: 'setInterval', role: 'accepts-signal', signal: option(2), result: 'async-iterable' },
  { module: 'events', name: 'once', role: 'accepts-signal', signal: option(2), result: 'promise' },
  { module: 'events', name: 'on', role: 'accepts-signal', signal: option(2), result: 'async-iterable' },
  { module: 'child_process', name: 'exec', role: 'accepts-signal', signal: option(1), result: 'child-process' },
  { module: 'child_process', name: 'execFile', role: 'accepts-signal', signal: option(2, 'args-array'), result: 'child-process' },
  { module: 'child_process', name: 'spawn', role: 'accepts-signal', signal: option(2, 'args-array'), result: 'child-process' },
  { module: 'child_process', name: 'fork', role: 'accepts-signal', signal: option(2, 'args-array'), result: 'child-process' },
  { module: 'stream', name: 'finished', role: 'accepts-signal', signal: option(1), result: 'callback' },
  { module: 'stream', name: 'addAbortSignal', role: 'accepts-signal', signal: { kind: 'argument', argument: 0 }, result: 'stream' },
  { module: 'stream/promises', name: 'pipeline', role: 'accepts-signal', signal: option(-1), result: 'promise' },
  { module: 'stream/promises', name: 'finished', role: 'accepts-signal', signal: option(1), result: 'promise' },
  ...(['readline', 'readline/promises'] as const).map(
    (module): AbortableApi => ({
      module,
      receiver: { name: `${module}.Interface`, madeBy: [{ module, name: 'createInterface' }] },
      name: 'question',
      role: 'accepts-signal',
      signal: option(1),
      result: module === 'readline' ? 'callback' : 'promise',
    }),
  ),
  ...(['http', 'https'] as const).flatMap((module) =>
    (['request', 'get'] as const).map(
      (name): AbortableApi => ({
        module,
        name,
        role: 'accepts-signal',
        signal: option(1, 'url-first'),
        result: 'request',
        network: { timeoutOptions: ['timeout'] },
      }),
    ),
  ),
  {
    module: 'undici',
    name: 'request',
    role: 'accepts-signal',
    signal: option(1),
    result: 'promise',
    network: { timeoutOptions: ['headersTimeout', 'bodyTimeout'] },
    readsAfterSettling: true,
  },
  {
    module: 'undici',
    name: 'fetch',
    role: 'accepts-signal',
    signal: option(1),
    result: 'promise',
    network: { timeoutOptions: [] },
    readsAfterSettling: true,
  },
  { module: null, object: 'AbortSignal', name: 'timeout', role: 'makes-signal', signal: null, result: 'signal' },
  { module: null, object: 'AbortSignal', name: 'any', role: 'makes-signal', signal: null, result: 'signal' },
  { module: null, name: 'setTimeout', role: 'timer', signal: null, result: 'timer', abortableTwin: '`setTimeout` from `node:timers/promises`' },
  { module: 'timers', name: 'setTimeout', role: 'timer', signal: null, result: 'timer', abortableTwin: '`setTimeout` from `node:timers/promises`' },
] satisfies readonly AbortableApi[];

/**
 * Module objects reachable as a member of another module's object, which name the same object:
 * `fs.promises` is `fs/promises`, `events.EventEmitter.once` is `events.once` (a test checks each
 * against Node).
 */
export const moduleObjectAliases: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  fs: { promises: 'fs/promises' },
  stream: { promises: 'stream/promises' },
  timers: { promises: 'timers/promises' },
  readline: { promises: 'readline/promises' },
  events: { EventEmitter: 'events' },
};

const byModule = new Map<string, Map<string, AbortableApi>>();
for (const api of abortableApis) {
  if (api.receiver) continue;
  const key = api.module ?? `global:${api.object ?? ''}`;
  let members = byModule.get(key);
  if (!members) byModule.set(key, (members = new Map<string, AbortableApi>()));
  members.set(api.name, api);
}

/** Every name a catalogued call can end in: a cheap first test before any resolution. */
export const abortableApiNames: ReadonlySet<string> = new Set(abortableApis.map((api) => api.name));

/** The modules the catalogue names (without `node:`), their aliases' owners included. */
export const abortableModules: ReadonlySet<string> = new Set([
  ...abortableApis.flatMap((api) => (api.module === null ? [] : [api.module])),
  ...Object.keys(moduleObjectAliases),
]);

/** The catalogued function `module.name` (module without `node:`), or `undefined`. Instance methods are not found here. */
export function abortableApiOf(module: string, name: string): AbortableApi | undefined {
  return byModule.get(module)?.get(name);
}

/** The catalogued global function `name` (`fetch`), or static method `object.name` (`AbortSignal.timeout`). */
export function abortableGlobalOf(name: string, object?: string): AbortableApi | undefined {
  return byModule.get(`global:${object ?? ''}`)?.get(name);
}

/** The catalogued instance method `name` of objects made by `module.maker`, or `undefined`. */
export function abortableMethodOf(module: string, maker: string, name: string): AbortableApi | undefined {
  return abortableApis.find((api) => api.name === name && api.receiver?.madeBy.some((m) => m.module === module && m.name === maker));
}

/** How a catalogued call is written in docs and messages: `fetch`, `fs/promises.readFile`, `readline.Interface#question`. */
export function describeAbortableApi(api: AbortableApi): string {
  if (api.receiver) return `${api.receiver.name}#${api.name}`;
  if (api.module === null) return api.object ? `${api.object}.${api.name}` : api.name;
  return `${api.module}.${api.name}`;
}

/** Where the signal goes, in words: "argument 2 `{ signal }`". */
export function describeSignalPlacement(placement: SignalPlacement | null): string {
  if (placement === null) return '—';
  if (placement.kind === 'argument') return `argument ${placement.argument + 1} is the signal`;
  const at = placement.argument < 0 ? 'the last argument' : `argument ${placement.argument + 1}`;
  const shift =
    placement.shift === 'args-array'
      ? ` (${placement.argument} when the arguments array is left out)`
      : placement.shift === 'url-first'
        ? ` (${placement.argument} when there is no URL before it)`
        : '';
  return `${at}${shift} \`{ signal }\``;
}
