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
      { code: 'async function load() {\n  return 1;\n}\nexport function f(cb: (e: unknown, v?: number) => void) {\n  load().then((v) => cb(null, v));\n}', errors: [{ messageId: 'callback' }] },
    ],
  },
  {
    host: 'espree',
    valid: ['export function f(cb) {\n  promise.then(() => cb());\n}'],
    invalid: [{ code: 'export function f(cb) {\n  Promise.resolve(1).then((v) => cb(null, v));\n}', errors: [{ messageId: 'callback' }] }],
  },
]);
