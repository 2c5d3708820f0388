import rule from '../../src/rules/no-async-array-callback';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-async-array-callback.test.ts) and linted as files by ESLint and oxlint
// alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // A sync callback.
      'export function names(users: User[]) {\n  users.forEach((u) => console.log(u.name));\n}',
      // map-result-used: the promises go to Promise.all.
      'export async function load(ids: string[]) {\n  return Promise.all(ids.map(async (id) => get(id)));\n}',
      // map-result-used: kept in a variable.
      'export function start(ids: string[]) {\n  const pending = ids.map(async (id) => get(id));\n  return pending;\n}',
      // reduce-promise-chain: the deliberate sequential chain awaits its accumulator.
      'export async function run(steps: Step[]) {\n  await steps.reduce(async (previous, step) => {\n    await previous;\n    await step.run();\n  }, Promise.resolve());\n}',
      // stream-method: a Node stream waits for its async callback.
      "import { Readable } from 'node:stream';\nexport async function sizes(urls: string[]) {\n  await Readable.from(urls).forEach(async (url) => console.log((await fetch(url)).status));\n}",
      // promise-library: Bluebird's filter on a promise waits for the callback.
      'export async function load(ids: string[]) {\n  return Promise.resolve(ids).filter(async (id) => ok(id));\n}',
      // own-async-method: a class's own async forEach, which awaits its callback.
      'export class Dataset {\n  async forEach(fn: (item: Item) => Promise<void>) {\n    for (const item of this.items) await fn(item);\n  }\n  async export() {\n    await this.forEach(async (item) => write(item));\n  }\n}',
      // receiver-unproven: with requireArrayProof, an unknown receiver is left alone.
      {
        code: 'export function save(items: Items) {\n  items.forEach(async (item) => await item.save());\n}',
        options: [{ requireArrayProof: true }],
      },
      // A user's own forEach on a non-lodash module.
      "import { forEach } from './my-helpers';\nforEach(items, async (item) => save(item));",
      // lodash/fp takes the callback first and is not catalogued.
      "import { forEach } from 'lodash/fp';\nforEach(async (item: Item) => save(item))(items);",
      // An async generator is no promise-returning callback.
      'export function f(xs: number[]) {\n  xs.forEach(async function* (x) {\n    yield x;\n  });\n}',
    ],
    invalid: [
      {
        // loop-scope-differs: the body pushes to the receiver, which `for…of` would then visit; only Promise.all is offered.
        code: 'export async function crawl(queue: string[]) {\n  queue.forEach(async (url) => {\n    queue.push(await expand(url));\n  });\n}',
        errors: [
          {
            messageId: 'asyncCallback',
            line: 2,
            column: 17,
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: 'export async function crawl(queue: string[]) {\n  await Promise.all(queue.map(async (url) => {\n    queue.push(await expand(url));\n  }));\n}',
              },
            ],
          },
        ],
      },
      {
        // loop-scope-differs: a `var` in the body would be hoisted into the enclosing function.
        code: 'export async function tally(items: Item[]) {\n  var total = 0;\n  items.forEach(async (item) => {\n    var total = await item.count();\n    log(total);\n  });\n  return total;\n}',
        errors: [
          {
            messageId: 'asyncCallback',
            line: 3,
            column: 17,
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output:
                  'export async function tally(items: Item[]) {\n  var total = 0;\n  await Promise.all(items.map(async (item) => {\n    var total = await item.count();\n    log(total);\n  }));\n  return total;\n}',
              },
            ],
          },
        ],
      },
      {
        // A parameter the body assigns: the loop declares it with `let`.
        code: 'export async function print(lines: string[]) {\n  lines.forEach(async (line) => {\n    line = line.trim();\n    await write(line);\n  });\n}',
        errors: [
          {
            messageId: 'asyncCallback',
            suggestions: [
              { messageId: 'suggestForOf', output: 'export async function print(lines: string[]) {\n  for (let line of lines) {\n    line = line.trim();\n    await write(line);\n  }\n}' },
              {
                messageId: 'suggestPromiseAll',
                output: 'export async function print(lines: string[]) {\n  await Promise.all(lines.map(async (line) => {\n    line = line.trim();\n    await write(line);\n  }));\n}',
              },
            ],
          },
        ],
      },
      {
        // A literal array, inside an async function: both rewrites are offered.
        code: 'export async function notify() {\n  [alice, bob].forEach(async (user) => {\n    await send(user);\n  });\n}',
        errors: [
          {
            messageId: 'asyncCallback',
            data: { method: 'forEach', harm: 'nothing waits for the promises it returns, and a rejection among them is unhandled' },
            line: 2,
            column: 24,
            suggestions: [
              { messageId: 'suggestForOf', output: 'export async function notify() {\n  for (const user of [alice, bob]) {\n    await send(user);\n  }\n}' },
              {
                messageId: 'suggestPromiseAll',
                output: 'export async function notify() {\n  await Promise.all([alice, bob].map(async (user) => {\n    await send(user);\n  }));\n}',
              },
            ],
          },
        ],
      },
      {
        // Object.keys gives an array; an expression body gets its await in the loop.
        code: 'export async function clear(cache: Record<string, string>) {\n  Object.keys(cache).forEach(async (key) => remove(key));\n}',
        errors: [
          {
            messageId: 'asyncCallback',
            suggestions: [
              { messageId: 'suggestForOf', output: 'export async function clear(cache: Record<string, string>) {\n  for (const key of Object.keys(cache)) await remove(key);\n}' },
              {
                messageId: 'suggestPromiseAll',
                output: 'export async function clear(cache: Record<string, string>) {\n  await Promise.all(Object.keys(cache).map(async (key) => remove(key)));\n}',
              },
            ],
          },
        ],
      },
      {
        // filter keeps every element: the promise is truthy. No rewrite keeps what filter computes.
        code: 'export async function active(users: string[]) {\n  return users.filter(async (u) => (await status(u)) === "active");\n}',
        errors: [{ messageId: 'asyncCallback', data: { method: 'filter', harm: 'it tests the promise the callback returns, which is always truthy' }, line: 2, column: 23 }],
      },
      {
        // An unknown receiver is reported by default, without a rewrite (a Map's forEach is no for…of).
        code: 'export function save(items: Items) {\n  items.forEach(async (item) => await item.save());\n}',
        errors: [{ messageId: 'asyncCallback', line: 2, column: 17, suggestions: [] }],
      },
      {
        // A map whose result is dropped, in a sync function: reported, no await can be added.
        code: 'export function warm(urls: string[]) {\n  urls.map(async (url) => fetch(url));\n}',
        errors: [{ messageId: 'asyncCallback', data: { method: 'map', harm: 'nothing waits for the promises it returns, and a rejection among them is unhandled' }, suggestions: [] }],
      },
      {
        // sort compares promises.
        code: 'export function order(files: string[]) {\n  return [...files].sort(async (a, b) => (await size(a)) - (await size(b)));\n}',
        errors: [{ messageId: 'asyncCallback', data: { method: 'sort', harm: 'it compares promises, so the order it produces means nothing' } }],
      },
      {
        // A reduce that never awaits its accumulator.
        code: 'export async function total(items: Item[]) {\n  return items.reduce(async (sum, item) => sum + (await price(item)), 0);\n}',
        errors: [{ messageId: 'asyncCallback', data: { method: 'reduce', harm: 'each step gets the previous step’s promise as its accumulator' } }],
      },
      {
        // lodash through its import.
        code: "import _ from 'lodash';\nexport function save(items: Item[]) {\n  _.forEach(items, async (item) => store(item));\n}",
        errors: [{ messageId: 'asyncCallback', data: { method: '_.forEach', harm: 'nothing waits for the promises it returns, and a rejection among them is unhandled' }, line: 3, column: 20, suggestions: [] }],
      },
      {
        // A named import from underscore, and a local async function by name.
        code: "import { some } from 'underscore';\nasync function isBroken(link: string) {\n  return (await fetch(link)).status >= 400;\n}\nexport const anyBroken = (links: string[]) => some(links, isBroken);",
        errors: [{ messageId: 'asyncCallback', data: { method: 'some', harm: 'it tests the promise the callback returns, which is always truthy' }, line: 5, column: 59 }],
      },
      {
        // An iterator helper.
        code: 'export function f(ids: string[]) {\n  return Iterator.from(ids).find(async (id) => exists(id));\n}',
        errors: [{ messageId: 'asyncCallback', data: { method: 'find', harm: 'it tests the promise the callback returns, which is always truthy' } }],
      },
      {
        // A callback taking the index has no loop form; Promise.all of map still fits.
        code: 'export async function f(ids: string[]) {\n  Array.from(ids).forEach(async (id, i) => save(id, i));\n}',
        errors: [
          {
            messageId: 'asyncCallback',
            suggestions: [{ messageId: 'suggestPromiseAll', output: 'export async function f(ids: string[]) {\n  await Promise.all(Array.from(ids).map(async (id, i) => save(id, i)));\n}' }],
          },
        ],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export async function f(xs) {\n  for (const x of xs) await save(x);\n}'],
    invalid: [
      {
        code: "const _ = require('lodash');\nexports.f = (xs) => _.each(xs, async (x) => save(x));",
        errors: [{ messageId: 'asyncCallback', data: { method: '_.each', harm: 'nothing waits for the promises it returns, and a rejection among them is unhandled' } }],
      },
    ],
  },
]);
