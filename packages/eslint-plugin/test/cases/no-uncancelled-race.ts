import path from 'node:path';
import rule from '../../src/rules/no-uncancelled-race';
import { defineRuleCases } from '../rule-tester';

// lib/http.ts there exports functions and a class that take a signal (see propagate-abort-signal's cases).
const inSignals = (code: string) => ({ code, filename: path.join(import.meta.dirname, '..', 'fixtures', 'signals', 'consumer.ts') });

const cjs = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };
const fetchLosers = { names: '`fetch`' };

// Run by ESLint's RuleTester (no-uncancelled-race.test.ts) and linted as files by ESLint and oxlint
// alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // Without types a library's method is known by nothing (the typed suite reports it).
      "import { createClient } from 'typed-sdk';\nexport async function fastest(a: string, b: string) {\n  const client = createClient();\n  return Promise.race([client.users.get(a), client.users.poll(b)]);\n}",
      // signal-passed: a signal the function made, aborted once the race settles or on a deadline.
      'export async function fastest(a: string, b: string) {\n  const deadline = AbortSignal.timeout(5000);\n  return Promise.race([fetch(a, { signal: deadline }).then((r) => r.text()), fetch(b, { signal: deadline }).then((r) => r.text())]);\n}',
      // signal-passed: the caller's signal beside another one; which is aborted when is the code's business.
      'export async function fastest(a: string, b: string, signal: AbortSignal, other: { signal: AbortSignal }) {\n  return Promise.race([fetch(a, { signal }).then((r) => r.text()), fetch(b, { signal: other.signal }).then((r) => r.text())]);\n}',
      // signal-passed in a catch block: the caller's signal is not the one in play there.
      'export async function retry(a: string, b: string, signal: AbortSignal) {\n  try {\n    return await fetch(a, { signal });\n  } catch {\n    return Promise.race([fetch(a, { signal }).then((r) => r.text()), fetch(b, { signal }).then((r) => r.text())]);\n  }\n}',
      // Imported functions: one whose options' `signal` is declared a string takes none.
      inSignals("import { cached } from './lib/http';\nexport async function first(a: string, b: string) {\n  return Promise.race([cached(a, {} as never), cached(b, {} as never)]);\n}"),
      // Imported plain JavaScript whose bodies show no signal taken (one only logged, an OS signal's name).
      inSignals("import { report, stop } from './lib/legacy.js';\nexport async function first(a: string, b: string) {\n  return Promise.race([report(a), stop(1)]);\n}"),
      // A method of the class that takes no signal.
      inSignals("import { Client } from './lib/http';\nexport async function up(a: Client, b: Client) {\n  return Promise.race([a.ping(), b.ping()]);\n}"),
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
        // Every raced call gets only the caller's signal: it aborts when the caller gives up, not when
        // the race settles, so the slower request runs on (a runtime test holds it). The calls get
        // AbortSignal.any of both in its place.
        code: 'export async function fastest(a: string, b: string, signal: AbortSignal) {\n  return Promise.race([fetch(a, { signal }).then((r) => r.text()), fetch(b, { signal: signal }).then((r) => r.text())]);\n}',
        errors: [
          {
            messageId: 'raceWithCallerSignalOnly',
            data: { method: 'race', signal: 'signal', ...fetchLosers },
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  'export async function fastest(a: string, b: string, signal: AbortSignal) {\n  const controller = new AbortController();\n  const raceSignal = AbortSignal.any([signal, controller.signal]);\n  return Promise.race([fetch(a, { signal: raceSignal }).then((r) => r.text()), fetch(b, { signal: raceSignal }).then((r) => r.text())]).finally(() => controller.abort());\n}',
              },
            ],
          },
        ],
      },
      {
        // The winner's body is read after the race: reported, aborted by hand.
        code: 'export async function fastest(a: string, b: string, signal: AbortSignal) {\n  return Promise.race([fetch(a, { signal }), fetch(b, { signal })]);\n}',
        errors: [{ messageId: 'raceWithCallerSignalOnly', data: { method: 'race', signal: 'signal', ...fetchLosers }, suggestions: [] }],
      },
      {
        // An option of the caller's, given to one call and not the other: both get the combined signal.
        code: "import { setTimeout as sleep } from 'node:timers/promises';\nexport async function withDeadline(url: string, options: { signal?: AbortSignal }) {\n  return Promise.race([fetch(url, { signal: options.signal }).then((r) => r.json()), sleep(1000, 'late')]);\n}",
        errors: [
          {
            messageId: 'raceWithCallerSignalOnly',
            data: { method: 'race', signal: 'options.signal', names: '`fetch` and `timers/promises.setTimeout`' },
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  "import { setTimeout as sleep } from 'node:timers/promises';\nexport async function withDeadline(url: string, options: { signal?: AbortSignal }) {\n  const controller = new AbortController();\n  const raceSignal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;\n  return Promise.race([fetch(url, { signal: raceSignal }).then((r) => r.json()), sleep(1000, 'late', { signal: raceSignal })]).finally(() => controller.abort());\n}",
              },
            ],
          },
        ],
      },
      {
        // caller-signal-not-combinable: AbortSignal is shadowed, so the caller's signal cannot be combined.
        code: 'const AbortSignal = { any: (signals: unknown[]) => signals[0] };\nexport async function fastest(a: string, b: string, signal: globalThis.AbortSignal) {\n  return Promise.race([fetch(a, { signal }).then((r) => r.text()), fetch(b, { signal }).then((r) => r.text())]);\n}',
        errors: [{ messageId: 'raceWithCallerSignalOnly', suggestions: [] }],
      },
      {
        // Imported functions that take a signal, read from their declarations, and a method of an instance.
        ...inSignals("import { fetchJson, sleep, Client } from './lib/http';\nconst client = new Client('http://localhost');\nexport async function first(url: string) {\n  return Promise.race([fetchJson(url), sleep(1000), client.get(url).then((r) => r.text())]);\n}"),
        errors: [
          {
            messageId: 'uncancelledRace',
            data: { method: 'race', names: '`fetchJson`, `sleep` and `client.get`' },
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  "import { fetchJson, sleep, Client } from './lib/http';\nconst client = new Client('http://localhost');\nexport async function first(url: string) {\n  const controller = new AbortController();\n  return Promise.race([fetchJson(url, { signal: controller.signal }), sleep(1000, controller.signal), client.get(url, { signal: controller.signal }).then((r) => r.text())]).finally(() => controller.abort());\n}",
              },
            ],
          },
        ],
      },
      {
        // Imported plain JavaScript, judged from its bodies: through a re-export, a default export and CommonJS.
        ...inSignals("import { loadPlain } from './lib/plain.js';\nimport loadJson from './lib/default-load.js';\nconst { fetchText } = require('./lib/legacy.cjs');\nexport async function first(url: string) {\n  return Promise.race([loadPlain(url), loadJson(url), fetchText(url)]);\n}"),
        errors: [
          {
            messageId: 'uncancelledRace',
            data: { method: 'race', names: '`loadPlain`, `loadJson` and `fetchText`' },
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  "import { loadPlain } from './lib/plain.js';\nimport loadJson from './lib/default-load.js';\nconst { fetchText } = require('./lib/legacy.cjs');\nexport async function first(url: string) {\n  const controller = new AbortController();\n  return Promise.race([loadPlain(url, controller.signal), loadJson(url, controller.signal), fetchText(url, controller.signal)]).finally(() => controller.abort());\n}",
              },
            ],
          },
        ],
      },
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
    // With types, a raced call whose signature takes a signal counts as abortable (typed-sdk.d.ts declares a library).
    host: 'typed',
    valid: [
      // no-abortable-operation: overloads of which only some take a signal; a handle, not a promise;
      // options that may be an encoding's name; an `any` value; a union whose members disagree.
      "import { createClient } from 'typed-sdk';\nexport async function first(a: string) {\n  const client = createClient();\n  return Promise.race([client.users.list(), client.users.list()]);\n}",
      "import { createClient, untyped } from 'typed-sdk';\nexport async function first(a: string, b: string) {\n  const client = createClient();\n  return Promise.race([client.users.read(a, 'utf8'), untyped.get(b), client.users.watch(a)]);\n}",
      "import type { Client, Mirror } from 'typed-sdk';\nexport async function first(a: Client | Mirror, b: Client | Mirror) {\n  return Promise.race([a.request('/status'), b.request('/status')]);\n}",
      // signal-passed: a signal parameter with a default gets that signal when left out.
      "export async function first(signal?: AbortSignal) {\n  const step = (path: string, executionSignal = signal) => fetch(path, { signal: executionSignal }).then((r) => r.text());\n  return Promise.race([step('/a'), step('/b')]);\n}",
      // signal-passed: the library's options get a deadline.
      "import { createClient } from 'typed-sdk';\nexport async function first(a: string, b: string) {\n  const client = createClient();\n  const signal = AbortSignal.timeout(1000);\n  return Promise.race([client.users.get(a, { signal }), client.users.get(b, { signal })]);\n}",
    ],
    invalid: [
      {
        code: "import { createClient } from 'typed-sdk';\nexport async function fastest(a: string, b: string) {\n  const client = createClient();\n  return Promise.race([client.users.get(a), client.users.poll(b)]);\n}",
        errors: [
          {
            messageId: 'uncancelledRace',
            data: { method: 'race', names: '`client.users.get` and `client.users.poll`' },
            suggestions: [
              {
                messageId: 'suggestCancellableRace',
                output:
                  "import { createClient } from 'typed-sdk';\nexport async function fastest(a: string, b: string) {\n  const client = createClient();\n  const controller = new AbortController();\n  return Promise.race([client.users.get(a, { signal: controller.signal }), client.users.poll(b, controller.signal)]).finally(() => controller.abort());\n}",
              },
            ],
          },
        ],
      },
      {
        // winner-reads-after-race: the library's promise settles with a `Response` whose body is read after the race.
        code: "import { createClient } from 'typed-sdk';\nexport async function fastest(a: string, b: string) {\n  const client = createClient();\n  const response = await Promise.race([client.request(a), client.request(b)]);\n  return response.json();\n}",
        errors: [{ messageId: 'uncancelledRace', data: { method: 'race', names: '`client.request`' }, suggestions: [] }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ["async function first(a, b, signal) {\n  process.kill(process.pid, signal);\n  return Promise.race([fetch(a, { signal: AbortSignal.timeout(1000) }), fetch(b, { signal: AbortSignal.timeout(1000) })]);\n}"],
    invalid: [
      {
        // A `signal` shown to be an AbortSignal by being passed on; the winner's body is read after the race.
        code: 'async function first(a, b, signal) {\n  return Promise.race([fetch(a, { signal }), fetch(b, { signal })]);\n}',
        errors: [{ messageId: 'raceWithCallerSignalOnly', data: { method: 'race', signal: 'signal', names: '`fetch`' }, suggestions: [] }],
      },
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
