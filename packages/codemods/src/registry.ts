import type { ProjectPlan, SafetyLevel } from '@asyncwise/analysis';
import type { ProjectSettings } from './project-settings';
import { finallyToAwaitUsingOptions } from './codemod-options/finally-to-await-using';
import { boundedOptions } from './codemod-options/bounded';
import { forEachAsyncOptions } from './codemod-options/foreach-async-to-for-of';
import { sequentialToConcurrentOptions } from './codemod-options/sequential-to-concurrent';
import { type CodemodOption, type CodemodOptionValues, parseOptionValues } from './option-spec';
import type { RunTransform, TransformOptions, TransformResult } from './types';

/** What every `src/transforms/<name>.ts` exports: the runner's entry and jscodeshift's. */
export interface TransformModule {
  readonly run: RunTransform;
  readonly default: (
    fileInfo: { readonly path: string; readonly source: string },
    api: unknown,
    options?: Record<string, unknown>,
  ) => string | undefined;
}

/**
 * One codemod as data. The CLI's `list`, `explain`, `--help` and name validation, and the docs test,
 * all read this table: adding a codemod is one row, a transform module, its fixtures and its doc.
 */
export interface Codemod {
  /** Also the transform's file name (`src/transforms/<name>.ts`), fixture folder and doc page. */
  readonly name: string;
  /** One line, no trailing period. */
  readonly description: string;
  /** What the rewrite does and when it stays silent, for `asyncwise explain`. */
  readonly details: string;
  /**
   * What one of its changes rewrites, as the summary counts it: `run` (of awaits) for
   * sequential-to-concurrent, `call` for sync-to-async-io.
   */
  readonly unit: CodemodUnit;
  /** The safety levels its changes can have; a `review` change needs `--level review`. */
  readonly levels: readonly SafetyLevel[];
  /**
   * The options it reads beyond the shared ones (level, source type): flag, type, default and
   * description. The CLI parses, validates and documents them from here alone; two codemods that
   * declare the same flag must give it the same type (a test holds the registry to it).
   */
  readonly options: readonly CodemodOption[];
  /** The doc page, relative to the repository root. */
  readonly docsPath: string;
  /**
   * Loads the transform module. Lazy, so `list`, `explain` and `--help` answer without loading the
   * parser (TypeScript alone takes most of a second).
   */
  readonly load: () => Promise<TransformModule>;
}

/** The noun of what a codemod rewrites, singular and plural ("3 runs rewritten", "1 call refused"). */
export interface CodemodUnit {
  readonly one: string;
  readonly many: string;
}

/** A codemod ready to run, its own options validated and bound: only the shared ones remain to give. */
export interface LoadedCodemod {
  readonly name: string;
  readonly run: (source: string, filePath: string, options?: TransformOptions) => TransformResult;
  /**
   * How a worker thread loads the same codemod (functions cannot cross threads): a built-in row's
   * name and the options it was bound to. Absent for a row the registry does not hold (one a
   * program or a test made): the runner then keeps every file in process.
   */
  readonly worker?: { readonly name: string; readonly options: Readonly<Record<string, unknown>> };
}

export const codemods: readonly Codemod[] = [
  {
    name: 'race-to-cancellable',
    description: 'Abort the losers of Promise.race/any once it settles, and turn setTimeout timeout racers into AbortSignal.timeout',
    details:
      'Finds the races no-uncancelled-race reports and the raced timers no-leaked-timer reports. A race over calls that ' +
      'take a signal (fetch, fs/promises, timers/promises, events.once, undici …, resolved through imports and `require`, ' +
      'never by name) gets an `AbortController` declared before its statement, whose signal each raced call gets and which ' +
      'is aborted in `.finally` once the race settles. A `setTimeout` racer that rejects becomes `AbortSignal.timeout(ms)` ' +
      'passed to the one call it races; one that cannot become a signal keeps its id and is cleared once the race settles. ' +
      'Every change is `review`: the losers now stop (their effects after the race do not happen) and a timeout rejects ' +
      'with a `TimeoutError`. It lists as refusals, with the reason, races whose winning fetch body is read after the race ' +
      '(aborting would stop it too), calls bound to a variable before the race, options that cannot take a signal as ' +
      'written, and timers made by helper functions; races whose calls already get a signal, or get opaque options, are left alone.',
    unit: { one: 'race', many: 'races' },
    levels: ['review'],
    options: [],
    docsPath: 'docs/codemods/race-to-cancellable.md',
    load: () => import('./transforms/race-to-cancellable'),
  },
  {
    name: 'sequential-to-concurrent',
    description: 'Run independent sequential awaits together with one Promise.all',
    details:
      'Finds runs of consecutive statements that each await one call whose arguments use nothing an earlier ' +
      'statement of the run produces, and rewrites them to one `await Promise.all([...])`, keeping declaration ' +
      'kinds, destructuring, type annotations (as a tuple type) and every comment. Every change is `review`: ' +
      'the calls now start together, so their side effects may interleave, and a later call runs even when an ' +
      'earlier one rejects. It stays silent when an await uses an earlier result, when statements write shared ' +
      'state, at control flow, at bare `await f();` statements (kept for their effect unless --include-bare-awaits), ' +
      'and when the rewrite would drop a comment or mix declaration kinds.',
    unit: { one: 'run', many: 'runs' },
    levels: ['review'],
    options: sequentialToConcurrentOptions,
    docsPath: 'docs/codemods/sequential-to-concurrent.md',
    load: () => import('./transforms/sequential-to-concurrent'),
  },
  {
    name: 'sync-to-async-io',
    description: 'Await the promise twins of blocking Node core calls inside async functions',
    details:
      'Finds the calls no-sync-in-async reports: fs, zlib and crypto `…Sync` calls resolved through imports and ' +
      '`require` (never by name) inside async functions, and awaits their promise twin in place: ' +
      '`fs.readFileSync(p)` becomes `await fs.promises.readFile(p)`, `gzipSync(b)` becomes `await promisify(gzip)(b)`, ' +
      'with the imports the twin needs added in the file\'s style. Every change is `review`: the new await lets ' +
      'other tasks run before the function goes on. It leaves module top level, sync functions and CLI entry points ' +
      '(a shebang, a `bin` of the nearest package.json) alone, and lists as refusals the calls whose twin gives ' +
      'another value (execSync, existsSync), that have none (spawnSync, fd calls), or that pass an option the twin lacks.',
    unit: { one: 'call', many: 'calls' },
    levels: ['review'],
    options: [],
    docsPath: 'docs/codemods/sync-to-async-io.md',
    load: () => import('./transforms/sync-to-async-io'),
  },
  {
    name: 'callback-to-promise-api',
    description: 'Await the promise twin of a Node core callback API call inside an async function, with the callback\'s body after it',
    details:
      'Finds the calls prefer-promise-api reports: fs, dns, zlib, crypto, child_process, stream and timers callback APIs ' +
      'resolved through imports and `require` (never by name). Where the call is a statement of its own and the last thing ' +
      'its `async` function does, and its callback is written in place, it becomes `await` of the twin (`fs.promises.readFile`, ' +
      '`promisify(exec)` with `{ stdout, stderr }`) with the callback\'s body after it and imports added in the file\'s style. ' +
      'An error the callback only forwarded (`if (err) throw err;`) stays a rejection; one it handled in an `if (err)` that ' +
      'leaves the callback becomes `try/catch` around the `await` alone. Every change is `review`: the function now waits ' +
      'for the call, and an error thrown after it rejects the function\'s promise. It lists as refusals, with the reason, ' +
      'calls whose result is used, callbacks not written in place or that use their own `this`/`arguments`, return a value, ' +
      'ignore their error or handle it in another shape, take other values than the catalogue gives, code after the call, ' +
      'functions that are not `async`, names that would clash, and calls inside a `new Promise` executor (promise-wrapper-to-promisify\'s).',
    unit: { one: 'call', many: 'calls' },
    levels: ['review'],
    options: [],
    docsPath: 'docs/codemods/callback-to-promise-api.md',
    load: () => import('./transforms/callback-to-promise-api'),
  },
  {
    name: 'promise-wrapper-to-promisify',
    description: 'Replace a new Promise that only forwards an error-first callback by the promise twin or util.promisify',
    details:
      'Finds `new Promise((resolve, reject) => fn(args, (err, value) => err ? reject(err) : resolve(value)))` wrappers ' +
      '(also `if (err) return reject(err); resolve(value);`, `if/else`, and TypeScript\'s `new Promise<T>`). A catalogued Node ' +
      'API becomes its twin called with the same arguments (`fs.promises.readFile(p)`, `promisify(zlib.gzip)(b)`), the same ' +
      'plan prefer-promise-api suggests; any other function `util.promisify(fn)(args)`, a method `promisify(obj.m).call(obj, args)` ' +
      'where `obj` is a name or `this`. Every change is `review`: a synchronous throw of the function happens inside the ' +
      'twin\'s own executor and the promise may settle in another tick. It lists as refusals, with the reason, executors ' +
      'that do more than the call, callbacks that resolve several values or do more than forward, wrappers that resolve ' +
      '`undefined` where the twin resolves a value, receivers that cannot be rebound, Node core functions outside the catalogue, ' +
      'and comments the rewrite would drop.',
    unit: { one: 'wrapper', many: 'wrappers' },
    levels: ['review'],
    options: [],
    docsPath: 'docs/codemods/promise-wrapper-to-promisify.md',
    load: () => import('./transforms/promise-wrapper-to-promisify'),
  },
  {
    name: 'pipe-to-pipeline',
    description: 'Turn a chain of .pipe calls on Node streams that ends an async function into an awaited pipeline from node:stream/promises',
    details:
      'Finds the chains prefer-stream-pipeline reports: `a.pipe(b).pipe(c)` (with `.on(…)` links between the pipes, or split ' +
      'over two statements through a `const`) whose streams are shown to be Node streams (`fs.createReadStream`, `zlib.createGzip`, ' +
      '`process.stdout` … resolved through imports and `require`, never by the name `pipe`) and where some stream has no `error` ' +
      'listener. Where the chain is a statement of its own and the last thing its `async` function does, it becomes ' +
      '`await pipeline(a, b, c)` with `pipeline` imported in the file\'s style; the last stream\'s `finish` listener\'s body runs ' +
      'after the `await`, `error` listeners that handled the error become one `catch` around it, and listeners that only rethrow ' +
      'become the rejection; a `new Promise` in an `async` function whose executor is the chain alone, resolving on `finish` ' +
      'and rejecting on `error`, becomes `pipeline(…)` itself. Every change is `review`: the function now waits for the streams, an error of any stream rejects ' +
      'it once instead of reaching its own stream\'s listeners or being thrown as an uncaught exception, and every stream is ' +
      'destroyed on error. It lists as refusals, with the reason, chains in functions that are not `async`, code after the ' +
      'chain, `.pipe(dest, options)`, chains into `process.stdout`, streams used or listened to outside the chain, listeners of other events (`data`, ' +
      '`close`), error listeners that differ, names that would clash and comments the rewrite would drop.',
    unit: { one: 'chain', many: 'chains' },
    levels: ['review'],
    options: [],
    docsPath: 'docs/codemods/pipe-to-pipeline.md',
    load: () => import('./transforms/pipe-to-pipeline'),
  },
  {
    name: 'then-to-await',
    description: 'Write functions that return a then/catch/finally chain as async functions with await',
    details:
      'Finds the chains prefer-await-to-then reports: a `.then/.catch/.finally` chain a function returns as its last ' +
      'statement (or an arrow\'s body), on a receiver shown to be a built-in promise (never a member name), and writes ' +
      'the function `async` with `await` and `try/catch/finally`, inlining each handler written in place and calling each ' +
      'named one, with the values kept on every path. Every change is `review`: the awaits take other ticks than the ' +
      'callbacks, and a synchronous throw before the chain becomes a rejection. It lists as refusals, with the reason, ' +
      'two-argument `then`, method handlers, handlers that use their own `this` or `arguments`, returns inside a handler ' +
      'before the last, `finally` handlers that return, names that would clash, generators, getters, setters and ' +
      'constructors, functions that also return a non-promise, and receivers not shown to be promises. With --project ' +
      'the receiver is judged by the TypeScript checker: promises only inference shows are converted, thenables that are ' +
      'no built-in promise (query builders, deferreds) and values typed as no promise are refused as receiver-not-promise.',
    levels: ['review'],
    unit: { one: 'chain', many: 'chains' },
    options: [],
    docsPath: 'docs/codemods/then-to-await.md',
    load: () => import('./transforms/then-to-await'),
  },
  {
    name: 'foreach-async-to-for-of',
    description: 'Turn forEach with an async callback into a for…of loop that awaits each call',
    details:
      'Finds the `forEach` calls no-async-array-callback reports: an `async` callback, whose promises nothing waits for ' +
      'and whose rejections go unhandled, on a receiver shown to be an array or iterator (a literal, `Array.from`, ' +
      '`Object.keys`, an array method\'s result, a declared array type), standing as a statement of its own inside an ' +
      '`async` function, and writes `for (const x of xs) { … }` with the callback\'s body (an expression body gets its ' +
      '`await`; a parameter the body assigns becomes `let`). Every change is `review`: the function now waits for the ' +
      'work, one element at a time in order, and the first rejection stops the loop and reaches its caller. It lists as ' +
      'refusals, with the reason, receivers not shown to be arrays (a `Map`\'s `forEach` gives values where `for…of` ' +
      'gives entries), enclosing functions that are not `async`, callbacks that take the index, return early, are named ' +
      'or use their own `this`/`arguments`, `var` declarations that would be hoisted, bodies that change the receiver, ' +
      'sparse receivers, lodash\'s and underscore\'s `forEach`/`each`, and comments the loop would drop. With ' +
      '--concurrent it writes loop-to-bounded\'s bounded form instead, `await boundedMap(xs, 8, async (x) => …)` (or ' +
      'p-map, or p-limit; --limiter, --concurrency and --helper-path as there): at most --concurrency calls at once, ' +
      'the function waits for all of them, the first rejection reaches its caller; the callback may take the index, ' +
      'return early and declare `var`, and is refused when it takes the array, reads `arguments` or the receiver.',
    unit: { one: 'call', many: 'calls' },
    levels: ['review'],
    options: forEachAsyncOptions,
    docsPath: 'docs/codemods/foreach-async-to-for-of.md',
    load: () => import('./transforms/foreach-async-to-for-of'),
  },
  {
    name: 'finally-to-await-using',
    description: 'Turn a try/finally that only disposes the resources declared just before it into await using',
    details:
      'Finds the `try` statements prefer-await-using reports: a `finally` that is exactly the disposal of catalogued ' +
      'resources (a `FileHandle`\'s `await handle.close()`, or `await x[Symbol.asyncDispose]()`), resolved through imports ' +
      'and `require`, never by name, declared with `const` just before the `try` in an `async` function. The declarations ' +
      'become `await using` and the `finally` goes; the body joins the block when the `try` ends it, else the declarations ' +
      'and the body become a block of their own, so the disposal stays where the `finally` ran. Every change is `review`: ' +
      'when the body and the release both throw, `await using` throws a `SuppressedError`. It rewrites only where the ' +
      'project shows it can compile or run `await using` (the nearest tsconfig.json has `esnext` or `esnext.disposable` in ' +
      '`lib` and the declared TypeScript is >= 5.2; for JavaScript, `engines.node` >= 24), or with --assume-await-using. ' +
      'It lists as refusals, with the reason, resources read after the `try`, conditional or un-awaited releases, releases ' +
      'in an order `await using` would change, a `finally` that does more, and resources not declared just before the `try`.',
    unit: { one: 'try', many: 'tries' },
    levels: ['review'],
    options: finallyToAwaitUsingOptions,
    docsPath: 'docs/codemods/finally-to-await-using.md',
    load: () => import('./transforms/finally-to-await-using'),
  },
  {
    name: 'loop-to-bounded',
    description: 'Turn loops whose iterations are independent but awaited one by one into a bounded, order-keeping map',
    details:
      'Finds the loops no-await-in-loop reports: `for…of` and indexed `for` loops with `await` whose iterations read ' +
      'nothing an earlier one wrote, never leave the loop early and are no pause, retry, poll, pagination or ordered ' +
      'write. Results pushed into a local array of the function become the result of ' +
      '`await boundedMap(xs, 8, async (x) => …)` (or `pMap(xs, fn, { concurrency })`, or p-limit); an effect-only loop ' +
      'becomes a bounded run whose completion is awaited. --limiter defaults to what the nearest package.json depends ' +
      'on, else `local`, which writes a small helper into the project once (--helper-path) and imports it in the ' +
      "file's style; the report says when a dependency must be added. The bounded form keeps input order, runs at " +
      'most --concurrency calls at once, and on the first rejection rejects: started calls finish, no new one starts. ' +
      'Every change is `review`. It lists as refusals, with the reason, every loop the rule leaves alone (with the ' +
      "rule's silence reason), labelled loops, heads other than `for…of` and `for (let i = 0; i < xs.length; i++)`, " +
      '`var` in the body, collecting in completion order (`map.set`, `out[key] =`, a `push` not ending the body), ' +
      '`continue` in a loop whose results are collected, and names the rewrite needs that the file already uses.',
    unit: { one: 'loop', many: 'loops' },
    levels: ['review'],
    options: boundedOptions,
    docsPath: 'docs/codemods/loop-to-bounded.md',
    load: () => import('./transforms/loop-to-bounded'),
  },
  {
    name: 'unbounded-to-bounded',
    description: 'Bound Promise.all over a map of a list of unknown size with the same bounded, order-keeping map',
    details:
      'Finds the fan-outs no-unbounded-concurrency reports: `Promise.all(xs.map(fn))` over a list whose size the code does ' +
      'not show to be small, not already going through a limiter or batched by an enclosing loop, and writes ' +
      '`boundedMap(xs, 8, fn)` (or `pMap(xs, fn, { concurrency })`, or with p-limit `const limit = pLimit(8)` and ' +
      '`xs.map((x) => limit(async () => …))`). The options and the helper are loop-to-bounded\'s. Every change is ' +
      '`review`: the calls start a few at a time, and after the first rejection no new one starts. It lists as ' +
      'refusals `Promise.allSettled`/`any`/`race`, arrays filled in a loop, mappers that are not written in place, take ' +
      'the array or a `thisArg`, and receivers shown not to be arrays.',
    unit: { one: 'fan-out', many: 'fan-outs' },
    levels: ['review'],
    options: boundedOptions,
    docsPath: 'docs/codemods/unbounded-to-bounded.md',
    load: () => import('./transforms/unbounded-to-bounded'),
  },
];

/**
 * A project transform: phase 1 plans over the whole TypeScript program of `--project` (never one
 * file at a time), phase 2 applies one batched edit per file (`project/migrate-project.ts`). Kept in
 * a table of its own: it has no per-file `run`, and the CLI runs it alone.
 */
export interface ProjectCodemod {
  readonly kind: 'project';
  readonly name: string;
  readonly description: string;
  readonly details: string;
  readonly unit: CodemodUnit;
  readonly levels: readonly SafetyLevel[];
  readonly docsPath: string;
  /** Whether it starts from entry functions (`--from`, `--all-exports`) or plans the whole project. */
  readonly takesEntries: boolean;
  /** How the run's summary names the functions the plan changed (`Chain`, `Made async`). */
  readonly functionsLabel: string;
  /** Its own options, declared and parsed as a per-file codemod's are; the plan gets them validated. */
  readonly options: readonly CodemodOption[];
  readonly load: () => Promise<ProjectTransformModule>;
}

/** What every `src/project/<name>.ts` exports: its plan over the program (the apply phase is shared). */
export interface ProjectTransformModule {
  readonly plan: (configPath: string, settings: ProjectSettings) => ProjectPlan;
}

export const projectCodemods: readonly ProjectCodemod[] = [
  {
    kind: 'project',
    name: 'add-abort-signal',
    description: 'Thread an optional AbortSignal through an async call chain, across files, and pass it to every abortable call',
    details:
      'Needs --project <tsconfig.json> and its entry functions: --from path/file.ts#name (repeatable) or --all-exports ' +
      '(every exported async function). From them it follows the async call chain through the TypeScript checker ' +
      '(imports and re-exports resolved, never a name): each function on it takes `options?: { signal?: AbortSignal }` ' +
      '(or a `signal` member in its inline options type), passes the signal to every abortable call (fetch, fs/promises, ' +
      'timers/promises … from the abortableApis catalogue) and to every function on the chain, and every other caller in the ' +
      'project passes the AbortSignal parameter it has in scope, or nothing. Every change is `review`: a caller with a ' +
      'signal now cancels work it used to wait for. It lists as refusals, with the reason, interface members, overloads, ' +
      'methods, functions used as values or called with spread arguments, calls through a computed member, parameters named ' +
      '`options`/`signal` that mean something else, rest parameters and options the analysis cannot see into. Nothing is ' +
      'written unless every planned file parses; with --typecheck, unless the project gains no TypeScript error.',
    unit: { one: 'edit', many: 'edits' },
    levels: ['review'],
    docsPath: 'docs/codemods/add-abort-signal.md',
    takesEntries: true,
    functionsLabel: 'Chain',
    options: [],
    load: () => import('./project/add-abort-signal'),
  },
  {
    kind: 'project',
    name: 'callback-to-async',
    description: 'Turn callback-last functions into async functions returning their value, and migrate every caller in the project',
    details:
      'Needs --project <tsconfig.json> (a tsconfig or jsconfig with allowJs/checkJs plans .js files too). A module-level ' +
      'function whose last parameter is an error-first callback, called exactly once on every path as the last thing it ' +
      'does and never stored or passed on (except as the callback of a Node callback API with a promise twin, or of another ' +
      'function this run migrates), becomes async: `cb(err)` → `throw err`, `cb(null, v)` → `return v`, nested callback APIs ' +
      'are awaited through their promise twins. Every caller the TypeScript checker finds (imports, re-exports, CommonJS ' +
      'require) is migrated: `const v = await f(a)` in async code where that is exact, else `f(a).then((v) => cb(null, v), cb)` ' +
      'or the callback split into `.then((v) => …, (err) => …)`. Exported functions are changed with their project callers; ' +
      'callers outside the project must be migrated by hand, or with --keep-callback-api an exported function keeps its callback ' +
      'API beside the promise (a wrapper through util.callbackify, overloads in TypeScript) and its callers stay as they are. Every change is `review`. Refused, with the reason: callbacks ' +
      'called more than once or not on some path, callbacks that escape, errors that may be null, functions used as values, ' +
      'overloads, spread calls, methods, callers whose callback cannot be split. Nothing is written unless every planned file ' +
      'parses; with --typecheck, unless the project gains no TypeScript error.',
    unit: { one: 'edit', many: 'edits' },
    levels: ['review'],
    docsPath: 'docs/codemods/callback-to-async.md',
    takesEntries: false,
    functionsLabel: 'Made async',
    options: [
      {
        key: 'keepCallbackApi',
        flag: 'keep-callback-api',
        type: 'boolean',
        default: false,
        description: 'exported functions keep their callback API beside the promise one (overloads in TypeScript); their callers are left as they are',
      },
    ],
    load: () => import('./project/callback-to-async'),
  },
];

export function findProjectCodemod(name: string): ProjectCodemod | undefined {
  return projectCodemods.find((c) => c.name === name);
}

export function findCodemod(name: string, registry: readonly Codemod[] = codemods): Codemod | undefined {
  return registry.find((c) => c.name === name);
}

/**
 * Loads the codemods and binds each to its own options, read from `raw` (by key or flag, in any of
 * the forms {@link parseOptionValues} takes) and validated against its declarations; options of
 * other codemods in `raw` are left to them. Throws `OptionError` for a value a codemod cannot use.
 */
export async function loadCodemods(selected: readonly Codemod[], raw: Readonly<Record<string, unknown>> = {}): Promise<LoadedCodemod[]> {
  return Promise.all(
    selected.map(async (codemod) => {
      const own: CodemodOptionValues = parseOptionValues(codemod.options, raw);
      const { run } = await codemod.load();
      return {
        name: codemod.name,
        run: (source: string, filePath: string, options: TransformOptions = {}) => run(source, filePath, { ...options, ...own }),
        ...(codemods.includes(codemod) ? { worker: { name: codemod.name, options: own } } : {}),
      };
    }),
  );
}
