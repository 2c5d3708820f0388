import rule from '../../src/rules/no-uncancelled-race';
import { defineRuleCases } from '../rule-tester';

const cjs = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };
const fetchLosers = { names: '`fetch`' };

// Run by ESLint's RuleTester (no-uncancelled-race.test.ts) and linted as files by ESLint and oxlint
// alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // signal-passed: the caller's signal reaches every raced call; aborting it is the caller's business.
      'export async function fastest(a: string, b: string, signal: AbortSignal) {\n  return Promise.race([fetch(a, { signal }), fetch(b, { signal })]);\n}',
      // Already cancellable: the shape the suggestion writes.
      'export async function fastest(a: string, b: string) {\n  const controller = new AbortController();\n  return Promise.race([\n    fetch(a, { signal: controller.signal }).then((r) => r.json()),\n    fetch(b, { signal: controller.signal }).then((r) => r.json()),\n  ]).finally(() => controller.abort());\n}',
      // opaque-options: the options may carry a signal.
      'export async function fastest(a: string, b: string, init: RequestInit) {\n  return Promise.race([fetch(a, init), fetch(b, { ...init })]);\n}',
      // no-abortable-operation: nothing raced takes a signal.
      'export async function first(a: () => Promise<number>, b: () => Promise<number>) {\n  return Promise.race([a(), b()]);\n}',
      // Names are not resolution: a client's own fetch method is not the global.
      'export async function first(client: { fetch(u: string): Promise<Response> }) {\n  return Promise.race([client.fetch("/a"), client.fetch("/b")]);\n}',
      // A parameter called fetch shadows the global.
      'export async function first(fetch: (u: string) => Promise<Response>) {\n  return Promise.race([fetch("/a"), fetch("/b")]);\n}',
      // single-operation: a race of one has no loser.
      'export async function only(url: string) {\n  return Promise.race([fetch(url)]);\n}',
      // A user's Promise is not the built-in.
      'const Promise = { race(items: unknown[]) { return items[0]; } };\nPromise.race([fetch("/a"), fetch("/b")]);',
      // Promise.all waits for every call: there are no losers.
      'export async function both(a: string, b: string) {\n  return Promise.all([fetch(a), fetch(b)]);\n}',
    ],
    invalid: [
      {
        // Two mirrors: the slower response keeps downloading. Its body is read after the race, so
        // aborting once the race settles would abort the winner too: no suggestion, the message says what to do.
        code: 'export async function fastest(a: string, b: string) {\n  const response = await Promise.race([fetch(a), fetch(b)]);\n  return response.json();\n}',
        errors: [{ messageId: 'uncancelledRace', data: { method: 'race', ...fetchLosers }, line: 2, column: 26, suggestions: [] }],
      },
      {
        // A function of the file that takes a signal is raced like a catalogued call; one taking it as an argument too.
        code: 'async function fetchText(url: string, { signal }: { signal?: AbortSignal } = {}) {\n  return (await fetch(url, { signal })).text();\n}\nasync function readLocal(path: string, signal?: AbortSignal) {\n  signal?.throwIfAborted();\n  return path;\n}\nexport async function fastest(a: string, b: string) {\n  return Promise.race([fetchText(a), readLocal(b)]);\n}',
        errors: [
          {
            messageId: 'uncancelledRace',
            data: { method: 'race', names: '`fetchText` and `readLocal`' },
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  'async function fetchText(url: string, { signal }: { signal?: AbortSignal } = {}) {\n  return (await fetch(url, { signal })).text();\n}\nasync function readLocal(path: string, signal?: AbortSignal) {\n  signal?.throwIfAborted();\n  return path;\n}\nexport async function fastest(a: string, b: string) {\n  const controller = new AbortController();\n  return Promise.race([fetchText(a, { signal: controller.signal }), readLocal(b, controller.signal)]).finally(() => controller.abort());\n}',
              },
            ],
          },
        ],
      },
      {
        // The caller's signal is combined with the race's controller: cancelling the caller still stops both.
        code: 'export async function fastest(a: string, b: string, signal: AbortSignal) {\n  return Promise.race([fetch(a).then((r) => r.json()), fetch(b).then((r) => r.json())]);\n}',
        errors: [
          {
            messageId: 'uncancelledRace',
            data: { method: 'race', ...fetchLosers },
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  'export async function fastest(a: string, b: string, signal: AbortSignal) {\n  const controller = new AbortController();\n  const raceSignal = AbortSignal.any([signal, controller.signal]);\n  return Promise.race([fetch(a, { signal: raceSignal }).then((r) => r.json()), fetch(b, { signal: raceSignal }).then((r) => r.json())]).finally(() => controller.abort());\n}',
              },
            ],
          },
        ],
      },
      {
        // Each raced fetch reads its body inside the race: the controller can be aborted once it settles.
        code: "export async function fastest(a: string, b: string) {\n  return Promise.race([\n    fetch(a).then((r) => r.json()),\n    fetch(b, { headers: { accept: 'application/json' } }).then((r) => r.json()),\n  ]);\n}",
        errors: [
          {
            messageId: 'uncancelledRace',
            data: { method: 'race', ...fetchLosers },
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  "export async function fastest(a: string, b: string) {\n  const controller = new AbortController();\n  return Promise.race([\n    fetch(a, { signal: controller.signal }).then((r) => r.json()),\n    fetch(b, { headers: { accept: 'application/json' }, signal: controller.signal }).then((r) => r.json()),\n  ]).finally(() => controller.abort());\n}",
              },
            ],
          },
        ],
      },
      {
        // CommonJS, fs.promises through require; Promise.any settles on the first success.
        code: "const fs = require('node:fs');\nasync function first(a, b) {\n  return Promise.any([fs.promises.readFile(a, { encoding: 'utf8' }), fs.promises.readFile(b, {})]);\n}\nmodule.exports = first;",
        ...cjs,
        errors: [
          {
            messageId: 'uncancelledRace',
            data: { method: 'any', names: '`fs/promises.readFile`' },
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  "const fs = require('node:fs');\nasync function first(a, b) {\n  const controller = new AbortController();\n  return Promise.any([fs.promises.readFile(a, { encoding: 'utf8', signal: controller.signal }), fs.promises.readFile(b, { signal: controller.signal })]).finally(() => controller.abort());\n}\nmodule.exports = first;",
              },
            ],
          },
        ],
      },
      {
        // A sleep from timers/promises takes its options third: the value before them is filled in.
        code: "import { setTimeout as sleep } from 'node:timers/promises';\nimport { readFile } from 'node:fs/promises';\nexport async function load(path: string) {\n  await Promise.race([readFile(path), sleep(5000)]);\n}",
        errors: [
          {
            messageId: 'uncancelledRace',
            data: { method: 'race', names: '`fs/promises.readFile` and `timers/promises.setTimeout`' },
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  "import { setTimeout as sleep } from 'node:timers/promises';\nimport { readFile } from 'node:fs/promises';\nexport async function load(path: string) {\n  const controller = new AbortController();\n  await Promise.race([readFile(path, { signal: controller.signal }), sleep(5000, undefined, { signal: controller.signal })]).finally(() => controller.abort());\n}",
              },
            ],
          },
        ],
      },
      {
        // events.once: the losing listener stays on the emitter until its event comes. Comments stay.
        code: "import { once } from 'node:events';\nimport type { EventEmitter } from 'node:events';\nexport async function ready(emitter: EventEmitter) {\n  // Whichever comes first.\n  await Promise.race([once(emitter, 'ready'), once(emitter, 'close' /* or gone */)]);\n}",
        errors: [
          {
            messageId: 'uncancelledRace',
            data: { method: 'race', names: '`events.once`' },
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  "import { once } from 'node:events';\nimport type { EventEmitter } from 'node:events';\nexport async function ready(emitter: EventEmitter) {\n  // Whichever comes first.\n  const controller = new AbortController();\n  await Promise.race([once(emitter, 'ready', { signal: controller.signal }), once(emitter, 'close', { signal: controller.signal } /* or gone */)]).finally(() => controller.abort());\n}",
              },
            ],
          },
        ],
      },
      {
        // In a loop body, each iteration gets its own controller; `controller` is taken, so another name.
        code: "import { readFile } from 'node:fs/promises';\nconst controller = 'main';\nexport async function firstOf(pairs: [string, string][]) {\n  for (const [a, b] of pairs) {\n    const text = await Promise.race([readFile(a, { encoding: 'utf8' }), readFile(b, { encoding: 'utf8' })]);\n    if (text) return text;\n  }\n}",
        errors: [
          {
            messageId: 'uncancelledRace',
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  "import { readFile } from 'node:fs/promises';\nconst controller = 'main';\nexport async function firstOf(pairs: [string, string][]) {\n  for (const [a, b] of pairs) {\n    const raceController = new AbortController();\n    const text = await Promise.race([readFile(a, { encoding: 'utf8', signal: raceController.signal }), readFile(b, { encoding: 'utf8', signal: raceController.signal })]);\n    if (text) return text;\n  }\n}".replace(']);\n    if', ']).finally(() => raceController.abort());\n    if'),
              },
            ],
          },
        ],
      },
      {
        // The calls start before the race: reported, rewritten by hand.
        code: "import { readFile } from 'node:fs/promises';\nexport async function first() {\n  const a = readFile('a.json');\n  const b = readFile('b.json');\n  return Promise.race([a, b]);\n}",
        errors: [{ messageId: 'uncancelledRace', suggestions: [] }],
      },
      {
        // An arrow's expression body has no statement to put the controller before.
        code: 'export const fastest = (a: string, b: string) => Promise.race([fetch(a).then((r) => r.text()), fetch(b).then((r) => r.text())]);',
        errors: [{ messageId: 'uncancelledRace', suggestions: [] }],
      },
      {
        // A string is the options' shorthand: it holds no signal, and the rewrite is left to you.
        code: "import { readFile } from 'node:fs/promises';\nexport async function first(a: string, b: string) {\n  return Promise.any([readFile(a, 'utf8'), readFile(b, 'utf8')]);\n}",
        errors: [{ messageId: 'uncancelledRace', data: { method: 'any', names: '`fs/promises.readFile`' }, suggestions: [] }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['async function first(a, b, signal) {\n  return Promise.race([fetch(a, { signal }), fetch(b, { signal })]);\n}'],
    invalid: [
      {
        code: "import { once } from 'events';\nexport async function settle(child) {\n  await Promise.race([once(child, 'exit'), once(child, 'error')]);\n}",
        errors: [
          {
            messageId: 'uncancelledRace',
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  "import { once } from 'events';\nexport async function settle(child) {\n  const controller = new AbortController();\n  await Promise.race([once(child, 'exit', { signal: controller.signal }), once(child, 'error', { signal: controller.signal })]).finally(() => controller.abort());\n}",
              },
            ],
          },
        ],
      },
    ],
  },
]);
