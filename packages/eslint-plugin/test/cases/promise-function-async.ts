import rule, { type Options } from '../../src/rules/promise-function-async';
import { defineRuleCases } from '../rule-tester';

/** An invalid case: one report, whose suggestion (if any) gives `output`. */
function missing(code: string, output: string | null, extra: { hybrid?: boolean; options?: Options; line?: number; column?: number } = {}) {
  return {
    code,
    ...(extra.options ? { options: extra.options } : {}),
    errors: [
      {
        messageId: extra.hybrid ? ('missingAsyncHybridReturn' as const) : ('missingAsync' as const),
        ...(extra.line === undefined ? {} : { line: extra.line }),
        ...(extra.column === undefined ? {} : { column: extra.column }),
        suggestions: output === null ? [] : [{ messageId: 'addAsync' as const, output }],
      },
    ],
  };
}

// Run by ESLint's RuleTester (promise-function-async.test.ts) and linted as files by ESLint and oxlint
// alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export async function load(): Promise<number> {\n  return 1;\n}',
      // Nothing shows what these return: an unknown call, a parameter.
      'import { db } from "./db";\nexport function read() {\n  return db.read();\n}',
      'export function call(run: () => unknown) {\n  return run();\n}',
      // Not a promise: a declared value type, a PromiseLike (typescript-eslint counts only `Promise`), a maybe-promise.
      'export function count(): number {\n  return 1;\n}',
      'export function later(): PromiseLike<number> {\n  return Promise.resolve(1);\n}',
      'export function maybe(cached: boolean): Promise<number> | undefined {\n  return cached ? undefined : Promise.resolve(1);\n}',
      // A body that can fall off its end, or returns nothing sometimes: TypeScript infers more than the code shows.
      'export function f(ok: boolean) {\n  if (ok) return fetch("/a");\n}',
      'export function f(ok: boolean) {\n  if (!ok) return;\n  return fetch("/a");\n}',
      // Getters, setters, constructors, generators cannot be async.
      'export class Store {\n  get ready(): Promise<void> {\n    return Promise.resolve();\n  }\n  *items(): Generator<number> {\n    yield 1;\n  }\n}',
      'export abstract class Base {\n  abstract load(): Promise<void>;\n}',
      // Options turn whole kinds of functions off.
      { code: 'export const f = (): Promise<void> => Promise.resolve();', options: [{ checkArrowFunctions: false }] },
      { code: 'export function f(): Promise<void> {\n  return Promise.resolve();\n}', options: [{ checkFunctionDeclarations: false }] },
      { code: 'export class A {\n  load(): Promise<void> {\n    return Promise.resolve();\n  }\n}', options: [{ checkMethodDeclarations: false }] },
      { code: 'export const f = function (): Promise<void> {\n  return Promise.resolve();\n};', options: [{ checkFunctionExpressions: false }] },
      // A local type named Promise is not the built-in one.
      'type Promise<T> = { value: T };\nexport function f(): Promise<number> {\n  return { value: 1 };\n}',
    ],
    invalid: [
      missing(
        'export function load(): Promise<number> {\n  return Promise.resolve(1);\n}',
        'export async function load(): Promise<number> {\n  return Promise.resolve(1);\n}',
        { line: 1, column: 8 },
      ),
      // No declared type: every return is a promise the code shows.
      missing(
        'export function ping(url: string) {\n  return fetch(url);\n}',
        'export async function ping(url: string) {\n  return fetch(url);\n}',
      ),
      missing('export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));', 'export const wait = async (ms: number) => new Promise((r) => setTimeout(r, ms));'),
      // A union of a promise and a value: typescript-eslint's "hybrid" message.
      missing(
        'export function read(cached: number | null) {\n  if (cached !== null) return 1;\n  return fetch("/n");\n}',
        'export async function read(cached: number | null) {\n  if (cached !== null) return 1;\n  return fetch("/n");\n}',
        { hybrid: true },
      ),
      // Methods: `async` goes after decorators and modifiers, before the key.
      missing(
        'export class Api {\n  static load(): Promise<void> {\n    return Promise.resolve();\n  }\n}',
        'export class Api {\n  static async load(): Promise<void> {\n    return Promise.resolve();\n  }\n}',
      ),
      missing(
        'const key = "load";\nexport class Api {\n  [key](): Promise<void> {\n    return Promise.resolve();\n  }\n}',
        'const key = "load";\nexport class Api {\n  async [key](): Promise<void> {\n    return Promise.resolve();\n  }\n}',
      ),
      missing(
        'export const api = {\n  load(): Promise<void> {\n    return Promise.resolve();\n  },\n};',
        'export const api = {\n  async load(): Promise<void> {\n    return Promise.resolve();\n  },\n};',
      ),
      // A type alias of Promise, and an extra promise name.
      missing(
        'type Later<T> = Promise<T>;\nexport function f(): Later<number> {\n  return Promise.resolve(1);\n}',
        'type Later<T> = Promise<T>;\nexport async function f(): Later<number> {\n  return Promise.resolve(1);\n}',
      ),
      missing(
        'declare class Deferred<T> {}\nexport function f(): Deferred<number> {\n  return new Deferred();\n}',
        'declare class Deferred<T> {}\nexport async function f(): Deferred<number> {\n  return new Deferred();\n}',
        { options: [{ allowedPromiseNames: ['Deferred'] }] },
      ),
      // `return(x)` keeps a space between `return` and the added `async`.
      missing(
        'export function f() {\n  return(ms: number): Promise<void> => Promise.resolve();\n}',
        'export function f() {\n  return async (ms: number): Promise<void> => Promise.resolve();\n}',
      ),
    ],
  },
  {
    host: 'typed',
    valid: [
      // `any` is accepted by default.
      'export function f(x: any) {\n  return x;\n}',
      'export function f(): number {\n  return 1;\n}',
    ],
    invalid: [
      // Only types show what `get()` returns.
      missing(
        'declare function get(): Promise<string>;\nexport function f() {\n  return get();\n}',
        'declare function get(): Promise<string>;\nexport async function f() {\n  return get();\n}',
      ),
      // `allowAny: false` reports an `any` return, without a suggestion (as typescript-eslint, without a fix).
      missing('export function f(x: any) {\n  return x;\n}', null, { options: [{ allowAny: false }] }),
    ],
  },
  {
    host: 'espree',
    valid: ['function read(db) {\n  return db.read();\n}', 'async function ping(url) {\n  return fetch(url);\n}'],
    invalid: [missing('function ping(url) {\n  return fetch(url);\n}', 'async function ping(url) {\n  return fetch(url);\n}')],
  },
]);
