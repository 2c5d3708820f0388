import rule from '../../src/rules/no-misused-promises';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-misused-promises.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // Awaited in the test, or not a promise the code shows.
      'async function ready() { return true; }\nasync function run() {\n  if (await ready()) go();\n}',
      'if (isReady()) go();\nwhile (queue.next()) step();',
      'declare const maybe: Promise<void> | undefined;\nif (maybe) go();',
      // Optional members and parameters may be undefined: testing them is meaningful.
      'class Mutex {\n  #pending?: Promise<void>;\n  async lock() {\n    while (this.#pending) await this.#pending;\n  }\n}',
      // A field declared without an initialiser is undefined until assigned (lazy connection promises).
      'class Runner {\n  protected connecting: Promise<void>;\n  connect() {\n    if (this.connecting) return this.connecting;\n    return (this.connecting = open());\n  }\n}',
      'interface Options { ready?: Promise<void> }\nfunction start(options: Options) {\n  if (options.ready) go();\n}',
      'function start(ready?: Promise<void>) {\n  if (ready) go();\n}',
      'class Pool {\n  constructor(private ready?: Promise<void>) {}\n  run() {\n    return this.ready ? 1 : 2;\n  }\n}',
      // A callback whose declared type accepts a promise, or whose type the code does not show.
      'function each(fn: () => void | Promise<void>) {}\neach(async () => {});',
      'function each(fn: () => unknown) {}\neach(async () => {});',
      'register(async () => {});\nemitter.on("x", async () => {});\nel.addEventListener("click", async () => {});',
      // setTimeout's callback is `TimerHandler` (any function) in the DOM lib: nothing to report.
      'setTimeout(async () => {}, 10);',
      // The whole body is a try with a catch: only the catch can reject.
      'function each(fn: () => void) {}\neach(async () => {\n  try {\n    await work();\n  } catch (error) {\n    report(error);\n  }\n});',
      // A component's props are not shown; an intrinsic element's non-handler attribute is not a handler.
      { code: 'const a = <Button onClick={async () => {}} />;', filename: 'page.tsx' },
      { code: 'const a = <form action={async () => {}} />;', filename: 'page.tsx' },
      { code: 'const a = <button onClick={async () => {}} />;', filename: 'page.tsx', options: [{ allowedAttributes: ['onClick'] }] },
      // Predicates on receivers not shown to be arrays.
      'items.filter(async (x) => check(x));',
      // Spreading something not shown to be a promise.
      'const merged = { ...defaults, ...load() };',
      // Options turn checks off.
      { code: 'async function ready() { return true; }\nif (ready()) go();', options: [{ checksConditionals: false }] },
      { code: 'async function load() {}\nconst x = { ...load() };', options: [{ checksSpreads: false }] },
      { code: 'function each(fn: () => void) {}\neach(async () => {});', options: [{ checksVoidReturn: { arguments: false } }] },
      { code: 'function each(fn: () => void) {}\neach(async () => {});', options: [{ checksVoidReturn: false }] },
      {
        code: 'function each(fn: () => void) {}\neach(async () => {\n  try {\n    await work();\n  } catch {}\n});\n',
        options: [{ allowTryCatchCallbacks: true }],
      },
    ],
    invalid: [
      { code: 'async function ready() { return true; }\nif (ready()) go();', errors: [{ messageId: 'conditional' }] },
      { code: 'const pending = fetch("/");\nwhile (pending) step();', errors: [{ messageId: 'conditional' }] },
      { code: 'class Mutex {\n  #pending: Promise<void> = Promise.resolve();\n  check() {\n    if (this.#pending) go();\n  }\n}', errors: [{ messageId: 'conditional' }] },
      { code: 'async function ready() { return true; }\nconst label = ready() ? "yes" : "no";', errors: [{ messageId: 'conditional' }] },
      { code: 'async function ready() { return true; }\nif (!ready()) stop();', errors: [{ messageId: 'conditional' }] },
      { code: 'async function ready() { return true; }\nready() && go();', errors: [{ messageId: 'conditional' }] },
      { code: 'declare const maybe: Promise<void> | undefined;\nif (maybe) go();', options: [{ checksConditionals: { flagUnions: 'all' } }], errors: [{ messageId: 'conditional' }] },
      { code: '[1, 2, 3].filter(async (n) => n > 1);', errors: [{ messageId: 'predicate' }] },
      { code: 'declare const ids: string[];\nids.some(async (id) => id);', errors: [{ messageId: 'predicate' }] },
      { code: 'async function load() { return {}; }\nconst x = { ...load() };', errors: [{ messageId: 'spread' }] },
      // Arguments where the declared parameter type returns void.
      { code: 'function each(fn: () => void) {}\neach(async () => {});', errors: [{ messageId: 'voidReturnArgument' }] },
      { code: 'type Listener = (event: string) => void;\nfunction on(name: string, listener: Listener) {}\non("x", async () => {});', errors: [{ messageId: 'voidReturnArgument' }] },
      { code: 'interface Bus { on(name: string, fn: () => void): void }\nfunction wire(bus: Bus) {\n  bus.on("x", async () => {});\n}', errors: [{ messageId: 'voidReturnArgument' }] },
      { code: 'async function handler() {}\nfunction each(fn: () => void) {}\neach(handler);', errors: [{ messageId: 'voidReturnArgument' }] },
      { code: 'process.on("SIGTERM", async () => {\n  await close();\n});', errors: [{ messageId: 'voidReturnArgument' }] },
      { code: 'queueMicrotask(async () => {});', errors: [{ messageId: 'voidReturnArgument' }] },
      { code: 'window.addEventListener("load", async () => {});', errors: [{ messageId: 'voidReturnArgument' }] },
      {
        code: 'function each(fn: () => void) {}\neach(async () => {\n  try {\n    await work();\n  } catch {}\n});',
        options: [{ allowTryCatchCallbacks: false }],
        errors: [{ messageId: 'voidReturnArgument' }],
      },
      // DOM event handlers of intrinsic elements return void in every JSX runtime's types.
      { code: 'const a = <button onClick={async () => {}} />;', filename: 'page.tsx', errors: [{ messageId: 'voidReturnAttribute' }] },
      // Properties, variables, returns and assignments declared as void-returning functions.
      { code: 'interface Hooks { onExit: () => void }\nconst hooks: Hooks = { onExit: async () => {} };', errors: [{ messageId: 'voidReturnProperty' }] },
      { code: 'interface Hooks { onExit(): void }\nconst hooks: Hooks = { async onExit() {} };', errors: [{ messageId: 'voidReturnProperty' }] },
      { code: 'const done: () => void = async () => {};', errors: [{ messageId: 'voidReturnVariable' }] },
      { code: 'declare const hooks: { onExit: () => void };\nhooks.onExit = async () => {};', errors: [{ messageId: 'voidReturnVariable' }] },
      { code: 'function make(): () => void {\n  return async () => {};\n}', errors: [{ messageId: 'voidReturnReturnValue' }] },
      // Inherited methods.
      {
        code: 'interface Job { run(): void }\nclass Sync implements Job {\n  async run() {}\n}',
        errors: [{ messageId: 'voidReturnInheritedMethod', data: { heritageTypeName: 'Job' } }],
      },
      {
        code: 'class Base { stop(): void {} }\nclass Server extends Base {\n  async stop() {}\n}',
        errors: [{ messageId: 'voidReturnInheritedMethod', data: { heritageTypeName: 'Base' } }],
      },
    ],
  },
  {
    host: 'typed',
    valid: [
      'declare const ready: () => boolean;\nif (ready()) go();',
      'declare function each(fn: () => Promise<void>): void;\neach(async () => {});',
      // One overload takes an async function: typescript-eslint reads every overload (mocha's it/describe).
      'declare function it(name: string, fn: () => void): void;\ndeclare function it(name: string, fn: () => Promise<void>): void;\nit("x", async () => {});',
    ],
    invalid: [
      // Only types show `check` returns a promise and `each` wants void.
      {
        code: 'declare const api: { check(): Promise<boolean>; each(fn: () => void): void };\nif (api.check()) go();\napi.each(async () => {});',
        errors: [{ messageId: 'conditional' }, { messageId: 'voidReturnArgument' }],
      },
      { code: 'declare function later(fn: () => void, ...rest: Array<() => void>): void;\nlater(() => {}, async () => {});', errors: [{ messageId: 'voidReturnArgument' }] },
      { code: 'declare const work: () => Promise<void>;\nnew Promise<void>(async (resolve) => {\n  await work();\n  resolve();\n});', errors: [{ messageId: 'voidReturnArgument' }] },
    ],
  },
  {
    host: 'espree',
    valid: ['if (ready()) go();'],
    invalid: [
      { code: 'async function ready() { return true; }\nif (ready()) go();', errors: [{ messageId: 'conditional' }] },
      { code: 'process.on("exit", async () => {});', errors: [{ messageId: 'voidReturnArgument' }] },
    ],
  },
]);
