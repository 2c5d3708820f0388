import rule from '../../src/rules/await-thenable';
import { defineRuleCases } from '../rule-tester';

/** An invalid case: one `await` reported, whose suggestion (if any) gives `output`. */
function awaited(code: string, output: string | null, at: { line?: number; column?: number } = {}) {
  return {
    code,
    errors: [{ messageId: 'await' as const, ...at, suggestions: output === null ? [] : [{ messageId: 'removeAwait' as const, output }] }],
  };
}

// Run by ESLint's RuleTester (await-thenable.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export async function load() {\n  await fetch("/ping");\n}',
      // Nothing shows what these are: a parameter, an unknown call, a member of an import.
      'export async function run(task: () => unknown, job: unknown) {\n  await task();\n  await job;\n}',
      'import { client } from "./client";\nexport async function load() {\n  return await client.get();\n}',
      'function read() {\n  return fetch("/x");\n}\nexport async function load() {\n  await read();\n}',
      // An object literal with a `then` member, or a spread that may bring one in, may be a thenable.
      'export async function f(more: object) {\n  await { then(resolve: (v: number) => void) { resolve(1); } };\n  await { ...more };\n}',
      // A union with a promise in it, and an async function's result.
      'export async function f(value: number | Promise<number>) {\n  await value;\n}',
      'async function g() {\n  return 1;\n}\nexport async function f() {\n  await g();\n}',
      // A variable reassigned later is not its first value.
      'export async function f() {\n  let x = 1;\n  x = load();\n  await x;\n}',
    ],
    invalid: [
      awaited('export async function f() {\n  await 1;\n}', 'export async function f() {\n  1;\n}', { line: 2, column: 3 }),
      // A function awaited without being called.
      awaited(
        'function sleep(ms: number) {\n  return new Promise((r) => setTimeout(r, ms));\n}\nexport async function f() {\n  await sleep;\n}',
        'function sleep(ms: number) {\n  return new Promise((r) => setTimeout(r, ms));\n}\nexport async function f() {\n  sleep;\n}',
      ),
      // A declared non-promise return type, in the file or on a class.
      awaited('function count(): number {\n  return 1;\n}\nexport async function f() {\n  return await count();\n}', 'function count(): number {\n  return 1;\n}\nexport async function f() {\n  return count();\n}'),
      awaited('class Cache {\n  get(key: string): string {\n    return key;\n  }\n  async load() {\n    const v = await this.get("a");\n    return v;\n  }\n}', 'class Cache {\n  get(key: string): string {\n    return key;\n  }\n  async load() {\n    const v = this.get("a");\n    return v;\n  }\n}'),
      awaited('export async function f(n: number) {\n  const x = (await n) + 1;\n  return x;\n}', 'export async function f(n: number) {\n  const x = (n) + 1;\n  return x;\n}'),
      // The result of an await is never a thenable.
      awaited('export async function f() {\n  return await await fetch("/x");\n}', 'export async function f() {\n  return await fetch("/x");\n}', { column: 10 }),
      // Comments stay; a space that keeps tokens apart stays.
      awaited('export async function f() {\n  return await /* why */ [1, 2];\n}', 'export async function f() {\n  return /* why */ [1, 2];\n}'),
      awaited('export async function f(a: number, b: number) {\n  return a+await +b;\n}', 'export async function f(a: number, b: number) {\n  return a+ +b;\n}'),
      // No suggestion where removing `await` would let the lines run together.
      awaited('export async function f() {\n  return await\n    "x";\n}', null),
      awaited('export async function f(a: unknown) {\n  log(a)\n  await [a]\n}\ndeclare function log(a: unknown): void;', null, { line: 3 }),
      // Nor where an arrow function's body would start with `{` and read as a block.
      awaited('export const f = async () => await { ok: true };', null),
    ],
  },
  {
    host: 'typed',
    valid: [
      'declare const client: { get(): Promise<string> };\nexport async function load() {\n  await client.get();\n}',
      'declare const thenable: { then(f: (v: number) => void): void };\nexport async function load() {\n  await thenable;\n}',
      // any and unknown say nothing; a type parameter may be a promise.
      'export async function f(a: any, b: unknown) {\n  await a;\n  await b;\n}',
      'export async function f<T>(value: T) {\n  await value;\n}',
    ],
    invalid: [
      // Only types show what `read()` returns.
      awaited('function read() {\n  return "x";\n}\nexport async function load() {\n  await read();\n}', 'function read() {\n  return "x";\n}\nexport async function load() {\n  read();\n}'),
      awaited('declare const size: number;\nexport async function load() {\n  return await size;\n}', 'declare const size: number;\nexport async function load() {\n  return size;\n}'),
      // A vague type falls back to what the code shows: here, the value 5.
      awaited('export async function f() {\n  const x: any = 5;\n  await x;\n}', 'export async function f() {\n  const x: any = 5;\n  x;\n}'),
    ],
  },
  {
    host: 'espree',
    valid: ['async function load() {\n  await fetch("/ping");\n}', 'async function load(db) {\n  return await db.query("x");\n}'],
    invalid: [awaited('async function f() {\n  await "x";\n}', 'async function f() {\n  "x";\n}')],
  },
]);
