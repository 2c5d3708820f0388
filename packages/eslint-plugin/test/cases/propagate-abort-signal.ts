import path from 'node:path';
import rule from '../../src/rules/propagate-abort-signal';
import { defineRuleCases } from '../rule-tester';

const cjs = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };
// A folder whose lib/ exports functions and a class that take a signal (and some that only look as if
// they did), re-exported by lib/index.ts and reachable through the tsconfig's `@lib/*` paths.
const signals = 'consumer.ts';
const inSignals = (code: string) => ({ code, filename: path.join(import.meta.dirname, '..', 'fixtures', 'signals', signals) });
const withFix = (code: string, output: string, errors: { messageId: 'propagateAbortSignal'; data?: Record<string, string>; line?: number }[]) => ({ ...inSignals(code), output, errors });

// Run by ESLint's RuleTester (propagate-abort-signal.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // signal-passed: the function's own default signal is what a call that leaves it out gets.
      "async function load(url: string, signal: AbortSignal = AbortSignal.timeout(5000)) {\n  return fetch(url, { signal });\n}\nexport async function run(signal: AbortSignal) {\n  signal.throwIfAborted();\n  return load('/x');\n}",
      // Without types a library's method is known by nothing (the typed suite reports it).
      "import { createClient } from 'typed-sdk';\nexport async function load(id: string, signal: AbortSignal) {\n  const client = createClient();\n  return client.users.get(id);\n}",
      // signal-passed.
      'export async function load(url: string, signal: AbortSignal) {\n  return fetch(url, { signal });\n}',
      // abort-handled-by-hand: the function stops the child its own way, to keep what it recorded.
      "import { spawn } from 'node:child_process';\nexport function record(signal: AbortSignal) {\n  return new Promise<Buffer[]>((resolve) => {\n    const chunks: Buffer[] = [];\n    const child = spawn('ffmpeg', ['-i', 'mic', 'pipe:1']);\n    child.stdout.on('data', (c: Buffer) => chunks.push(c));\n    child.on('close', () => resolve(chunks));\n    signal.addEventListener('abort', () => child.kill('SIGTERM'), { once: true });\n  });\n}",
      // nested-function: a callback inside an executor runs later, not with the executor.
      "import { exec } from 'node:child_process';\nexport function run(command: string, signal: AbortSignal) {\n  return new Promise((resolve) => {\n    signal.addEventListener('abort', () => {\n      exec('cleanup', resolve);\n    });\n  });\n}",
      // An async executor runs on its own after its first await: still a nested function.
      "import { exec } from 'node:child_process';\nexport function run(command: string, signal: AbortSignal) {\n  return new Promise(async (resolve) => {\n    await null;\n    exec(command, resolve);\n  });\n}",
      // Without types a name other than `signal` shows nothing (the typed suite reports it).
      'export async function load(url: string, abortSignal: AbortSignal) {\n  return fetch(url);\n}',
      // signal-passed: waiting for the signal's own abort event gets the signal, as the emitter.
      "import { once } from 'node:events';\nexport async function aborted(signal: AbortSignal) {\n  if (signal.aborted) return;\n  await once(signal, 'abort');\n}",
      // opaque-options: the init may carry the signal.
      'export async function load(url: string, init: RequestInit, signal: AbortSignal) {\n  return fetch(url, init);\n}',
      // not-an-abort-signal: an OS signal is called signal too.
      "import { spawn } from 'node:child_process';\nexport function run(cmd: string) {\n  const child = spawn(cmd);\n  child.on('exit', (code, signal) => {\n    fetch('/report', { method: 'POST', body: String(signal) });\n  });\n}",
      // not-an-abort-signal: a `signal` nothing shows to be an AbortSignal.
      "export async function send(signal) {\n  process.kill(process.pid, signal);\n  await fetch('/sent');\n}",
      // nested-function: a listener runs after the abort; passing the signal there would stop it at once.
      "export async function withCleanup(url: string, signal: AbortSignal) {\n  signal.addEventListener('abort', () => {\n    fetch('/cancelled', { method: 'POST' });\n  });\n  return fetch(url, { signal });\n}",
      // controller-aborted-before: the race's controller is aborted once it settles.
      "export async function next(a: string, b: string) {\n  const controller = new AbortController();\n  const first = await Promise.race([\n    fetch(a, { signal: controller.signal }).then((r) => r.json()),\n    fetch(b, { signal: controller.signal }).then((r) => r.json()),\n  ]).finally(() => controller.abort());\n  return fetch(first.next);\n}",
      // options.signal with nothing to show it is an AbortSignal.
      "export async function load(url: string, options: { signal: string }) {\n  console.log(options.signal);\n  return fetch(url);\n}",
      // in-cleanup: a release in `finally` runs after an abort too; the signal would stop it at once.
      "export async function withLock(url: string, signal: AbortSignal) {\n  try {\n    return await fetch(url, { signal });\n  } catch (error) {\n    await fetch('/log', { method: 'POST' });\n    throw error;\n  } finally {\n    await fetch('/unlock', { method: 'POST' });\n  }\n}",
      // No signal in scope.
      'export async function load(url: string) {\n  return fetch(url);\n}',
      // A method named fetch is not the global.
      'export async function load(client: { fetch(u: string): Promise<unknown> }, signal: AbortSignal) {\n  return client.fetch("/a");\n}',
      // A function of the file whose `signal` is an OS signal's name takes no AbortSignal.
      "function kill(pid: number, signal: string = 'SIGTERM') {\n  process.kill(pid, signal);\n}\nexport async function stop(pid: number, signal: AbortSignal) {\n  signal.throwIfAborted();\n  kill(pid);\n}",
      // opaque-options: a function of the file given options the analysis cannot see into.
      'async function fetchUser(id: string, { signal }: { signal?: AbortSignal } = {}) {\n  return fetch(`/users/${id}`, { signal });\n}\nexport async function load(id: string, options: { signal?: AbortSignal; cache?: boolean }, signal: AbortSignal) {\n  return fetchUser(id, options);\n}',
      // Imported: a `signal` declared as an OS signal's name, not an AbortSignal.
      inSignals("import { kill } from './lib/http';\nexport async function stop(pid: number, signal: AbortSignal) {\n  signal.throwIfAborted();\n  kill(pid);\n}"),
      // Imported: options whose `signal` is declared a string.
      inSignals("import { cached } from './lib/http';\nexport async function warm(key: string, signal: AbortSignal) {\n  signal.throwIfAborted();\n  return cached(key, { ttl: 1 } as never);\n}"),
      // Imported: an AbortSignal argument named otherwise shows nothing without types, as in this file.
      inSignals("import { linked } from './lib/http';\nexport async function load(url: string, signal: AbortSignal) {\n  signal.throwIfAborted();\n  return linked(url, undefined as never);\n}"),
      // Imported plain JavaScript, judged from its bodies as this file's functions are: a `signal` it
      // only logs, an OS signal's name, one it writes before passing on, one a callback's own
      // parameter shadows; none of them shows that the caller's signal is passed on.
      inSignals("import { report, stop, retry, relay } from './lib/legacy.js';\nexport async function get(url: string, signal: AbortSignal) {\n  signal.throwIfAborted();\n  stop(1);\n  relay(undefined, []);\n  return [await report(url), await retry(url)];\n}"),
      // The same through CommonJS: a `signal` only written into a string.
      inSignals("const { describe } = require('./lib/legacy.cjs');\nexport async function get(url: string, signal: AbortSignal) {\n  signal.throwIfAborted();\n  return fetch(describe(url), { signal });\n}"),
      // signal-passed to a plain-JavaScript function.
      inSignals("import { load } from './lib/legacy.js';\nexport async function get(url: string, signal: AbortSignal) {\n  return load(url, signal);\n}"),
      // signal-passed, through a re-export.
      inSignals("import { getJson } from './lib';\nexport async function get(url: string, signal: AbortSignal) {\n  return getJson(url, { signal });\n}"),
      // An import the index cannot resolve proves nothing.
      inSignals("import { fetchJson } from './lib/missing';\nexport async function get(url: string, signal: AbortSignal) {\n  return fetchJson(url);\n}"),
      // A method of the class that takes no signal.
      inSignals("import { Client } from './lib/http';\nexport async function up(signal: AbortSignal) {\n  const client = new Client('http://localhost');\n  signal.throwIfAborted();\n  return client.ping();\n}"),
      // A member of an object nothing declares: never by the method's name.
      "export async function load(api: any, url: string, signal: AbortSignal) {\n  return api.get(url);\n}",
      // opaque-options: a method given options the analysis cannot see into.
      inSignals("import { Client } from './lib/http';\nexport async function get(client: Client, init: { headers: Record<string, string> }, signal: AbortSignal) {\n  return client.get('/a', init);\n}"),
      // signal-tested: the code chooses by hand between a call with the signal and one without.
      "interface Server {\n  callTool(name: string, meta?: object, options?: { signal?: AbortSignal }): Promise<unknown>;\n}\nexport async function call(server: Server, details?: { signal?: AbortSignal }) {\n  const callOptions = details?.signal ? { signal: details.signal } : undefined;\n  return callOptions ? server.callTool('x', undefined, callOptions) : server.callTool('x');\n}",
      'export async function load(url: string, signal?: AbortSignal) {\n  return signal ? fetch(url, { signal }) : fetch(url);\n}',
      // returns-no-promise: a function that builds a request around the signal runs nothing to stop.
      "function makeRequest(input: string, signal?: AbortSignal): { input: string; signal?: AbortSignal } {\n  return { input, signal };\n}\nexport async function run(controller: AbortController, signal: AbortSignal) {\n  const request = { ...makeRequest('x'), signal };\n  return fetch('/', { signal: request.signal });\n}",
      // Options typed with a `signal` that the function never reads (only other fields): it takes none.
      inSignals("import { withRetries, describeDownload } from './lib/http';\nexport async function label(url: string, signal: AbortSignal) {\n  signal.throwIfAborted();\n  return [await withRetries(url), await describeDownload(url, { retries: 1 })];\n}"),
      "interface Config {\n  runName?: string;\n  signal?: AbortSignal;\n}\nasync function patchConfig(config: Config = {}, { runName }: Config = {}): Promise<Config> {\n  return { ...config, runName };\n}\nexport async function step(config: Config, signal: AbortSignal) {\n  signal.throwIfAborted();\n  return patchConfig(config, { runName: 'x' });\n}",
      // No signal in scope where the function that takes one is called.
      'async function fetchUser(id: string, { signal }: { signal?: AbortSignal } = {}) {\n  return fetch(`/users/${id}`, { signal });\n}\nexport async function load(id: string) {\n  return fetchUser(id);\n}',
    ],
    invalid: [
      {
        // Options laid out one per line get the signal on a line of its own, as a formatter writes it;
        // arguments one per line get the options object so too.
        code: "export async function load(url: string, signal: AbortSignal) {\n  await fetch(url, {\n    method: 'POST',\n    body: 'x'\n  });\n  await fetch(url, {\n    method: 'PUT',\r\n  });\n  await fetch(\n    url\n  );\n}",
        output: "export async function load(url: string, signal: AbortSignal) {\n  await fetch(url, {\n    method: 'POST',\n    body: 'x',\n    signal\n  });\n  await fetch(url, {\n    method: 'PUT',\n    signal,\r\n  });\n  await fetch(\n    url,\n    { signal }\n  );\n}",
        errors: [
          { messageId: 'propagateAbortSignal', data: { name: 'fetch', signal: 'signal' }, line: 2 },
          { messageId: 'propagateAbortSignal', data: { name: 'fetch', signal: 'signal' }, line: 6 },
          { messageId: 'propagateAbortSignal', data: { name: 'fetch', signal: 'signal' }, line: 9 },
        ],
      },
      {
        // A test of `signal.aborted` is not a choice between having a signal and not: still reported.
        code: 'export async function load(url: string, signal: AbortSignal) {\n  if (!signal.aborted) {\n    await fetch(url);\n  }\n}',
        output: 'export async function load(url: string, signal: AbortSignal) {\n  if (!signal.aborted) {\n    await fetch(url, { signal });\n  }\n}',
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'fetch', signal: 'signal' }, line: 3 }],
      },
      {
        // An interface's method: an implementation may treat a skipped argument otherwise, so a suggestion.
        code: "interface Server {\n  callTool(name: string, meta?: object, options?: { signal?: AbortSignal }): Promise<unknown>;\n}\nexport async function call(server: Server, signal: AbortSignal) {\n  return server.callTool('x');\n}",
        output: null,
        errors: [
          {
            messageId: 'propagateAbortSignal',
            data: { name: 'server.callTool', signal: 'signal' },
            suggestions: [
              {
                messageId: 'suggestPassSignal',
                data: { name: 'server.callTool', signal: 'signal' },
                output: "interface Server {\n  callTool(name: string, meta?: object, options?: { signal?: AbortSignal }): Promise<unknown>;\n}\nexport async function call(server: Server, signal: AbortSignal) {\n  return server.callTool('x', undefined, { signal });\n}",
              },
            ],
          },
        ],
      },
      // Imported functions, read from their declarations: a destructured option, an imported
      // interface's `signal` (through tsconfig paths), a `signal` argument.
      withFix(
        "import { fetchJson } from './lib/http';\nimport { download } from '@lib/http';\nimport { sleep } from './lib/http';\nexport async function mirror(url: string, signal: AbortSignal) {\n  const meta = await fetchJson(url + '.json');\n  await sleep(100);\n  return download(url, { retries: 2 });\n}",
        "import { fetchJson } from './lib/http';\nimport { download } from '@lib/http';\nimport { sleep } from './lib/http';\nexport async function mirror(url: string, signal: AbortSignal) {\n  const meta = await fetchJson(url + '.json', { signal });\n  await sleep(100, signal);\n  return download(url, { retries: 2, signal });\n}",
        [
          { messageId: 'propagateAbortSignal', data: { name: 'fetchJson', signal: 'signal' }, line: 5 },
          { messageId: 'propagateAbortSignal', data: { name: 'sleep', signal: 'signal' }, line: 6 },
          { messageId: 'propagateAbortSignal', data: { name: 'download', signal: 'signal' }, line: 7 },
        ],
      ),
      // Imported plain JavaScript, judged from its bodies: a `signal` argument it passes on, options
      // whose `.signal` it passes on, a destructured `signal`; a default export; re-exports; CommonJS
      // (`module.exports = { … }` with a function and a method, `exports.download = …`), required by
      // destructuring or as the whole module.
      withFix(
        "import { load, getText, post } from './lib/legacy.js';\nimport loadJson from './lib/default-load.js';\nimport { loadPlain } from './lib/plain.js';\nconst { fetchText } = require('./lib/legacy.cjs');\nconst lib = require('./lib/legacy.cjs');\nconst { download } = require('./lib/exports.cjs');\nexport async function sync(url: string, signal: AbortSignal) {\n  await load(url);\n  await getText(url);\n  await post(url, { body: 'x' });\n  await loadJson(url);\n  await loadPlain(url);\n  await fetchText(url);\n  await lib.head(url, { method: 'HEAD' });\n  return download(url);\n}",
        "import { load, getText, post } from './lib/legacy.js';\nimport loadJson from './lib/default-load.js';\nimport { loadPlain } from './lib/plain.js';\nconst { fetchText } = require('./lib/legacy.cjs');\nconst lib = require('./lib/legacy.cjs');\nconst { download } = require('./lib/exports.cjs');\nexport async function sync(url: string, signal: AbortSignal) {\n  await load(url, signal);\n  await getText(url, { signal });\n  await post(url, { body: 'x', signal });\n  await loadJson(url, signal);\n  await loadPlain(url, signal);\n  await fetchText(url, signal);\n  await lib.head(url, { method: 'HEAD', signal });\n  return download(url, { signal });\n}",
        [
          { messageId: 'propagateAbortSignal', data: { name: 'load', signal: 'signal' }, line: 8 },
          { messageId: 'propagateAbortSignal', data: { name: 'getText', signal: 'signal' }, line: 9 },
          { messageId: 'propagateAbortSignal', data: { name: 'post', signal: 'signal' }, line: 10 },
          { messageId: 'propagateAbortSignal', data: { name: 'loadJson', signal: 'signal' }, line: 11 },
          { messageId: 'propagateAbortSignal', data: { name: 'loadPlain', signal: 'signal' }, line: 12 },
          { messageId: 'propagateAbortSignal', data: { name: 'fetchText', signal: 'signal' }, line: 13 },
          { messageId: 'propagateAbortSignal', data: { name: 'lib.head', signal: 'signal' }, line: 14 },
          { messageId: 'propagateAbortSignal', data: { name: 'download', signal: 'signal' }, line: 15 },
        ],
      ),
      // Through a renaming re-export and a namespace import.
      withFix(
        "import { getJson } from './lib';\nimport * as http from './lib/index';\nexport async function both(url: string, { signal }: { signal?: AbortSignal }) {\n  return [await getJson(url), await http.fetchJson(url)];\n}",
        "import { getJson } from './lib';\nimport * as http from './lib/index';\nexport async function both(url: string, { signal }: { signal?: AbortSignal }) {\n  return [await getJson(url, { signal }), await http.fetchJson(url, { signal })];\n}",
        [
          { messageId: 'propagateAbortSignal', data: { name: 'getJson', signal: 'signal' } },
          { messageId: 'propagateAbortSignal', data: { name: 'http.fetchJson', signal: 'signal' } },
        ],
      ),
      // A method of an instance of an imported class, made here or declared as a parameter's type.
      withFix(
        "import { Client } from './lib/http';\nconst shared = new Client('http://localhost');\nexport async function load(client: Client, signal: AbortSignal) {\n  const a = await client.get('/a');\n  const b = await shared.get('/b', { headers: {} });\n  return [a, b];\n}",
        "import { Client } from './lib/http';\nconst shared = new Client('http://localhost');\nexport async function load(client: Client, signal: AbortSignal) {\n  const a = await client.get('/a', { signal });\n  const b = await shared.get('/b', { headers: {}, signal });\n  return [a, b];\n}",
        [
          { messageId: 'propagateAbortSignal', data: { name: 'client.get', signal: 'signal' }, line: 4 },
          { messageId: 'propagateAbortSignal', data: { name: 'shared.get', signal: 'signal' }, line: 5 },
        ],
      ),
      {
        // A method of the class itself, through `this`: a subclass may override it with other
        // parameters, so the signal is a suggestion.
        code: 'export class Crawler {\n  async fetchPage(url: string, signal?: AbortSignal) {\n    return (await fetch(url, { signal })).text();\n  }\n  async crawl(urls: string[], signal: AbortSignal) {\n    const pages = [];\n    for (const url of urls) pages.push(await this.fetchPage(url));\n    return pages;\n  }\n}',
        output: null,
        errors: [
          {
            messageId: 'propagateAbortSignal',
            data: { name: 'this.fetchPage', signal: 'signal' },
            line: 7,
            suggestions: [
              {
                messageId: 'suggestPassSignal',
                data: { name: 'this.fetchPage', signal: 'signal' },
                output: 'export class Crawler {\n  async fetchPage(url: string, signal?: AbortSignal) {\n    return (await fetch(url, { signal })).text();\n  }\n  async crawl(urls: string[], signal: AbortSignal) {\n    const pages = [];\n    for (const url of urls) pages.push(await this.fetchPage(url, signal));\n    return pages;\n  }\n}',
              },
            ],
          },
        ],
      },
      {
        // A function of this file whose options are declared with a `signal` member, though its body only passes them on.
        code: 'interface LoadOptions {\n  signal?: AbortSignal;\n}\ndeclare function request(url: string, options: LoadOptions): Promise<string>;\nfunction load(url: string, options: LoadOptions = {}) {\n  return request(url, options);\n}\nexport async function get(url: string, signal: AbortSignal) {\n  return load(url);\n}',
        output: 'interface LoadOptions {\n  signal?: AbortSignal;\n}\ndeclare function request(url: string, options: LoadOptions): Promise<string>;\nfunction load(url: string, options: LoadOptions = {}) {\n  return request(url, options);\n}\nexport async function get(url: string, signal: AbortSignal) {\n  return load(url, { signal });\n}',
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'load', signal: 'signal' }, line: 9 }],
      },
      {
        // A function of the file that takes a signal in its options: the second call forgets it.
        code: 'async function fetchUser(id: string, { signal }: { signal?: AbortSignal } = {}) {\n  return fetch(`/users/${id}`, { signal });\n}\nexport async function loadPair(a: string, b: string, signal: AbortSignal) {\n  const first = await fetchUser(a, { signal });\n  const second = await fetchUser(b);\n  return [first, second];\n}',
        output: 'async function fetchUser(id: string, { signal }: { signal?: AbortSignal } = {}) {\n  return fetch(`/users/${id}`, { signal });\n}\nexport async function loadPair(a: string, b: string, signal: AbortSignal) {\n  const first = await fetchUser(a, { signal });\n  const second = await fetchUser(b, { signal });\n  return [first, second];\n}',
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'fetchUser', signal: 'signal' }, line: 6 }],
      },
      {
        // A `signal` argument, after `undefined` for a skipped one with a default; and a recursive call.
        code: 'async function get(url: string, retries = 3, signal?: AbortSignal) {\n  signal?.throwIfAborted();\n  return (await fetch(url, { signal })).text();\n}\nexport async function crawl(url: string, depth: number, signal: AbortSignal) {\n  const page = await get(url);\n  if (depth > 0) await crawl(page, depth - 1);\n  return page;\n}',
        output: 'async function get(url: string, retries = 3, signal?: AbortSignal) {\n  signal?.throwIfAborted();\n  return (await fetch(url, { signal })).text();\n}\nexport async function crawl(url: string, depth: number, signal: AbortSignal) {\n  const page = await get(url, undefined, signal);\n  if (depth > 0) await crawl(page, depth - 1, signal);\n  return page;\n}',
        errors: [
          { messageId: 'propagateAbortSignal', data: { name: 'get', signal: 'signal' }, line: 6 },
          { messageId: 'propagateAbortSignal', data: { name: 'crawl', signal: 'signal' }, line: 7 },
        ],
      },
      {
        // An arrow bound to a `const`, whose options' `.signal` is passed on; the caller's signal is an option too.
        code: 'const download = async (url: string, options: { signal?: AbortSignal } = {}) => {\n  const response = await fetch(url, { signal: options.signal });\n  return response.text();\n};\nexport async function mirror(url: string, options: { signal?: AbortSignal }) {\n  options.signal?.throwIfAborted();\n  return download(url, {});\n}',
        output: 'const download = async (url: string, options: { signal?: AbortSignal } = {}) => {\n  const response = await fetch(url, { signal: options.signal });\n  return response.text();\n};\nexport async function mirror(url: string, options: { signal?: AbortSignal }) {\n  options.signal?.throwIfAborted();\n  return download(url, { signal: options.signal });\n}',
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'download', signal: 'options.signal' }, line: 7 }],
      },
      {
        // A destructured, typed option: the fix passes it.
        code: 'export async function load(url: string, { signal }: { signal?: AbortSignal } = {}) {\n  const res = await fetch(url);\n  return res.json();\n}',
        output: 'export async function load(url: string, { signal }: { signal?: AbortSignal } = {}) {\n  const res = await fetch(url, { signal });\n  return res.json();\n}',
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'fetch', signal: 'signal' }, line: 2, column: 21 }],
      },
      {
        // Shown by use: it is passed to one call and forgotten at the next. An fs call's string options
        // are its encoding, so they become an object with the signal; a string the catalogue does not
        // know as an encoding is left to you.
        code: "import { readFile } from 'node:fs/promises';\nexport async function both(a: string, options: { signal?: AbortSignal }) {\n  const { signal } = options;\n  const first = await fetch(a, { signal });\n  const text = await readFile('x.json', { encoding: 'utf8' });\n  const more = await readFile('y.json', 'utf8');\n  const odd = await fetch(a, 'no-cors');\n  return [first, text, more, odd];\n}",
        output:
          "import { readFile } from 'node:fs/promises';\nexport async function both(a: string, options: { signal?: AbortSignal }) {\n  const { signal } = options;\n  const first = await fetch(a, { signal });\n  const text = await readFile('x.json', { encoding: 'utf8', signal });\n  const more = await readFile('y.json', { encoding: 'utf8', signal });\n  const odd = await fetch(a, 'no-cors');\n  return [first, text, more, odd];\n}",
        errors: [
          { messageId: 'propagateAbortSignal', data: { name: 'fs/promises.readFile', signal: 'signal' }, line: 5 },
          { messageId: 'propagateAbortSignal', data: { name: 'fs/promises.readFile', signal: 'signal' }, line: 6 },
          { messageId: 'propagateAbortSignalByHand', line: 7 },
        ],
      },
      {
        // timers/promises takes its options third: the value before them is filled in.
        code: "import { setTimeout as sleep } from 'node:timers/promises';\nexport async function poll(signal: AbortSignal) {\n  while (!signal.aborted) {\n    await sleep(1000);\n  }\n}",
        output: "import { setTimeout as sleep } from 'node:timers/promises';\nexport async function poll(signal: AbortSignal) {\n  while (!signal.aborted) {\n    await sleep(1000, undefined, { signal });\n  }\n}",
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'timers/promises.setTimeout', signal: 'signal' } }],
      },
      {
        // The function's own controller, aborted by a timer later: its signal is passed on.
        code: "export async function handler(req: Request) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 5000);\n  const a = await fetch(req.url, { signal: controller.signal });\n  const b = await fetch(req.url + '/more');\n  return [a, b];\n}",
        output:
          "export async function handler(req: Request) {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 5000);\n  const a = await fetch(req.url, { signal: controller.signal });\n  const b = await fetch(req.url + '/more', { signal: controller.signal });\n  return [a, b];\n}",
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'fetch', signal: 'controller.signal' }, line: 5 }],
      },
      {
        // A `new Promise` executor runs at once, inside the function that has the signal.
        code: "import { exec } from 'node:child_process';\nexport function run(command: string, signal: AbortSignal) {\n  return new Promise<string>((resolve, reject) => {\n    exec(command, (error, stdout) => (error ? reject(error) : resolve(stdout)));\n  });\n}",
        output: "import { exec } from 'node:child_process';\nexport function run(command: string, signal: AbortSignal) {\n  return new Promise<string>((resolve, reject) => {\n    exec(command, { signal }, (error, stdout) => (error ? reject(error) : resolve(stdout)));\n  });\n}",
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'child_process.exec', signal: 'signal' }, line: 4, column: 5 }],
      },
      {
        // An option of a parameter, shown by its use; written as the code reads it (`?.`).
        code: "interface RequestOptions { timeout?: number }\nexport async function get(url: string, options?: RequestOptions & { signal?: unknown }) {\n  if (options?.signal?.aborted) throw new Error('aborted');\n  return fetch(url, { headers: { accept: 'application/json' } });\n}",
        output:
          "interface RequestOptions { timeout?: number }\nexport async function get(url: string, options?: RequestOptions & { signal?: unknown }) {\n  if (options?.signal?.aborted) throw new Error('aborted');\n  return fetch(url, { headers: { accept: 'application/json' }, signal: options?.signal });\n}",
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'fetch', signal: 'options?.signal' } }],
      },
      {
        // CommonJS: exec's options go before the callback; an empty options literal gets the signal.
        code: "const { exec } = require('node:child_process');\nconst { once } = require('node:events');\nasync function build(dir, signal) {\n  if (signal.aborted) return;\n  exec('make', (error) => {});\n  await once(process, 'beforeExit', {});\n}\nmodule.exports = build;",
        ...cjs,
        output:
          "const { exec } = require('node:child_process');\nconst { once } = require('node:events');\nasync function build(dir, signal) {\n  if (signal.aborted) return;\n  exec('make', { signal }, (error) => {});\n  await once(process, 'beforeExit', { signal });\n}\nmodule.exports = build;",
        errors: [
          { messageId: 'propagateAbortSignal', data: { name: 'child_process.exec', signal: 'signal' } },
          { messageId: 'propagateAbortSignal', data: { name: 'events.once', signal: 'signal' } },
        ],
      },
    ],
  },
  {
    // With types, the checker decides what is an `AbortSignal`, whatever its name.
    host: 'typed',
    valid: [
      // Untyped, `{ signal }` would show an AbortSignal; the type says it is an OS signal's name.
      "export async function stop(url: string, signal: 'SIGTERM' | 'SIGINT') {\n  const options = { signal };\n  await fetch(url + '/stop?by=' + options.signal);\n}",
      'export async function load(url: string, abortSignal: AbortSignal) {\n  return fetch(url, { signal: abortSignal });\n}',
      // A value typed AbortSignal only after the call.
      'export async function load(url: string) {\n  await fetch(url);\n  const later = AbortSignal.timeout(10);\n  return later;\n}',
      // A library's methods, by their declared types (typed-sdk.d.ts), that take no signal as the call is written:
      // overloads of which only some take one; a handle, not a promise; options that may be an encoding's
      // name; a `Request` (its `signal` is not an option); `any` options; an `any` value; a union whose
      // members disagree.
      "import { createClient } from 'typed-sdk';\nexport async function names(signal: AbortSignal) {\n  const client = createClient();\n  return client.users.list();\n}",
      "import { createClient } from 'typed-sdk';\nexport async function follow(id: string, signal: AbortSignal) {\n  const client = createClient();\n  const handle = client.users.watch(id);\n  signal.throwIfAborted();\n  return handle;\n}",
      "import { createClient } from 'typed-sdk';\nexport async function read(path: string, signal: AbortSignal) {\n  return createClient().users.read(path, 'utf8');\n}",
      "import { createClient } from 'typed-sdk';\nexport async function send(request: Request, signal: AbortSignal) {\n  return createClient().users.send(request);\n}",
      "import { createClient, untyped } from 'typed-sdk';\nexport async function raw(path: string, signal: AbortSignal) {\n  await createClient().users.raw(path);\n  return untyped.get(path);\n}",
      "import type { Client, Mirror } from 'typed-sdk';\nexport async function either(api: Client | Mirror, signal: AbortSignal) {\n  return api.request('/status');\n}",
      // A function of the project whose options' type declares a `signal` its body does not read.
      "function makeApi() {\n  return {\n    async get(path: string, { retries }: { retries?: number; signal?: AbortSignal } = {}) {\n      return fetch(path + '?retries=' + retries);\n    },\n  };\n}\nexport async function load(signal: AbortSignal) {\n  signal.throwIfAborted();\n  return makeApi().get('/x');\n}",
      // Options typed with a `signal` that the body never reads (the parameter is unused past its other members).
      "async function load(url: string, options: { retries?: number; signal?: AbortSignal }) {\n  return fetch(url + '?retries=' + options.retries);\n}\nconst api = { load };\nexport async function run(signal: AbortSignal) {\n  signal.throwIfAborted();\n  return api.load('/x', {});\n}",
      // A generic wrapper that forwards its rest arguments declares no signal of its own.
      "async function fetchUser(id: string, { signal }: { signal?: AbortSignal } = {}) {\n  return fetch('/users/' + id, { signal });\n}\nasync function retry<A extends unknown[], R>(fn: (...args: A) => Promise<R>, ...args: A): Promise<R> {\n  return fn(...args);\n}\nexport async function load(id: string, signal: AbortSignal) {\n  signal.throwIfAborted();\n  return retry(fetchUser, id);\n}",
      // signal-passed: a signal parameter defaulting to the signal in scope gets it when left out
      // (tried on a real open-source repo: openai-agents-js runs its tool categories this way).
      "export async function run(signal?: AbortSignal) {\n  const step = (executionSignal = signal) => fetch('/step', { signal: executionSignal });\n  return step();\n}",
      // in-cleanup still holds for a typed taker.
      "import { createClient } from 'typed-sdk';\nexport async function load(id: string, signal: AbortSignal) {\n  const client = createClient();\n  try {\n    return await client.users.get(id, { signal });\n  } finally {\n    await client.request('/log');\n  }\n}",
    ],
    invalid: [
      {
        // A library's method whose declared options take a signal; a declaration, not the code that runs, so a suggestion.
        code: "import { createClient } from 'typed-sdk';\nexport async function load(id: string, signal: AbortSignal) {\n  const client = createClient();\n  return client.users.get(id);\n}",
        errors: [
          {
            messageId: 'propagateAbortSignal',
            data: { name: 'client.users.get', signal: 'signal' },
            line: 4,
            suggestions: [
              {
                messageId: 'suggestPassSignal',
                data: { name: 'client.users.get', signal: 'signal' },
                output: "import { createClient } from 'typed-sdk';\nexport async function load(id: string, signal: AbortSignal) {\n  const client = createClient();\n  return client.users.get(id, { signal });\n}",
              },
            ],
          },
        ],
      },
      {
        // Options written as a literal get the signal; a parameter typed `AbortSignal` gets it as the argument;
        // an optional chain and a signal of another name, known only by its type.
        code: "import { createClient } from 'typed-sdk';\nexport async function sync(id: string, abortSignal?: AbortSignal) {\n  const client = createClient();\n  await client.request('/sync', { timeout: 5000 });\n  await client.users.poll(id);\n  return client?.users.get(id);\n}",
        errors: [
          {
            messageId: 'propagateAbortSignal',
            data: { name: 'client.request', signal: 'abortSignal' },
            line: 4,
            suggestions: [
              {
                messageId: 'suggestPassSignal',
                data: { name: 'client.request', signal: 'abortSignal' },
                output: "import { createClient } from 'typed-sdk';\nexport async function sync(id: string, abortSignal?: AbortSignal) {\n  const client = createClient();\n  await client.request('/sync', { timeout: 5000, signal: abortSignal });\n  await client.users.poll(id);\n  return client?.users.get(id);\n}",
              },
            ],
          },
          {
            messageId: 'propagateAbortSignal',
            data: { name: 'client.users.poll', signal: 'abortSignal' },
            line: 5,
            suggestions: [
              {
                messageId: 'suggestPassSignal',
                data: { name: 'client.users.poll', signal: 'abortSignal' },
                output: "import { createClient } from 'typed-sdk';\nexport async function sync(id: string, abortSignal?: AbortSignal) {\n  const client = createClient();\n  await client.request('/sync', { timeout: 5000 });\n  await client.users.poll(id, abortSignal);\n  return client?.users.get(id);\n}",
              },
            ],
          },
          {
            messageId: 'propagateAbortSignal',
            data: { name: 'client?.users.get', signal: 'abortSignal' },
            line: 6,
            suggestions: [
              {
                messageId: 'suggestPassSignal',
                data: { name: 'client?.users.get', signal: 'abortSignal' },
                output: "import { createClient } from 'typed-sdk';\nexport async function sync(id: string, abortSignal?: AbortSignal) {\n  const client = createClient();\n  await client.request('/sync', { timeout: 5000 });\n  await client.users.poll(id);\n  return client?.users.get(id, { signal: abortSignal });\n}",
              },
            ],
          },
        ],
      },
      {
        // A method of the project the declaration index cannot follow (made by a function), whose body reads
        // its options' signal: the function the call runs, so a fix.
        code: "function makeApi() {\n  return {\n    async get(path: string, options: { signal?: AbortSignal } = {}) {\n      const response = await fetch(path, { signal: options.signal });\n      return response.text();\n    },\n  };\n}\nexport async function load(signal: AbortSignal) {\n  signal.throwIfAborted();\n  return makeApi().get('/x');\n}",
        output: "function makeApi() {\n  return {\n    async get(path: string, options: { signal?: AbortSignal } = {}) {\n      const response = await fetch(path, { signal: options.signal });\n      return response.text();\n    },\n  };\n}\nexport async function load(signal: AbortSignal) {\n  signal.throwIfAborted();\n  return makeApi().get('/x', { signal });\n}",
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'makeApi().get', signal: 'signal' }, line: 11 }],
      },
      {
        // A value typed after a function that takes a signal (a memoizer's result): the wrapper runs, not
        // the function read, so a suggestion.
        code: "import { wrap } from 'typed-sdk';\nasync function fetchUser(id: string, { signal }: { signal?: AbortSignal } = {}) {\n  return fetch('/users/' + id, { signal });\n}\nconst cachedUser = wrap(fetchUser);\nexport async function load(id: string, signal: AbortSignal) {\n  return cachedUser(id);\n}",
        errors: [
          {
            messageId: 'propagateAbortSignal',
            data: { name: 'cachedUser', signal: 'signal' },
            suggestions: [
              {
                messageId: 'suggestPassSignal',
                data: { name: 'cachedUser', signal: 'signal' },
                output: "import { wrap } from 'typed-sdk';\nasync function fetchUser(id: string, { signal }: { signal?: AbortSignal } = {}) {\n  return fetch('/users/' + id, { signal });\n}\nconst cachedUser = wrap(fetchUser);\nexport async function load(id: string, signal: AbortSignal) {\n  return cachedUser(id, { signal });\n}",
              },
            ],
          },
        ],
      },
      {
        code: 'export async function load(url: string, abortSignal: AbortSignal) {\n  return fetch(url);\n}',
        output: 'export async function load(url: string, abortSignal: AbortSignal) {\n  return fetch(url, { signal: abortSignal });\n}',
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'fetch', signal: 'abortSignal' }, line: 2, column: 10 }],
      },
      {
        code: "export async function both(url: string) {\n  const deadline = AbortSignal.timeout(1000);\n  const a = await fetch(url, { signal: deadline });\n  const b = await fetch(url + '/more', { method: 'POST' });\n  return [a, b];\n}",
        output: "export async function both(url: string) {\n  const deadline = AbortSignal.timeout(1000);\n  const a = await fetch(url, { signal: deadline });\n  const b = await fetch(url + '/more', { method: 'POST', signal: deadline });\n  return [a, b];\n}",
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'fetch', signal: 'deadline' }, line: 4 }],
      },
      {
        // An optional signal passes on as well.
        code: 'export async function load(url: string, opts: { cancel?: AbortSignal }) {\n  const { cancel } = opts;\n  return fetch(url);\n}',
        output: 'export async function load(url: string, opts: { cancel?: AbortSignal }) {\n  const { cancel } = opts;\n  return fetch(url, { signal: cancel });\n}',
        errors: [{ messageId: 'propagateAbortSignal', data: { name: 'fetch', signal: 'cancel' } }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ["export function onExit(code, signal) {\n  return fetch('/exit?signal=' + signal);\n}"],
    invalid: [
      {
        code: "export async function load(url, signal) {\n  signal.throwIfAborted();\n  return fetch(url, { method: 'GET' });\n}",
        output: "export async function load(url, signal) {\n  signal.throwIfAborted();\n  return fetch(url, { method: 'GET', signal });\n}",
        errors: [{ messageId: 'propagateAbortSignal' }],
      },
    ],
  },
]);
