/**
 * What a call probably does to state outside the bindings, read from the verb of its name. Used only
 * to stay silent: a name never makes the analysis report more, and never says what is a promise.
 *
 * Two awaits that look independent by their bindings can still depend on each other through a store
 * both reach: a write then a read of the same cache directory, a server started then fetched from,
 * `reconcile(x)` then `finalize(x)`. The analysis classifies each awaited call by these verbs and
 * keeps such pairs in order when they share a receiver or an argument (see `effects.ts`).
 *
 * A verb is the first word of the method or function name (`insertOne` → `insert`,
 * `get_pkg` → `get`, `$transaction` → `transaction`, after modifiers such as `native` or `try`:
 * `nativeInsert` → `insert`), and the first word after each `And`/`Or`
 * (`findOneAndUpdate` → `find`, `update`; `getOrCreate` → `get`, `create`). Words are matched
 * whole and case-insensitively.
 */
export type EffectKind = 'write' | 'setup' | 'read' | 'interactive';

/** The verbs of each kind. The strongest kind among a name's verbs wins: interactive, setup, write, read. */
export const effectVerbs = {
  /**
   * Changes a store others read: rows, files, cache entries, branches, queues, counters,
   * migrations (`up`, `down`, `rollback`), issues and messages (`close`, `comment`, `send`), and
   * commands run for their effects (`run`, `exec`).
   */
  write: [
    'abandon', 'add', 'alter', 'append', 'approve', 'archive', 'assign', 'bump', 'cancel', 'change', 'clear', 'close',
    'comment', 'commit', 'copy', 'cp', 'create', 'decrement', 'del', 'delete', 'destroy', 'drop', 'down', 'edit', 'emit',
    'enqueue', 'evict', 'exec', 'execute', 'finalize', 'flush', 'increment', 'insert', 'invalidate', 'link', 'merge',
    'mkdir', 'mkdirp', 'modify', 'move', 'mv', 'notify', 'patch', 'persist', 'post', 'prune', 'publish', 'push', 'put',
    'queue', 'reconcile', 'record', 'register', 'remove', 'rename', 'replace', 'reply', 'reset', 'restore', 'rm',
    'rmdir', 'rollback', 'rollup', 'run', 'save', 'send', 'set', 'store', 'submit', 'symlink', 'touch',
    'transaction', 'transactional', 'truncate', 'unlink', 'unregister', 'up', 'update', 'upsert', 'write',
  ],
  /**
   * Brings up state that later operations use: a server, a session, a transaction, installed
   * packages, seeded rows, a fixture, a lock. Ordered before every later operation that is not
   * itself a setup (two independent connects may still run together).
   */
  setup: [
    'acquire', 'authenticate', 'begin', 'bootstrap', 'connect', 'init', 'initialize', 'install',
    'launch', 'listen', 'lock', 'login', 'migrate', 'mock', 'mount', 'prepare', 'seed', 'setup',
    'signin', 'spawn', 'start', 'startup',
  ],
  /**
   * Reads a store: the other half of a write-then-read or read-then-write pair. `query` is one only
   * when its SQL says so (`sqlQueryVerbs`): `db.query('UPDATE …')` and `runner.query(sql)` of a
   * statement the code does not show are writes.
   */
  read: [
    'count', 'exists', 'fetch', 'find', 'get', 'has', 'head', 'info', 'list', 'load', 'lookup',
    'ls', 'query', 'read', 'readdir', 'resolve', 'scan', 'search', 'select', 'stat', 'status',
  ],
  /** Asks the person at the terminal: two prompts never run together, and a prompt joins no run. */
  interactive: ['ask', 'confirm', 'otp', 'password', 'prompt', 'question', 'username'],
} as const satisfies Record<EffectKind, readonly string[]>;

/**
 * Verbs of calls that wait for time to pass or for a condition to come true: `sleep(ms)`,
 * `delay(ms)`, `waitFor(…)`, `backoff(attempt)`. Awaited in a loop, the wait is the point (rate
 * limiting, polling, backoff), so such a loop stays sequential (`sleep-or-backoff`). Like every verb
 * here, used only to stay silent.
 */
/**
 * The leading SQL keywords of a statement that only reads: a `query(…)` call whose first argument is
 * a string or template starting with one of them is a read; with any other statement, or one the code
 * does not show, it is a write.
 */
export const sqlReadKeywords = ['select', 'show', 'explain', 'describe', 'desc'] as const satisfies readonly string[];

export const pauseVerbs = ['backoff', 'delay', 'nap', 'pause', 'sleep', 'throttle', 'wait'] as const satisfies readonly string[];

/** Timer functions whose awaited promise is a pause (`timers/promises`' `setTimeout`, `scheduler.wait`). */
export const pauseCallees = ['setTimeout', 'setImmediate', 'scheduler.wait', 'scheduler.yield'] as const satisfies readonly string[];

/**
 * Callees that load a module (besides `import()`), as test runners name them.
 */
export const moduleLoaders = ['vi.importActual', 'vi.importMock', 'jest.importActual'] as const satisfies readonly string[];

/**
 * Methods that reset or isolate a test runner's module registry (`vi.resetModules()`,
 * `jest.isolateModules(…)`). In a file that calls one, module instances are fresh after the reset,
 * and two loads that must share an instance keep their order (`module-load-order`).
 */
export const moduleRegistryResets = ['resetModules', 'isolateModules', 'isolateModulesAsync'] as const satisfies readonly string[];

/**
 * Globals that hold process-wide mutable state. Passed as an argument (`parse(process.env)`), the
 * call may change what a later call given the same object reads.
 */
export const globalStateObjects = [
  'process',
  'globalThis',
  'global',
  'window',
  'document',
  'localStorage',
  'sessionStorage',
] as const satisfies readonly string[];

/**
 * Where test files live by default, as path globs (matched against the path relative to the working
 * directory and against the bare path): the usual names of jest, vitest, mocha, tap and node:test.
 * In test files the analysis also keeps the same operation on the same subject in order (see
 * `repeated-subject`), because a test that calls it twice is observing state across the calls.
 */
export const defaultTestFilePatterns = [
  '**/*.{test,spec}.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  // A whole suite in one `test.js` at the package root (sindresorhus', ava's layout).
  '**/test.{js,jsx,ts,tsx,mjs,cjs,mts,cts}',
  '**/{test,tests,__tests__,spec,e2e}/**',
] as const satisfies readonly string[];

/**
 * Words that qualify the verb after them (`nativeInsert`, `tryGet`, `bulkWrite`): skipped, so the
 * verb is the next word.
 */
export const verbModifiers = ['async', 'batch', 'bulk', 'do', 'force', 'native', 'raw', 'safe', 'try'] as const satisfies readonly string[];

const kindByVerb = new Map<string, EffectKind>();
// Later kinds overwrite earlier ones only where a verb were listed twice; the lists are disjoint.
for (const kind of ['read', 'write', 'setup', 'interactive'] as const) {
  for (const verb of effectVerbs[kind]) kindByVerb.set(verb, kind);
}
const strength: Record<EffectKind, number> = { read: 0, write: 1, setup: 2, interactive: 3 };

/** The verbs of a name: its first word and every word after `and`/`or`, lowercased. */
export function verbsOf(name: string): string[] {
  const words = name
    .replace(/^[$_#]+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_$-]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
  const verbs: string[] = [];
  let expectVerb = true;
  for (const word of words) {
    if (expectVerb && !(verbModifiers as readonly string[]).includes(word)) {
      verbs.push(word);
      expectVerb = false;
    } else if (word === 'and' || word === 'or') expectVerb = true;
  }
  return verbs;
}

// Names repeat across a code base (`get`, `fetchUser`, `save`): their kinds are remembered, up to a
// bound so that a long run over generated names cannot grow the map without end.
const kindByName = new Map<string, EffectKind | null>();
const kindByNameLimit = 10_000;

/** The effect kind a call's name suggests, or `null` when none of its verbs is catalogued. */
export function effectKindOfName(name: string): EffectKind | null {
  const known = kindByName.get(name);
  if (known !== undefined) return known;
  if (kindByName.size >= kindByNameLimit) kindByName.clear();
  const kind = kindOfName(name);
  kindByName.set(name, kind);
  return kind;
}

function kindOfName(name: string): EffectKind | null {
  let kind: EffectKind | null = null;
  for (const verb of verbsOf(name)) {
    const found = kindByVerb.get(verb);
    if (found && (kind === null || strength[found] > strength[kind])) kind = found;
  }
  if (kind !== null) return kind;
  // A name whose verb comes last (`submoduleUpdate`, `cacheDelete`, `userInsert`): only a write verb
  // counts there, which keeps calls in order (`warmUp` is no setup, a trailing read verb proves nothing).
  const last = /[a-z0-9]([A-Z][a-z]{3,})$/.exec(name)?.[1]?.toLowerCase();
  return last !== undefined && kindByVerb.get(last) === 'write' ? 'write' : null;
}
