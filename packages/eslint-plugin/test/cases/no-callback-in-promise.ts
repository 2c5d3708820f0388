import rule from '../../src/rules/no-callback-in-promise';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-callback-in-promise.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
const load = 'declare function load(): Promise<string>;\n';

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      `${load}export function f(cb: (e: unknown, v?: string) => void) {\n  load().then((v) => console.log(v), (e) => console.error(e));\n  cb(null);\n}`,
      // not-known-promise: nothing shows `query` is a promise (a query builder's then).
      'declare const query: { then(f: () => void): void };\nexport function f(cb: () => void) {\n  query.then(() => cb());\n}',
      'declare const query: { then(f: unknown): void };\nexport function f(cb: () => void) {\n  query.then(cb);\n}',
      // called-later: a timer callback runs after the handler, outside the promise.
      `${load}export function f(cb: () => void) {\n  load().then(() => {\n    setTimeout(() => cb(), 0);\n  });\n}`,
      `${load}import { readFile } from "node:fs";\nexport function f(cb: (e: unknown) => void) {\n  load().then(() => {\n    readFile("a", (err) => cb(err));\n  });\n}`,
      // local-function: the handler's own `done`, not a callback handed in.
      `${load}export const p = load().then((v) => {\n  const done = (x: string) => x.length;\n  return done(v);\n});`,
      // exceptions
      { code: `${load}export function f(next: () => void) {\n  load().then(() => next());\n}`, options: [{ exceptions: ['next'] }] },
      // called-later: a function the handler hands to an event, run at a time the promise does not see.
      `${load}declare const emitter: { on(e: string, f: () => void): void };\nexport function f(done: () => void) {\n  load().then(() => {\n    function later() {\n      done();\n    }\n    emitter.on("x", later);\n  });\n}`,
      // A callback handed to a timer without `timeoutsErr`: the timer calls it after the handler.
      `${load}export function f(callback: () => void) {\n  return load().then(() => {\n    setTimeout(callback);\n  });\n}`,
      // Not inside a handler: passing `next` along is not calling back from a promise.
      'declare function call(f: unknown, it: unknown): { done: boolean };\nexport function f(next: () => void, iterator: unknown) {\n  while (!call(next, iterator).done) break;\n}',
      // A name that is no callback name.
      `${load}export function f(handle: () => void) {\n  load().then(() => handle());\n}`,
    ],
    invalid: [
      { code: `${load}export function f(cb: (v: string) => void) {\n  load().then(cb);\n}`, errors: [{ messageId: 'callback', line: 3, column: 15 }] },
      { code: `${load}export function f(cb: (e: unknown) => void) {\n  load().catch(cb);\n}`, errors: [{ messageId: 'callback', line: 3 }] },
      { code: `${load}export function f(callback: (e: unknown, v?: string) => void) {\n  load().then((v) => callback(null, v));\n}`, errors: [{ messageId: 'callback', line: 3, column: 22 }] },
      {
        code: 'export function f(done: (e: unknown) => void) {\n  fetch("/a").catch(function (err) {\n    done(err);\n  });\n}',
        errors: [{ messageId: 'callback', line: 3 }],
      },
      // A synchronous array callback between runs inside the handler.
      { code: `${load}export function f(next: (v: string) => void) {\n  load().then((v) => {\n    [v].forEach((x) => next(x));\n  });\n}`, errors: [{ messageId: 'callback', line: 4 }] },
      { code: `${load}export function f(cb: () => void) {\n  load().then(() => {\n    setTimeout(() => cb(), 0);\n  });\n}`, options: [{ timeoutsErr: true }], errors: [{ messageId: 'callback', line: 4 }] },
      // eslint-plugin-promise's #167: the timer calls the callback in the handler's stead.
      {
        code: 'export function wait(callback: () => void) {\n  return Promise.resolve().then(() => {\n    setTimeout(callback);\n  });\n}',
        options: [{ timeoutsErr: true }],
        errors: [{ messageId: 'callback', line: 3, column: 16 }],
      },
      {
        code: `${load}export function f(cb: () => void) {\n  load().then(() => process.nextTick(cb));\n}`,
        options: [{ timeoutsErr: true }],
        errors: [{ messageId: 'callback', line: 3, column: 38 }],
      },
      // eslint-plugin-promise's own example: called once from then(), and again from catch() when it throws.
      {
        code: 'export function f(callback: (e: unknown, v: string | null) => void) {\n  Promise.resolve()\n    .then(() => callback(null, "data"))\n    .catch((err: Error) => callback(err.message, null));\n}',
        errors: [
          { messageId: 'callback', line: 3 },
          { messageId: 'callback', line: 4 },
        ],
      },
      { code: 'async function load() {\n  return 1;\n}\nexport function f(cb: (e: unknown, v?: number) => void) {\n  load().then((v) => cb(null, v));\n}', errors: [{ messageId: 'callback' }] },
    ],
  },
  {
    host: 'typed',
    valid: [
      // A declared thenable that is not a built-in promise: the checker says so too.
      'declare const db: { query(sql: string): PromiseLike<string[]> };\nexport function f(cb: (rows: string[]) => void) {\n  db.query("select 1").then((rows) => cb(rows));\n}',
    ],
    invalid: [
      {
        // Only the checker knows what the Map holds.
        code: 'const pending = new Map<string, Promise<string>>();\nexport function f(done: (v: string) => void) {\n  pending.get("a")!.then((v) => done(v));\n}',
        errors: [{ messageId: 'callback', line: 3 }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export function f(cb) {\n  promise.then(() => cb());\n}'],
    invalid: [
      { code: 'export function f(cb) {\n  Promise.resolve(1).then((v) => cb(null, v));\n}', errors: [{ messageId: 'callback' }] },
      {
        code: 'export function f(cb) {\n  Promise.resolve(1).then(function (data) { cb(data) }, function (err) { cb(err) });\n}',
        errors: [
          { messageId: 'callback', column: 45 },
          { messageId: 'callback', column: 74 },
        ],
      },
    ],
  },
]);
