import rule from '../../src/rules/no-floating-promises';
import { defineRuleCases } from '../rule-tester';

interface Expect {
  /** The statement's expression text, as it occurs first in the code followed by `;`. */
  expression: string;
  /** Whether `await` can be written there (an async function, a module's top level). Default true. */
  awaitable?: boolean;
  /** Whether `.catch(…)` is offered (a floating promise, not an array or a useless handler). Default true. */
  catchable?: boolean;
  /** Whether the expression needs parentheses after `void`/`await`. */
  parens?: boolean;
  messageId?: 'floatingVoid' | 'floatingPromiseArrayVoid' | 'floatingUselessRejectionHandlerVoid';
}

/** An invalid case with the suggestions the rule offers for it, as outputs of `code`. */
function floating(code: string, expect: Expect, extra: { options?: never } = {}) {
  const { expression, awaitable = true, catchable = true, parens = false, messageId = 'floatingVoid' } = expect;
  const operand = parens ? `(${expression})` : expression;
  const at = (text: string) => code.replace(`${expression};`, `${text};`);
  const suggestions: { messageId: 'floatingFixVoid' | 'floatingFixAwait' | 'floatingFixCatch'; output: string }[] = [
    { messageId: 'floatingFixVoid', output: at(`void ${operand}`) },
  ];
  if (awaitable && messageId !== 'floatingPromiseArrayVoid') suggestions.push({ messageId: 'floatingFixAwait', output: at(`await ${operand}`) });
  if (catchable && messageId === 'floatingVoid') {
    suggestions.push({ messageId: 'floatingFixCatch', output: at(`${expression}.catch((error) => console.error(error))`) });
  }
  return { code, ...extra, errors: [{ messageId, suggestions }] };
}

const inAsync = 'async function save(): Promise<void> {}\nasync function run() {\n  save();\n}';
const inSync = 'async function save() {}\nfunction run() {\n  save();\n}';

// Run by ESLint's RuleTester (no-floating-promises.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // Awaited, returned, assigned, handled.
      'async function save() {}\nasync function run() {\n  await save();\n}',
      'async function save() {}\nfunction run() {\n  return save();\n}',
      'async function save() {}\nconst pending = save();',
      'async function save() {}\nlet p;\np = save();',
      'async function save() {}\nsave().catch((e) => console.error(e));',
      'async function save() {}\nsave().then(() => {}, (e) => console.error(e));',
      'async function save() {}\nsave().catch(report).finally(() => done());',
      // A handler the code does not show is not a function is trusted.
      'async function save() {}\nsave().catch(handlers.onError);',
      // void marks it deliberately ignored (ignoreVoid defaults to true).
      'async function save() {}\nvoid save();',
      // Member names prove nothing: zod's `.catch`, a query builder's `.then`.
      'schema.catch("");\nquery.then(render);',
      'z.string().catch("fallback");',
      // Calls the code does not show return promises.
      'load();\nclient.send(message);\nthis.refresh();',
      // A non-async function without a declared return type proves nothing.
      'function load() { return fetchSomething(); }\nload();',
      // A declared non-promise type.
      'function count(): number { return 1; }\ncount();',
      // An async generator's call is an iterator, not a promise.
      'async function* rows() {}\nrows();',
      // A parameter named like a promise-returning function elsewhere.
      'async function load() {}\nfunction run(load: () => void) {\n  load();\n}',
      // Test runners await what describe/it/test return.
      'import { describe, it } from "node:test";\ndescribe("x", async () => {\n  it("y", async () => {});\n});',
      'import test from "node:test";\ntest("x", async () => {});\ntest.skip("y", async () => {});',
      'const { describe } = require("node:test");\ndescribe("x", () => {});',
      // Thenables that are not promises, without checkThenables.
      'declare function job(): PromiseLike<void>;\njob();',
      // Directives are expression statements too.
      '"use strict";\n"use client";',
      // Known-safe calls by name and by package.
      {
        code: 'async function fireAndForget() {}\nfireAndForget();',
        options: [{ allowForKnownSafeCalls: ['fireAndForget'] }],
      },
      {
        code: 'import { track } from "analytics";\ndeclare module "analytics" { export function track(): Promise<void>; }\ntrack();',
        options: [{ allowForKnownSafeCalls: [{ from: 'package', name: 'track', package: 'analytics' }] }],
      },
      {
        code: 'type SafePromise<T> = Promise<T>;\ndeclare function sync(): SafePromise<void>;\nsync();',
        options: [{ allowForKnownSafePromises: [{ from: 'file', name: 'SafePromise' }] }],
      },
      // ignoreIIFE.
      { code: '(async () => {\n  await work();\n})();', options: [{ ignoreIIFE: true }] },
    ],
    invalid: [
      floating(inAsync, { expression: 'save()' }),
      // Outside an async function there is nothing to await in: no `await` suggestion.
      floating(inSync, { expression: 'save()', awaitable: false }),
      // Known promise APIs, declared types, objects and classes the file shows.
      floating('fetch("/ping");', { expression: 'fetch("/ping")' }),
      floating('import { writeFile } from "node:fs/promises";\nwriteFile("a", "b");', { expression: 'writeFile("a", "b")' }),
      floating('Promise.resolve(1);', { expression: 'Promise.resolve(1)' }),
      floating('new Promise((resolve) => setTimeout(resolve, 10));', {
        expression: 'new Promise((resolve) => setTimeout(resolve, 10))',
        catchable: false,
      }),
      floating('declare function load(): Promise<void>;\nload();', { expression: 'load()' }),
      floating('const api = { async save() {} };\napi.save();', { expression: 'api.save()' }),
      floating('class Store {\n  async save() {}\n  run() {\n    this.save();\n  }\n}', { expression: 'this.save()', awaitable: false }),
      floating('interface Api { save(): Promise<void> }\nfunction run(api: Api) {\n  api.save();\n}', { expression: 'api.save()', awaitable: false }),
      floating('const load = async () => {};\nload();', { expression: 'load()' }),
      floating('async function save() {}\nsave().then(() => {});', { expression: 'save().then(() => {})' }),
      floating('async function save() {}\nsave().finally(() => {});', { expression: 'save().finally(() => {})' }),
      floating('async function save() {}\nsave().catch();', { expression: 'save().catch()' }),
      // The branches of a conditional or logical expression; parenthesised after `void`/`await`, no `.catch`.
      floating('async function save() {}\ndeclare const ok: boolean;\nok ? save() : null;', { expression: 'ok ? save() : null', parens: true, catchable: false }),
      floating('async function save() {}\ndeclare const ok: boolean;\nok && save();', { expression: 'ok && save()', parens: true, catchable: false }),
      floating('async function a() {}\nasync function b() {}\n[a(), b()];', { expression: '[a(), b()]', messageId: 'floatingPromiseArrayVoid' }),
      floating('[1, 2].map(async (n) => n);', { expression: '[1, 2].map(async (n) => n)', messageId: 'floatingPromiseArrayVoid' }),
      floating('async function save() {}\nsave().catch(undefined);', { expression: 'save().catch(undefined)', messageId: 'floatingUselessRejectionHandlerVoid' }),
      floating('async function save() {}\nsave().then(() => {}, null);', { expression: 'save().then(() => {}, null)', messageId: 'floatingUselessRejectionHandlerVoid' }),
      // An async IIFE floats too, unless ignoreIIFE.
      floating('(async () => {\n  await work();\n})();', { expression: '(async () => {\n  await work();\n})()' }),
      // Options as typescript-eslint names them.
      {
        code: 'async function save() {}\nvoid save();',
        options: [{ ignoreVoid: false }],
        errors: [
          {
            messageId: 'floating',
            suggestions: [{ messageId: 'floatingFixAwait', output: 'async function save() {}\nawait save();' }],
          },
        ],
      },
      {
        ...floating('declare function job(): PromiseLike<void>;\njob();', { expression: 'job()' }),
        options: [{ checkThenables: true }],
      },
      // A promise made inside a test is not the runner's own call.
      floating('it("x", async (t) => {\n  fetch("/");\n});', { expression: 'fetch("/")' }),
    ],
  },
  {
    host: 'typed',
    valid: [
      // Types show these are not promises, though they look like calls of async-ish names.
      'declare const cache: { refresh(): void };\ncache.refresh();',
      'declare const schema: { catch(v: string): string };\nschema.catch("");',
      'declare function track(): Promise<void>;\nvoid track();',
      // node:test's describe returns a promise the runner awaits itself.
      'import { describe, it } from "node:test";\ndescribe("x", () => {\n  it("y", async () => {});\n});',
    ],
    invalid: [
      // Only types know `client.send` returns a promise.
      floating('declare const client: { send(m: string): Promise<void> };\nclient.send("x");', { expression: 'client.send("x")' }),
      floating('declare function load(): Promise<number> | undefined;\nload();', { expression: 'load()' }),
      // Only types show `splice` returns promises here.
      floating('declare const queue: Promise<void>[];\nqueue.splice(0, 1);', { expression: 'queue.splice(0, 1)', messageId: 'floatingPromiseArrayVoid' }),
      {
        ...floating('import { describe } from "node:test";\ndescribe("x", () => {});', { expression: 'describe("x", () => {})' }),
        options: [{ allowTestRunnerCalls: false }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['load();', 'async function save() {}\nvoid save();'],
    invalid: [
      floating('async function save() {}\nsave();', { expression: 'save()' }),
      floating('const api = { save: async () => {} };\napi.save();', { expression: 'api.save()' }),
    ],
  },
]);
