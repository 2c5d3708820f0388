import rule from '../../src/rules/no-for-await-promise-array';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-for-await-promise-array.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // elements-not-known-promises: values, or calls nothing shows to be promises.
      'export async function f() {\n  for await (const x of [1, 2, 3]) console.log(x);\n}',
      'export async function f(a: unknown, b: unknown) {\n  for await (const x of [load(a), load(b)]) console.log(x);\n}',
      // receiver-not-known-array: a stream's map starts each promise when the loop asks.
      'export async function f(stream: NodeJS.ReadableStream) {\n  for await (const x of stream.map(async (c: unknown) => c)) console.log(x);\n}',
      // single-promise: nothing else can reject first.
      'export async function f(url: string) {\n  for await (const r of [fetch(url)]) console.log(r.status);\n}',
      // An async iterable, the thing for await is for.
      "import { createReadStream } from 'node:fs';\nexport async function f(p: string) {\n  for await (const chunk of createReadStream(p)) console.log(chunk.length);\n}",
      // A plain for...of over awaited values is not this rule's business.
      'export async function f(urls: string[]) {\n  for (const r of await Promise.all(urls.map((u) => fetch(u)))) console.log(r.status);\n}',
    ],
    invalid: [
      {
        code: 'export async function f(a: string, b: string) {\n  for await (const r of [fetch(a), fetch(b)]) console.log(r.status);\n}',
        errors: [
          {
            messageId: 'forAwaitPromiseArray',
            line: 2,
            column: 25,
            suggestions: [
              { messageId: 'suggestPromiseAll', output: 'export async function f(a: string, b: string) {\n  for (const r of await Promise.all([fetch(a), fetch(b)])) console.log(r.status);\n}' },
            ],
          },
        ],
      },
      {
        // Through a const, with an async callback on an array literal.
        code: "export async function f() {\n  const jobs = ['a', 'b', 'c'].map(async (id) => id.toUpperCase());\n  for await (const id of jobs) console.log(id);\n}",
        errors: [
          {
            messageId: 'forAwaitPromiseArray',
            line: 3,
            suggestions: [
              { messageId: 'suggestPromiseAll', output: "export async function f() {\n  const jobs = ['a', 'b', 'c'].map(async (id) => id.toUpperCase());\n  for (const id of await Promise.all(jobs)) console.log(id);\n}" },
            ],
          },
        ],
      },
      {
        // A user's Promise hides the built-in: reported, no rewrite.
        code: 'class Promise {}\nexport async function f(a: string, b: string) {\n  for await (const r of [fetch(a), fetch(b)]) console.log(r, Promise);\n}',
        errors: [{ messageId: 'forAwaitPromiseArray', suggestions: [] }],
      },
    ],
  },
  {
    host: 'typed',
    valid: [],
    invalid: [
      {
        // With types, a parameter declared as an array is one.
        code: 'export async function f(urls: string[]) {\n  for await (const r of urls.map((u) => fetch(u))) console.log(r.status);\n}',
        errors: [
          {
            messageId: 'forAwaitPromiseArray',
            suggestions: [
              { messageId: 'suggestPromiseAll', output: 'export async function f(urls: string[]) {\n  for (const r of await Promise.all(urls.map((u) => fetch(u)))) console.log(r.status);\n}' },
            ],
          },
        ],
      },
    ],
  },
]);
