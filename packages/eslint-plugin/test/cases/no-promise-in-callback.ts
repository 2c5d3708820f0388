import rule from '../../src/rules/no-promise-in-callback';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-promise-in-callback.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
const api =
  'declare function load(): Promise<string>;\ndeclare function readConfig(path: string, cb: (err: Error | null, text?: string) => void): void;\n';

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // A callback without an error parameter.
      `${api}declare function go(f: (value: string) => void): void;\ngo((value) => {\n  load().then(() => console.log(value));\n});`,
      // returned: the callback's caller gets the chain (the peer's own "weird case"), also as an arrow's body.
      `${api}readConfig("a", (err) => {\n  return load().then(() => err);\n});`,
      `${api}export const check = (err: Error | null) => load().then(() => err);`,
      // returned from a function of its own inside the callback.
      `${api}readConfig("a", (err, text) => {\n  const later = () => load().then(() => text);\n  console.log(err, later);\n});`,
      // not-known-promise: nothing shows `query` is a promise (a query builder's then).
      `${api}declare const query: { then(f: () => void): void };\nreadConfig("a", (err) => {\n  if (!err) query.then(() => console.log("done"));\n});`,
      // inside-promise-context: a handler of a promise, and an async function, between the chain and the callback.
      `${api}load().catch((err) => {\n  void load().then(() => err);\n});`,
      `${api}readConfig("a", (err) => {\n  const run = async () => {\n    await load().then(() => err);\n  };\n  void run;\n});`,
      `${api}readConfig("a", async (err) => {\n  if (!err) await load().then((x) => x.length);\n});`,
      // event-listener: an error event, not an error-first callback.
      `${api}declare const socket: { on(e: "error", f: (error: Error) => void): void };\nsocket.on("error", (error) => {\n  void load().then(() => console.error(error));\n});`,
      // method: a method's `err` parameter is its class's contract, not a callback's error.
      'export class Outcome {\n  constructor(readonly value: Promise<unknown>) {}\n  static err(err: Error): Outcome {\n    const value = Promise.reject(err);\n    return new Outcome(value);\n  }\n}',
      'export const handlers = {\n  fail(error: Error) {\n    void Promise.resolve(error).then(console.error);\n  },\n};',
      // exemptDeclarations
      { code: `${api}function report(err: Error) {\n  void Promise.resolve(err).then(console.error);\n}\nreport(new Error("x"));`, options: [{ exemptDeclarations: true }] },
      // The peer's own valid case: a rejected promise handed back in an object, from a declaration.
      { code: 'export function fn(err: Error) {\n  return { promise: Promise.resolve(err) };\n}', options: [{ exemptDeclarations: true }] },
      // withResolvers makes no chain to mix in.
      `${api}readConfig("a", (err) => {\n  const { promise, resolve } = Promise.withResolvers<void>();\n  if (!err) resolve();\n  console.log(promise);\n});`,
    ],
    invalid: [
      { code: `${api}readConfig("a", (err, text) => {\n  if (err) console.error(err);\n  else load().then(console.log);\n});`, errors: [{ messageId: 'avoidPromiseInCallback', line: 5, column: 8 }] },
      // One report per chain, at its outermost call.
      {
        code: `${api}readConfig("a", function (error) {\n  load()\n    .then(() => error)\n    .catch(console.error);\n});`,
        errors: [{ messageId: 'avoidPromiseInCallback', line: 4, column: 3 }],
      },
      { code: `${api}function report(err: Error) {\n  void Promise.all([load()]).then(() => err);\n}\nreport(new Error("x"));`, errors: [{ messageId: 'avoidPromiseInCallback', line: 4 }] },
      // A synchronous function between still runs inside the callback.
      { code: `${api}readConfig("a", (err, text) => {\n  [text].forEach(() => {\n    Promise.resolve(err);\n  });\n});`, errors: [{ messageId: 'avoidPromiseInCallback', line: 5 }] },
      // inside-promise-context: the inner chain runs in a handler and is not reported; the outer one is.
      {
        code: `${api}readConfig("a", (err) => {\n  if (err) return;\n  load().then(() => {\n    void load().then(() => 1);\n  });\n});`,
        errors: [{ messageId: 'avoidPromiseInCallback', line: 5 }],
      },
      // An async function resolved through scope is shown to be a promise.
      { code: 'async function save() {\n  return 1;\n}\nexport function done(err: Error | null) {\n  if (!err) save().finally(() => console.log("saved"));\n}', errors: [{ messageId: 'avoidPromiseInCallback', line: 5 }] },
    ],
  },
  {
    host: 'typed',
    valid: [
      'declare const db: { query(sql: string): PromiseLike<string[]> };\nexport function done(err: Error | null) {\n  if (!err) db.query("select 1").then((rows) => console.log(rows));\n}',
    ],
    invalid: [
      {
        // Only the checker knows what the Map holds.
        code: 'const pending = new Map<string, Promise<string>>();\nexport function done(err: Error | null) {\n  if (!err) pending.get("a")!.then((v) => console.log(v));\n}',
        errors: [{ messageId: 'avoidPromiseInCallback', line: 3 }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['a(function (err) { doThing().then(a) })', 'a(function (err) { return Promise.resolve(err) })'],
    invalid: [
      { code: 'a(function (err) { Promise.resolve(err).then(a) })', errors: [{ messageId: 'avoidPromiseInCallback', column: 20 }] },
      { code: 'function x(err) { Promise.all([]) }', errors: [{ messageId: 'avoidPromiseInCallback' }] },
    ],
  },
]);
