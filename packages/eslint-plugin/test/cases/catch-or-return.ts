import rule from '../../src/rules/catch-or-return';
import { defineRuleCases } from '../rule-tester';

const error = (line = 1, terminationMethod = 'catch') => ({ messageId: 'terminationMethod' as const, line, data: { terminationMethod } });

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // Ended by catch(), returned, awaited or kept.
      "fetch('/ping').then((response) => response.status).catch(() => 0);",
      "export function ping() {\n  return fetch('/ping').then((response) => response.status);\n}",
      "export async function ping() {\n  await fetch('/ping').then((response) => response.status);\n}",
      "export const status = fetch('/ping').then((response) => response.status);",
      "Promise.resolve(1)['catch']((error) => console.error(error));",
      // chain-terminated: a `then(f, g)` with allowThen, a `then(null, g)` with allowThenStrict, a `finally` after catch with allowFinally.
      { code: "fetch('/ping').then((r) => r.status, () => 0);", options: [{ allowThen: true }] },
      { code: "fetch('/ping').then(null, () => 0);", options: [{ allowThenStrict: true }] },
      { code: "fetch('/ping').then((r) => r.ok).catch(() => false).finally(() => console.log('done'));", options: [{ allowFinally: true }] },
      { code: "fetch('/ping').then((r) => r.ok).done();", options: [{ terminationMethod: ['catch', 'done'] }] },
      // not-known-promise: nothing shows these are promises (eslint-plugin-promise reports all three).
      "cy.get('button').then(($button) => $button.click());",
      'export function load(db) {\n  db.query("select 1").then((rows) => console.log(rows));\n}',
      "import { z } from 'zod';\nz.string().catch('x').finally;",
      // Promise.withResolvers() is an object, not a promise.
      'Promise.withResolvers();',
      // A shadowed `Promise` is not the built-in one.
      'import Promise from "bluebird";\nPromise.resolve(1).then((n) => n + 1);',
      // Not a chain: no-floating-promises' business.
      "fetch('/ping');",
      // Marked as intentionally ignored.
      "void fetch('/ping').then((response) => response.status);",
    ],
    invalid: [
      { code: "fetch('/ping').then((response) => console.log(response.status));", errors: [{ ...error(), column: 1, endColumn: 65 }] },
      { code: 'Promise.all([fetch("/a"), fetch("/b")]);', errors: [error()] },
      { code: 'Promise.reject(new Error("boom")).finally(() => {});', errors: [error()] },
      {
        code: "export async function load() {\n  return 1;\n}\nexport function start() {\n  load().then((n) => console.log(n));\n}",
        errors: [error(5)],
      },
      {
        // Declared to return a promise: the declaration index shows it.
        code: 'declare function save(): Promise<void>;\nsave().then(() => console.log("saved"));',
        errors: [error(2)],
      },
      // then(f, g) is not an ending without allowThen; then(f, g) is not then(null, g) under allowThenStrict.
      { code: "fetch('/ping').then((r) => r.status, () => 0);", errors: [error()] },
      { code: "fetch('/ping').then((r) => r.status, () => 0);", options: [{ allowThen: true, allowThenStrict: true }], errors: [error()] },
      // A finally after catch needs allowFinally.
      { code: "fetch('/ping').catch(() => null).finally(() => console.log('done'));", errors: [error()] },
      // With another termination method, catch() alone no longer ends a chain (eslint-plugin-promise's behaviour).
      { code: "fetch('/ping').catch(() => null);", options: [{ terminationMethod: 'done' }], errors: [error(1, 'done')] },
      { code: "fetch('/ping').then((r) => r.ok);", options: [{ terminationMethod: ['catch', 'done'] }], errors: [error(1, 'catch() or done')] },
      { code: "fetch('/ping')?.then((r) => r.ok);", errors: [error()] },
    ],
  },
  {
    host: 'typed',
    valid: [
      // A declared thenable that is not a built-in promise may have no catch() to end it with.
      'declare const db: { query(sql: string): PromiseLike<string[]> };\ndb.query("select 1").then((rows) => console.log(rows));',
      'declare const db: { query(sql: string): { then(f: (rows: string[]) => void): void } };\ndb.query("select 1").then((rows) => console.log(rows));',
    ],
    invalid: [
      {
        // Only the checker knows what the Map holds.
        code: 'const pending = new Map<string, Promise<string>>();\npending.get("a")!.then((value) => console.log(value));',
        errors: [error(2)],
      },
    ],
  },
  {
    host: 'espree',
    valid: ["fetch('/ping').then((r) => r.ok).catch(() => false);"],
    invalid: [{ code: "fetch('/ping').then((r) => r.ok);", errors: [error()] }],
  },
]);
