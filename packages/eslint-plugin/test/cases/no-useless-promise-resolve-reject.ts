import rule from '../../src/rules/no-useless-promise-resolve-reject';
import { defineRuleCases } from '../rule-tester';

const unwrap = (output: string) => [{ messageId: 'unwrap' as const, output }];

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export async function load(url: string) {\n  const r = await fetch(url);\n  return r.json();\n}',
      // Outside async functions and handlers, Promise.resolve is how a function returns a promise.
      'export function cached(value: number) {\n  return Promise.resolve(value);\n}',
      'export const cached = (value: number) => Promise.reject(new Error(String(value)));',
      // A plain function nested in an async one is not the async function.
      'export async function outer() {\n  return function inner() {\n    return Promise.resolve(1);\n  };\n}',
      // A plain generator hands the promise itself to its reader.
      'export function* values() {\n  yield Promise.resolve(1);\n}',
      // `yield*` delegates to what it is given.
      'export async function* values(other: AsyncIterable<number>) {\n  yield* other;\n}',
      // Used as a value, not handed back.
      'export async function race(p: Promise<number>) {\n  return Promise.race([p, Promise.resolve(0)]);\n}',
      'export async function wait() {\n  const ready = Promise.resolve();\n  return ready;\n}',
      // allowReject
      { code: 'export async function fail() {\n  return Promise.reject(new Error("no"));\n}', options: [{ allowReject: true }] },
      // not-known-promise: a handler of a chain nothing shows is a promise (unicorn reports it).
      'export function rows(db) {\n  return db.query("select 1").then((rows) => Promise.resolve(rows));\n}',
      // A local `Promise` is not the built-in one.
      'import Promise from "bluebird";\nexport async function load() {\n  return Promise.resolve(1);\n}',
      // Optional calls are left alone, as unicorn does.
      'export async function load() {\n  return Promise.resolve?.(1);\n}',
    ],
    invalid: [
      {
        code: 'export async function load(n: number) {\n  return Promise.resolve(n + 1);\n}',
        errors: [{ messageId: 'resolve', data: { type: 'return' }, line: 2, column: 10, suggestions: unwrap('export async function load(n: number) {\n  return n + 1;\n}') }],
      },
      {
        code: 'export async function fail() {\n  return Promise.reject(new Error("no"));\n}',
        errors: [{ messageId: 'reject', line: 2, suggestions: unwrap('export async function fail() {\n  throw new Error("no");\n}') }],
      },
      {
        code: 'export const fail = async () => Promise.reject(new Error("no"));',
        errors: [{ messageId: 'reject', suggestions: unwrap('export const fail = async () => { throw new Error("no"); };') }],
      },
      {
        code: 'export const empty = async () => Promise.resolve();',
        errors: [{ messageId: 'resolve', suggestions: unwrap('export const empty = async () => {};') }],
      },
      {
        // Parentheses around the body: `({})` would be an object, so they go with the call.
        code: 'export const empty = async () => (Promise.resolve());',
        errors: [{ messageId: 'resolve', suggestions: unwrap('export const empty = async () => {};') }],
      },
      {
        code: 'export const make = async () => Promise.resolve({ ok: true });',
        errors: [{ messageId: 'resolve', suggestions: unwrap('export const make = async () => ({ ok: true });') }],
      },
      {
        code: 'export const pair = async (a: number, b: number) => Promise.resolve((a, b));',
        errors: [{ messageId: 'resolve', suggestions: unwrap('export const pair = async (a: number, b: number) => (a, b);') }],
      },
      {
        code: 'export async function nothing() {\n  return Promise.resolve();\n}',
        errors: [{ messageId: 'resolve', suggestions: unwrap('export async function nothing() {\n  return;\n}') }],
      },
      {
        // Awaited anyway: `await Promise.resolve(x)` and `await x` resolve step for step alike, so it is a fix.
        code: 'export async function load(n: number) {\n  return await Promise.resolve(n + 1);\n}',
        output: 'export async function load(n: number) {\n  return await (n + 1);\n}',
        errors: [{ messageId: 'resolve', line: 2, column: 16 }],
      },
      {
        code: 'export async function load(p: Promise<number>) {\n  return await Promise.resolve(p);\n}',
        output: 'export async function load(p: Promise<number>) {\n  return await p;\n}',
        errors: [{ messageId: 'resolve' }],
      },
      {
        // An async generator awaits what it yields and returns: a fix.
        code: 'export async function* values(n: number) {\n  yield Promise.resolve(n);\n  return Promise.resolve(n + 1);\n}',
        output: 'export async function* values(n: number) {\n  yield n;\n  return n + 1;\n}',
        errors: [
          { messageId: 'resolve', data: { type: 'yield' }, line: 2 },
          { messageId: 'resolve', data: { type: 'return' }, line: 3 },
        ],
      },
      {
        code: 'export async function* values(e: Error) {\n  yield Promise.reject(e);\n}',
        errors: [{ messageId: 'reject', data: { type: 'yield' }, suggestions: unwrap('export async function* values(e: Error) {\n  throw e;\n}') }],
      },
      {
        // A yielded rejection inside an expression has no statement to become: reported, no rewrite.
        code: 'export async function* values(e: Error) {\n  const sent = yield Promise.reject(e);\n  return sent;\n}',
        errors: [{ messageId: 'reject', data: { type: 'yield' } }],
      },
      {
        // Inside `try` a `throw` would be caught by the `catch`; the returned rejection is not.
        code: 'export async function fail(log: (e: unknown) => void) {\n  try {\n    return Promise.reject(new Error("no"));\n  } catch (e) {\n    log(e);\n  }\n}',
        errors: [{ messageId: 'reject', line: 3 }],
      },
      {
        code: 'export async function load(log: (e: unknown) => void) {\n  try {\n    return Promise.resolve(1);\n  } catch (e) {\n    log(e);\n  }\n}',
        errors: [{ messageId: 'resolve', suggestions: unwrap('export async function load(log: (e: unknown) => void) {\n  try {\n    return 1;\n  } catch (e) {\n    log(e);\n  }\n}') }],
      },
      {
        code: 'export const p = fetch("/a").then((r) => Promise.resolve(r.status));',
        errors: [{ messageId: 'resolve', column: 42, suggestions: unwrap('export const p = fetch("/a").then((r) => r.status);') }],
      },
      {
        code: 'export const p = fetch("/a").catch((error) => Promise.reject(new Error("fetch failed", { cause: error })));',
        errors: [{ messageId: 'reject', suggestions: unwrap('export const p = fetch("/a").catch((error) => { throw new Error("fetch failed", { cause: error }); });') }],
      },
      {
        code: 'export const p = fetch("/a").then(function (r) {\n  return Promise.resolve(r.ok);\n}.bind(this));',
        errors: [{ messageId: 'resolve', suggestions: unwrap('export const p = fetch("/a").then(function (r) {\n  return r.ok;\n}.bind(this));') }],
      },
      {
        // An async handler of an unknown chain is still an async function.
        code: 'export function rows(db) {\n  return db.query("select 1").then(async (rows) => Promise.resolve(rows));\n}',
        errors: [{ messageId: 'resolve', suggestions: unwrap('export function rows(db) {\n  return db.query("select 1").then(async (rows) => rows);\n}') }],
      },
      {
        // No rewrite: several arguments, a spread, type arguments, or a comment the rewrite would drop.
        code: 'export async function a(x: number) {\n  return Promise.resolve(x, 1);\n}\nexport async function b(xs: [number]) {\n  return Promise.resolve(...xs);\n}\nexport async function c() {\n  return Promise.resolve<number | null>(null);\n}\nexport async function d(x: number) {\n  return /* why */ Promise.resolve(x);\n}',
        errors: [{ messageId: 'resolve' }, { messageId: 'resolve' }, { messageId: 'resolve' }, { messageId: 'resolve' }],
      },
      {
        // A comment inside the value travels with it.
        code: 'export async function load(x: number) {\n  return Promise.resolve(x /* doubled */ * 2);\n}',
        errors: [{ messageId: 'resolve', suggestions: unwrap('export async function load(x: number) {\n  return x /* doubled */ * 2;\n}') }],
      },
      {
        code: 'export async function fail() {\n  return Promise.reject();\n}',
        errors: [{ messageId: 'reject', suggestions: unwrap('export async function fail() {\n  throw undefined;\n}') }],
      },
      {
        code: 'export async function fail(e: Error) {\n  return await Promise.reject(e);\n}',
        errors: [{ messageId: 'reject', suggestions: unwrap('export async function fail(e: Error) {\n  throw e;\n}') }],
      },
      {
        code: 'export class Store {\n  async get(key: string) {\n    return Promise.resolve(key);\n  }\n}',
        errors: [{ messageId: 'resolve', suggestions: unwrap('export class Store {\n  async get(key: string) {\n    return key;\n  }\n}') }],
      },
    ],
  },
  {
    host: 'typed',
    valid: ['declare const q: PromiseLike<number>;\nexport const p = q.then((n) => Promise.resolve(n));'],
    invalid: [
      {
        code: 'const pending = new Map<string, Promise<string>>();\nexport const p = pending.get("a")!.then((v) => Promise.resolve(v.length));',
        errors: [{ messageId: 'resolve', line: 2, suggestions: unwrap('const pending = new Map<string, Promise<string>>();\nexport const p = pending.get("a")!.then((v) => v.length);') }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export function cached(value) {\n  return Promise.resolve(value);\n}'],
    invalid: [
      {
        code: 'export async function* values(n) {\n  yield Promise.resolve(n);\n}',
        output: 'export async function* values(n) {\n  yield n;\n}',
        errors: [{ messageId: 'resolve' }],
      },
    ],
  },
]);
