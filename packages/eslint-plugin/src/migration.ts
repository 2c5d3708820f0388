import type { RuleName } from './rules/index';

/** The plugins whose async rules asyncwise takes over, with the prefix their rules have in a flat config. */
export const peerPlugins = {
  eslint: { title: 'ESLint core', prefix: '', package: 'eslint' },
  'typescript-eslint': { title: 'typescript-eslint', prefix: '@typescript-eslint/', package: 'typescript-eslint' },
  promise: { title: 'eslint-plugin-promise', prefix: 'promise/', package: 'eslint-plugin-promise' },
  unicorn: { title: 'eslint-plugin-unicorn', prefix: 'unicorn/', package: 'eslint-plugin-unicorn' },
  n: { title: 'eslint-plugin-n', prefix: 'n/', package: 'eslint-plugin-n' },
} as const;
export type PeerPlugin = keyof typeof peerPlugins;

/**
 * What asyncwise offers in place of one peer rule:
 * - `twin`: an asyncwise rule that checks the same thing; `missingOptions` names the peer's options the
 *   twin does not accept (each with why), so a config that sets one needs a change;
 * - `planned`: a rule of the design catalogue that has not landed yet (a test fails once it lands, so
 *   the row is turned into a `twin`);
 * - `notCovered`: asyncwise has no such rule, and why.
 */
export type Mapping =
  | { twin: RuleName; missingOptions?: Record<string, string>; note?: string }
  | { planned: string; note?: string }
  | { notCovered: string };

export interface MigrationRow {
  plugin: PeerPlugin;
  rule: string;
  asyncwise: Mapping;
}

const row = (plugin: PeerPlugin, rule: string, asyncwise: Mapping): MigrationRow => ({ plugin, rule, asyncwise });

/**
 * Every async rule of ESLint core, typescript-eslint, eslint-plugin-promise, eslint-plugin-unicorn and
 * eslint-plugin-n, and its asyncwise counterpart. `docs/migrating.md` is generated from it
 * (`pnpm generate`), and `migration.test.ts` checks it against the rules' meta and, for the peers
 * installed in this repo, against the peer rules' own schemas.
 */
export const migrationTable = [
  // ESLint core
  row('eslint', 'no-async-promise-executor', { twin: 'no-async-promise-executor' }),
  row('eslint', 'no-await-in-loop', {
    twin: 'no-await-in-loop',
    note: 'silent on loops whose iterations depend on each other (cursors, accumulators, retries, polling)',
  }),
  row('eslint', 'no-promise-executor-return', { twin: 'no-promise-executor-return' }),
  row('eslint', 'no-return-await', { twin: 'return-await', note: 'deprecated in ESLint core; `return-await` in its `never` mode says the same' }),
  row('eslint', 'prefer-promise-reject-errors', { twin: 'prefer-promise-reject-errors' }),
  row('eslint', 'require-atomic-updates', {
    twin: 'require-atomic-updates',
    note: 'only state a concurrent call can reach (`this`, module bindings, shared closures); never locals, parameters or objects the function creates; accepts the `if (busy) return; busy = true` guard; async functions only',
  }),
  row('eslint', 'require-await', {
    twin: 'require-await',
    note: 'silent where a returned value may be a promise nothing shows',
  }),
  row('eslint', 'callback-return', {
    twin: 'callback-return',
    note: 'deprecated in ESLint core; a call after which nothing of its function runs (an `if`/`else` branch, `try`/`catch`, a `switch` case ending in `break`) is not reported',
  }),
  row('eslint', 'handle-callback-err', {
    twin: 'handle-callback-err',
    note: 'deprecated in ESLint core; silent where `arguments` is read, on a destructured first parameter and on class methods',
  }),
  row('eslint', 'no-sync', {
    twin: 'no-sync-in-async',
    missingOptions: {
      allowAtRootLevel: '`no-sync-in-async` reports only inside async functions; module top level is allowed by default (`allowTopLevel`)',
    },
    note: "Node's own `…Sync` calls resolved through imports, not every name ending in `Sync`; deprecated in ESLint core",
  }),
  row('eslint', 'max-nested-callbacks', {
    notCovered: 'a limit on nesting depth is a style metric, not an async question; keep the core rule if you use it',
  }),

  // typescript-eslint
  row('typescript-eslint', 'await-thenable', {
    twin: 'await-thenable',
    missingOptions: { allowMixedPromiseArrays: 'mixed arrays are reported only where every element is shown not to be a promise' },
  }),
  row('typescript-eslint', 'no-floating-promises', { twin: 'no-floating-promises', note: 'works without type information too' }),
  row('typescript-eslint', 'no-misused-promises', { twin: 'no-misused-promises', note: 'works without type information too' }),
  row('typescript-eslint', 'prefer-promise-reject-errors', {
    twin: 'prefer-promise-reject-errors',
    missingOptions: { allow: 'a value of an allowed type is still reported' },
  }),
  row('typescript-eslint', 'promise-function-async', { twin: 'promise-function-async' }),
  row('typescript-eslint', 'require-await', { twin: 'require-await' }),
  row('typescript-eslint', 'return-await', { twin: 'return-await' }),
  row('typescript-eslint', 'strict-void-return', {
    twin: 'strict-void-return',
    note: 'works without type information too (declared `void` places, values the syntax shows); object getters and setters and static members are not checked',
  }),

  // eslint-plugin-promise
  row('promise', 'always-return', {
    twin: 'always-return',
    note: 'judges handlers of chains shown to start from a promise; one report per handler',
  }),
  row('promise', 'avoid-new', {
    notCovered:
      'a ban on `new Promise` itself is a style choice; the executor rules (`no-async-promise-executor`, `no-promise-executor-return`) check what an executor does, and `prefer-promise-api` finds wrappers around callback APIs that have a promise twin',
  }),
  row('promise', 'catch-or-return', {
    twin: 'catch-or-return',
    note: 'reports only chains shown to be promises (no query builder or Cypress `then`)',
  }),
  row('promise', 'no-callback-in-promise', { twin: 'no-callback-in-promise', note: 'chains shown to be promises only; silent on callbacks run later (I/O, timers without `timeoutsErr`)' }),
  row('promise', 'no-multiple-resolved', {
    twin: 'no-multiple-resolved',
    note: 'paths read from the AST (oxlint has no code path events); a throw that can only come before the first call does not reach the `catch` as a second path',
  }),
  row('promise', 'no-native', {
    notCovered: 'for runtimes without a native `Promise`; every runtime asyncwise supports has one (use `no-undef` with your globals)',
  }),
  row('promise', 'no-nesting', { twin: 'no-nesting', note: 'both chains must be shown to be promises' }),
  row('promise', 'no-new-statics', { twin: 'no-new-statics', note: "a suggestion, not eslint-plugin-promise's fix: the code throws today, and runs once `new` is gone" }),
  row('promise', 'no-promise-in-callback', {
    twin: 'no-promise-in-callback',
    note: 'chains shown to be promises only, one report per chain; silent on returned chains, `error` event listeners, methods and async code inside the callback',
  }),
  row('promise', 'no-return-in-finally', { twin: 'no-return-in-finally', note: 'silent where the returned value may be a promise, which `finally()` waits for' }),
  row('promise', 'no-return-wrap', { twin: 'no-return-wrap', note: 'handlers of chains shown to start from a promise, on the global `Promise`' }),
  row('promise', 'param-names', { twin: 'param-names', note: 'executors of the global `Promise` only' }),
  row('promise', 'prefer-await-to-callbacks', {
    twin: 'prefer-await-to-callbacks',
    note: 'a `callback`/`cb` or `(err) => …` only when used error-first; silent on promise handlers, error handlers, error middleware, more listener methods and each call of a reported parameter',
  }),
  row('promise', 'prefer-await-to-then', {
    twin: 'prefer-await-to-then',
    note: 'reports chains on values shown to be promises only, and suggests the rewrite',
  }),
  row('promise', 'prefer-catch', {
    twin: 'prefer-catch',
    note: '`then(null, b)` → `catch(b)` is a fix; `then(a, b)` → `catch(b).then(a)` a suggestion, since `a` then also runs after a recovery',
  }),
  row('promise', 'spec-only', {
    twin: 'spec-only',
    note: 'the global `Promise` only; `Promise.try` is standard (ES2025)',
  }),
  row('promise', 'valid-params', { twin: 'valid-params', note: 'calls on values shown to be promises and the global `Promise`; a spread argument is not counted' }),

  // eslint-plugin-unicorn
  row('unicorn', 'no-async-iterator-callback', {
    notCovered: 'async callbacks of iterator helpers (`Iterator.prototype.map` …); `no-async-array-callback` covers array methods only',
  }),
  row('unicorn', 'no-async-promise-finally', { twin: 'no-async-promise-finally', note: 'only where the receiver is shown to be a built-in promise' }),
  row('unicorn', 'no-await-expression-member', {
    twin: 'no-await-expression-member',
    note: 'the `[0]` rewrite is a suggestion (an array pattern iterates); not in `recommended`',
  }),
  row('unicorn', 'no-await-in-promise-methods', { twin: 'no-await-in-promise-methods', note: 'the built-in `Promise` only' }),
  row('unicorn', 'no-multiple-promise-resolver-calls', { twin: 'no-multiple-resolved', note: "eslint-plugin-promise's name for the same check" }),
  row('unicorn', 'no-single-promise-in-promise-methods', {
    twin: 'no-single-promise-in-promise-methods',
    note: 'suggestions where unicorn autofixes (the result arrives sooner); the built-in `Promise` only',
  }),
  row('unicorn', 'no-thenable', { twin: 'no-thenable', note: 'not in `recommended`: a deliberate thenable is a design some libraries choose' }),
  row('unicorn', 'no-unnecessary-await', { twin: 'await-thenable', note: "typescript-eslint's name for the same check" }),
  row('unicorn', 'no-unsafe-promise-all-settled-values', {
    twin: 'no-unsafe-promise-all-settled-values',
    note: 'follows more status checks (early `continue`/`return`, `switch`, destructured `status`, named filters and type guards, test assertions) and more places (`for…of`, indexes, every array callback); checks `.reason` too',
  }),
  row('unicorn', 'no-useless-promise-resolve-reject', {
    twin: 'no-useless-promise-resolve-reject',
    note: 'handlers only on chains shown to start from a promise; a fix only where the value is awaited anyway, a suggestion elsewhere (it settles sooner)',
  }),
  row('unicorn', 'no-using-resource-escape', {
    notCovered: 'a `using` resource returned or captured past its scope; the resource rules of the catalogue check the opposite (a resource never released)',
  }),
  row('unicorn', 'prefer-abort-signal-any', {
    twin: 'prefer-abort-signal-any',
    note: 'only a controller whose every use is seen; a suggestion, never a fix (the abort reason changes); test files left alone by default',
  }),
  row('unicorn', 'prefer-abort-signal-timeout', {
    twin: 'prefer-abort-signal-timeout',
    note: 'only a controller whose every use is seen; a suggestion, never a fix (TimeoutError, keep-alive); test files left alone by default',
  }),
  row('unicorn', 'prefer-array-from-async', {
    twin: 'prefer-array-from-async',
    note: 'suggestions where unicorn fixes (the array is assigned a microtask later); silent where `engines.node` admits Node before 22',
  }),
  row('unicorn', 'prefer-await', { twin: 'prefer-await-to-then', note: "eslint-plugin-promise's name for the same check" }),
  row('unicorn', 'prefer-dispose', {
    twin: 'prefer-await-using',
    note: 'only catalogued resources whose `Symbol.asyncDispose` is exactly the release (unicorn takes any `close`/`dispose`/`destroy`/`end` by name), and only where the project can compile or run `await using`',
  }),
  row('unicorn', 'prefer-promise-static-methods', {
    twin: 'prefer-promise-static-methods',
    note: 'a fix for literals and no value; a suggestion for a name (`Promise.resolve(p)` of a promise is `p`)',
  }),
  row('unicorn', 'prefer-promise-try', {
    twin: 'prefer-promise-try',
    note: 'no fix with a type argument (`Promise.try<T>` does not compile); silent where `engines.node` admits Node before 24',
  }),
  row('unicorn', 'prefer-promise-with-resolvers', { twin: 'prefer-promise-with-resolvers', note: 'silent where `engines.node` admits Node before 22' }),
  row('unicorn', 'prefer-queue-microtask', {
    twin: 'prefer-queue-microtask',
    note: 'suggestions where unicorn fixes: the callback runs at another moment',
  }),
  row('unicorn', 'prefer-then-catch', { twin: 'prefer-catch', note: "eslint-plugin-promise's name for the same check" }),
  row('unicorn', 'prefer-top-level-await', {
    twin: 'prefer-top-level-await',
    note: 'only in files shown to be ES modules (`.mjs`/`.mts`, `import`/`export`, `"type": "module"`); chains only on values shown to be promises',
  }),

  // eslint-plugin-n
  row('n', 'callback-return', {
    twin: 'callback-return',
    note: 'a call after which nothing of its function runs (an `if`/`else` branch, `try`/`catch`, a `switch` case ending in `break`) is not reported',
  }),
  row('n', 'handle-callback-err', { twin: 'handle-callback-err', note: 'silent where `arguments` is read, on a destructured first parameter and on class methods' }),
  row('n', 'no-callback-literal', { twin: 'no-callback-literal', note: 'silent on callbacks the file declares with a value first (`cb: (found: boolean) => void`)' }),
  row('n', 'no-sync', {
    twin: 'no-sync-in-async',
    note: "reports only inside async functions, and only Node's own `…Sync` calls resolved through imports",
  }),
  row('n', 'prefer-promises/dns', { twin: 'prefer-promise-api', note: 'every catalogued Node callback API with a promise twin, not only `dns`' }),
  row('n', 'prefer-promises/fs', { twin: 'prefer-promise-api', note: 'every catalogued Node callback API with a promise twin, not only `fs`' }),
] as const satisfies readonly MigrationRow[];
