import rule from '../../src/rules/prefer-await-to-callbacks';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (prefer-await-to-callbacks.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export async function load(path: string): Promise<string> {\n  const { readFile } = await import("node:fs/promises");\n  return readFile(path, "utf8");\n}',
      // not-error-first: a visitor or a mapper named `callback`, never called with an error first.
      'export function each<T>(items: T[], callback: (item: T, index: number) => void) {\n  for (let i = 0; i < items.length; i++) callback(items[i] as T, i);\n}',
      'export function mapAll<T, U>(items: T[], cb: (item: T) => U): U[] {\n  return items.map(cb);\n}',
      'declare function callback(value: number): void;\ncallback(1);',
      // event-listener: an event fires many times, a promise settles once.
      'declare const socket: { addEventListener(e: "error", f: (error: Event) => void): void };\nsocket.addEventListener("error", (error) => console.error(error));',
      'declare const db: { on(e: string, f: (err: Error) => void): void };\ndb.on("error", (err) => console.error(err));',
      // promise-handler: promise code already.
      'declare function load(): Promise<void>;\nload().catch((err) => console.error(err));',
      'declare const p: { then(a: null, b: (error: unknown) => void): void };\np.then(null, (error) => console.error(error));',
      // array-callback
      'declare const errors: Error[];\nexport const known = errors.filter((err) => err.message.includes("known"));',
      'declare const _: { find<T>(a: T[], f: (x: T) => boolean): T | undefined };\ndeclare const errors: Error[];\nexport const first = _.find(errors, (error) => error.name === "TypeError");',
      // promisified: wrapping the callback API in a promise is the remedy itself.
      'import { stat, type Stats } from "node:fs";\nexport function size(path: string) {\n  return new Promise<number>((resolve, reject) => {\n    stat(path, (err: Error | null, stats: Stats) => {\n      if (err) reject(err);\n      else resolve(stats.size);\n    });\n  });\n}',
      'import { promisify } from "node:util";\ndeclare const connection: { end(cb: (err: Error | null) => void): void };\nexport const end = promisify((cb: (err: Error | null) => void) => connection.end(cb));',
      // stream-implementation: the callback is the stream's contract.
      'import { Transform, type TransformCallback } from "node:stream";\nexport class Upper extends Transform {\n  _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback) {\n    callback(null, chunk.toString().toUpperCase());\n  }\n}',
      // error-handler: an error it gets for sure, never tested for absence: no error-first callback.
      'declare const result: { onError(f: (err: Error) => void): void };\nresult.onError((err) => {\n  console.warn(err.message);\n});',
      'declare const schema: { transform<U>(f: (error: Error) => U): unknown };\nexport const wrapped = schema.transform((error) => [error]);',
      // not-a-function: an AST node called `callback`, handed to helpers.
      'declare function check(a: unknown, b: unknown): boolean;\nexport function visit(node: { type: string }, callback: { type: string }) {\n  return check(node, callback);\n}',
      'declare function describe(value: unknown): string;\nexport function label(cb: string | number) {\n  return describe(cb);\n}',
      // error-middleware: Express tells an error handler by its four parameters.
      'declare const app: { use(f: (err: Error, req: unknown, res: { status(n: number): void }, next: () => void) => void): void };\napp.use((err, req, res, next) => {\n  res.status(500);\n  console.error(err, req, next);\n});',
      // awaited
      'declare function thing(f: (err: unknown) => void): Promise<void>;\nexport async function hi() {\n  await thing((err) => console.log(err));\n}',
    ],
    invalid: [
      {
        code: 'import { readFile } from "node:fs";\nexport function load(path: string, callback: (err: Error | null, text?: string) => void) {\n  readFile(path, "utf8", callback);\n}',
        errors: [{ messageId: 'error', line: 2, column: 36 }],
      },
      // One report for the parameter, none for its calls.
      {
        code: 'export function parse(text: string, cb: (err: Error | null, value?: unknown) => void) {\n  try {\n    cb(null, JSON.parse(text));\n  } catch (error) {\n    cb(error as Error);\n  }\n}',
        errors: [{ messageId: 'error', line: 1, column: 37 }],
      },
      {
        code: 'export const fail = (cb: (err: Error) => void) => cb(new TypeError("no"));',
        errors: [{ messageId: 'error', line: 1, column: 22 }],
      },
      // An error made by a helper, in the error slot.
      {
        code: 'declare function formatError(message: string): Error;\nexport function check(value: unknown, callback: (err: Error | null) => void) {\n  if (typeof value !== "string") return callback(formatError("not a string"));\n  return callback(null);\n}',
        errors: [{ messageId: 'error', line: 2, column: 39 }],
      },
      // A callback parameter with a default: judged once, at the parameter.
      {
        code: 'export function send(data: string, callback: ((err: Error | null) => void) | null = null) {\n  if (!data) return callback?.(new Error("empty"));\n  callback?.(null);\n}',
        errors: [{ messageId: 'error', line: 1, column: 36 }],
      },
      // A callback call that is no function's callback parameter.
      { code: 'declare function callback(err: null, value: number): void;\ncallback(null, 1);', errors: [{ messageId: 'error', line: 2, column: 1 }] },
      // An error-first function handed to a call.
      {
        code: 'import { stat } from "node:fs";\nstat("a", (err, stats) => {\n  if (err) throw err;\n  console.log(stats.size);\n});',
        errors: [{ messageId: 'error', line: 2, column: 11 }],
      },
      // Handed on alone: `callbackify(f)(cb)`, `client.destroy(callback)`.
      { code: 'import { callbackify } from "node:util";\ndeclare const client: { close(): Promise<void> };\nexport function close(cb: (err: Error | null) => void) {\n  callbackify(() => client.close())(cb);\n}', errors: [{ messageId: 'error', line: 3, column: 23 }] },
      // One parameter, but tested for absence or forwarded to a callback: error-first.
      { code: 'import { writeFile } from "node:fs";\nwriteFile("a", "text", (err) => {\n  if (err) console.error(err);\n});', errors: [{ messageId: 'error', line: 2, column: 24 }] },
      { code: 'import assert from "node:assert";\ndeclare const mail: { build(f: (err: Error | null) => void): void };\nmail.build((err) => {\n  assert.ok(err);\n});', errors: [{ messageId: 'error', line: 3, column: 12 }] },
      { code: 'import { unlink } from "node:fs";\nexport function remove(path: string, done: (err: Error | null) => void) {\n  unlink(path, (err) => done(err));\n}', errors: [{ messageId: 'error', line: 3, column: 16 }] },
      { code: 'declare function heart(a: string, f: (error: unknown, beat?: number) => void): void;\nheart("ball", function (error, beat) {\n  console.log(error, beat);\n});', errors: [{ messageId: 'error', line: 2 }] },
    ],
  },
  {
    host: 'espree',
    valid: [
      'dbConn.on("error", err => { console.error(err) })',
      'errors.some(err => err.message.includes("Yo"))',
      'map(errors, function(error) { return error.type === "CoolError" })',
      'async function hi() { await thing().catch(err => console.log(err)) }',
      'thing().catch(err => console.log(err))',
      'function getData(id, callback) { return id }',
      // eslint-plugin-promise's invalid cases whose one `err` is never tested: error handlers or mappers as far as anything shows.
      'heart(err => {})',
      'customMap(errors, (err) => err.message)',
    ],
    invalid: [
      { code: 'heart(function(err) { if (err) throw err })', errors: [{ messageId: 'error' }] },
      { code: 'heart((err, beat) => {})', errors: [{ messageId: 'error' }] },
      { code: 'function getData(id, callback) { fetchRow(id, callback) }', errors: [{ messageId: 'error', column: 22 }] },
      { code: 'var x = function (x, cb) { cb(null, x) }', errors: [{ messageId: 'error', column: 22 }] },
      { code: 'callback(new Error("boom"))', errors: [{ messageId: 'error' }] },
    ],
  },
]);
