import rule from '../../src/rules/prefer-await-to-then';
import { defineRuleCases } from '../rule-tester';

const suggestion = (output: string) => [{ messageId: 'suggestAsyncAwait' as const, output }];

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // Already async/await.
      'export async function load(url: string) {\n  const response = await fetch(url);\n  return response.json();\n}',
      // receiver-not-known-promise: zod's `.catch` and an untyped object's `.then` prove nothing.
      "import { z } from 'zod';\nexport const name = (input: unknown) => z.string().catch('anonymous').parse(input);",
      'export function rows(db) {\n  return db.query("select 1").then((result) => result.rows);\n}',
      // A declared thenable that is not a built-in promise.
      'export function later(client: { get(): PromiseLike<number> }) {\n  return client.get().then((value) => value);\n}',
      // Module top level: no function to make async.
      'fetch("/ping").then((response) => console.log(response.status));',
      // Not returned: reported only with `strict`.
      'export function fire(url: string) {\n  fetch(url).then((response) => console.log(response.status));\n}',
      'export async function load(url: string) {\n  return await fetch(url).then((response) => response.text());\n}',
      // Awaited as a statement: the codemod converts it, the rule reports it only with `strict` (as eslint-plugin-promise).
      'export async function load(url: string) {\n  const text = await fetch(url).then((response) => response.text());\n  return text;\n}',
      // Without types nothing shows what a Map holds (the typed suite reports this one).
      'const cache = new Map<string, Promise<string>>();\nexport function load(key: string) {\n  return cache.get(key)!.then((value) => value.length);\n}',
      // `typeof x.then` is not a chain.
      "export const isThenable = (value: any) => value !== null && typeof value.then === 'function';",
    ],
    invalid: [
      {
        code: 'export function load(url: string) {\n  return fetch(url)\n    .then((response) => response.json())\n    .catch(() => null);\n}',
        errors: [
          {
            messageId: 'preferAwaitToThen',
            line: 3,
            column: 6,
            data: { methods: 'then().catch()' },
            suggestions: suggestion(
              'export async function load(url: string) {\n  try {\n    const response = await fetch(url);\n    return await response.json();\n  } catch {\n    return null;\n  }\n}',
            ),
          },
        ],
      },
      {
        code: "import { stat } from 'node:fs/promises';\nexport const sizeOf = (path: string) => stat(path).then((info) => info.size);",
        errors: [
          {
            messageId: 'preferAwaitToThen',
            suggestions: suggestion(
              "import { stat } from 'node:fs/promises';\nexport const sizeOf = async (path: string) => {\n  const info = await stat(path);\n  return info.size;\n};",
            ),
          },
        ],
      },
      {
        // A named handler is called with the value; a finally handler runs in `finally`.
        code: 'declare function parse(text: string): unknown;\ndeclare function done(): void;\nexport function read(p: Promise<string>) {\n  return p.then(parse).finally(done);\n}',
        errors: [
          {
            messageId: 'preferAwaitToThen',
            suggestions: suggestion(
              'declare function parse(text: string): unknown;\ndeclare function done(): void;\nexport async function read(p: Promise<string>) {\n  try {\n    return await parse(await p);\n  } finally {\n    await done();\n  }\n}',
            ),
          },
        ],
      },
      {
        // then-two-arguments: reported, not rewritten.
        code: "export function load(url: string) {\n  return fetch(url).then((r) => r.text(), () => 'offline');\n}",
        errors: [{ messageId: 'preferAwaitToThenByHand', line: 2, column: 21, suggestions: [] }],
      },
      {
        // handler-uses-this
        code: 'export function report(url: string) {\n  return fetch(url).then(function (this: { format(n: number): string }, response) {\n    return this.format(response.status);\n  });\n}',
        errors: [{ messageId: 'preferAwaitToThenByHand', suggestions: [] }],
      },
      {
        // return-in-non-final-handler
        code: "export function firstLine(url: string) {\n  return fetch(url)\n    .then((response) => {\n      if (!response.ok) return '';\n      return response.text();\n    })\n    .then((text) => text.split('\\n')[0]);\n}",
        errors: [{ messageId: 'preferAwaitToThenByHand', suggestions: [] }],
      },
      {
        // name-clash: the handler's `text` would capture the outer one.
        code: "const text = 'outer';\nexport function both(url: string) {\n  return fetch(url)\n    .then((response) => {\n      const text = response.statusText;\n      return text.length;\n    })\n    .then((length) => `${text}:${length}`);\n}",
        errors: [{ messageId: 'preferAwaitToThenByHand', suggestions: [] }],
      },
      {
        // finally-returns-value
        code: 'export function ping(url: string) {\n  return fetch(url).finally(() => {\n    if (Math.random() > 2) return;\n    console.log("done");\n  });\n}',
        errors: [{ messageId: 'preferAwaitToThenByHand', suggestions: [] }],
      },
      {
        // getter-or-setter and generator-function
        code: 'export class Store {\n  get size() {\n    return Promise.resolve(3).then((n) => n + 1);\n  }\n  *pages() {\n    return Promise.resolve(1).then((n) => n);\n  }\n}',
        errors: [
          { messageId: 'preferAwaitToThenByHand', line: 3, suggestions: [] },
          { messageId: 'preferAwaitToThenByHand', line: 6, suggestions: [] },
        ],
      },
      {
        // promise-executor: an async executor's throw would never reach the new promise.
        code: 'export const wrapped = (load: () => Promise<number>) =>\n  new Promise((resolve) => Promise.resolve(load()).then(resolve));',
        errors: [{ messageId: 'preferAwaitToThenByHand', suggestions: [] }],
      },
      {
        // function-returns-non-promise: the other return is a plain value an async function would wrap
        code: "export function choose(flag: boolean, p: Promise<string>) {\n  if (flag) return p.then((s) => s.trim());\n  return 'none';\n}",
        errors: [{ messageId: 'preferAwaitToThenByHand', suggestions: [] }],
      },
      {
        // strict: a chain that is awaited (rewritten as statements), and one that is only started (chain-not-returned).
        code: 'export async function load(url: string) {\n  const text = await fetch(url).then((response) => response.text());\n  fetch("/log").then(() => undefined);\n  return text;\n}',
        options: [{ strict: true }],
        errors: [
          {
            messageId: 'preferAwaitToThen',
            line: 2,
            suggestions: suggestion(
              'export async function load(url: string) {\n  const response = await fetch(url);\n  const text = await response.text();\n  fetch("/log").then(() => undefined);\n  return text;\n}',
            ),
          },
          { messageId: 'preferAwaitToThenByHand', line: 3, suggestions: [] },
        ],
      },
      {
        // A chain returned inside an `if` without braces: the statements get a block of their own.
        code: "export function choose(flag: boolean, p: Promise<string>) {\n  if (flag) return p.then((s) => s.trim());\n  return Promise.resolve('none');\n}",
        errors: [
          {
            messageId: 'preferAwaitToThen',
            suggestions: suggestion(
              "export async function choose(flag: boolean, p: Promise<string>) {\n  if (flag) {\n    const s = await p;\n    return s.trim();\n  }\n  return Promise.resolve('none');\n}",
            ),
          },
        ],
      },
      {
        // A last handler that can end without `return`, in a chain returned before other code: `return;` keeps the code after it from running.
        code: "export function note(flag: boolean, p: Promise<string>) {\n  if (flag) {\n    return p.then((s) => {\n      console.info(s);\n    });\n  }\n  return Promise.resolve();\n}",
        errors: [
          {
            messageId: 'preferAwaitToThen',
            suggestions: suggestion(
              "export async function note(flag: boolean, p: Promise<string>) {\n  if (flag) {\n    const s = await p;\n    console.info(s);\n    return;\n  }\n  return Promise.resolve();\n}",
            ),
          },
        ],
      },
      {
        // returned-inside-try: awaited inside the `try`, the chain's rejection would reach the `catch`.
        code: "export function guarded(p: Promise<string>) {\n  try {\n    return p.then((s) => s.trim());\n  } catch {\n    return Promise.resolve('');\n  }\n}",
        errors: [{ messageId: 'preferAwaitToThenByHand', suggestions: [] }],
      },
      {
        // declaration-type-unknown (strict): in TypeScript a variable declared before the `try` needs a type.
        code: "export async function name(p: Promise<{ name: string }>) {\n  const value = await p.then((user) => user.name).catch(() => '');\n  return value;\n}",
        options: [{ strict: true }],
        errors: [{ messageId: 'preferAwaitToThenByHand', suggestions: [] }],
      },
      {
        // A chain nested in a handler is reported too; each gets its own suggestion.
        code: 'declare function getUser(id: string): Promise<{ teamId: string }>;\ndeclare function getTeam(id: string): Promise<{ name: string }>;\nexport function teamName(id: string) {\n  return getUser(id).then((user) => getTeam(user.teamId).then((team) => team.name));\n}',
        errors: [
          {
            messageId: 'preferAwaitToThen',
            column: 22,
            suggestions: suggestion(
              'declare function getUser(id: string): Promise<{ teamId: string }>;\ndeclare function getTeam(id: string): Promise<{ name: string }>;\nexport async function teamName(id: string) {\n  const user = await getUser(id);\n  return getTeam(user.teamId).then((team) => team.name);\n}',
            ),
          },
          {
            messageId: 'preferAwaitToThen',
            column: 58,
            suggestions: suggestion(
              'declare function getUser(id: string): Promise<{ teamId: string }>;\ndeclare function getTeam(id: string): Promise<{ name: string }>;\nexport function teamName(id: string) {\n  return getUser(id).then(async (user) => {\n    const team = await getTeam(user.teamId);\n    return team.name;\n  });\n}',
            ),
          },
        ],
      },
    ],
  },
  {
    host: 'typed',
    valid: [
      // The checker shows `query()` returns a thenable that is not a built-in promise.
      'interface Query { then(f: (rows: string[]) => void): void }\ndeclare const db: { query(): Query };\nexport function rows() {\n  return db.query().then((rows) => rows);\n}',
    ],
    invalid: [
      {
        // Only the checker knows `client.get()` is a promise.
        code: 'const cache = new Map<string, Promise<string>>();\nexport function load(key: string) {\n  return cache.get(key)!.then((value) => value.length);\n}',
        errors: [
          {
            messageId: 'preferAwaitToThen',
            suggestions: suggestion(
              'const cache = new Map<string, Promise<string>>();\nexport async function load(key: string) {\n  const value = await cache.get(key)!;\n  return value.length;\n}',
            ),
          },
        ],
      },
      {
        // With types, a value shown not to be a promise is returned without `await` inside the `try`.
        code: 'export function size(p: Promise<string>) {\n  return p.then((text) => text.length).catch(() => -1);\n}',
        errors: [
          {
            messageId: 'preferAwaitToThen',
            suggestions: suggestion(
              'export async function size(p: Promise<string>) {\n  try {\n    const text = await p;\n    return text.length;\n  } catch {\n    return -1;\n  }\n}',
            ),
          },
        ],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export function rows(db) {\n  return db.query().then((result) => result.rows);\n}'],
    invalid: [
      {
        code: "const fsp = require('fs/promises');\nfunction read(path) {\n  return fsp.readFile(path, 'utf8').then((text) => text.trim());\n}\nmodule.exports = read;",
        errors: [
          {
            messageId: 'preferAwaitToThen',
            suggestions: suggestion(
              "const fsp = require('fs/promises');\nasync function read(path) {\n  const text = await fsp.readFile(path, 'utf8');\n  return text.trim();\n}\nmodule.exports = read;",
            ),
          },
        ],
      },
    ],
  },
]);
