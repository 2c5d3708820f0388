import rule from '../../src/rules/prefer-promise-api';
import { defineRuleCases } from '../rule-tester';

const cjs = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // The promise API already.
      "import { readFile } from 'node:fs/promises';\nexport const load = (p: string) => readFile(p, 'utf8');",
      // Not the callback form: randomBytes without a callback is synchronous.
      "import crypto from 'node:crypto';\nexport const id = () => crypto.randomBytes(16).toString('hex');",
      // Not Node core: fs-extra's readFile, or a user's own `exec`.
      "import fse from 'fs-extra';\nfse.readFile('a.txt', (err, data) => console.log(err, data));",
      'function exec(cmd, cb) { cb(null, cmd); }\nexec("ls", (err, out) => console.log(out));',
      // Global timers are not resolved through a module: setTimeout stays.
      'setTimeout(() => console.log("later"), 10);',
      // Test files are left alone by default (`done`-callback tests are a style of their own).
      { code: "import fs from 'node:fs';\nit('reads', (done) => {\n  fs.readFile('a.txt', done);\n});", filename: 'test/read.js' },
      // A shadowed `fs`.
      "import fs from 'node:fs';\nexport function read(fs: { readFile(p: string, cb: () => void): void }) {\n  fs.readFile('a', () => {});\n}",
      // The handle is the point: a timer kept to clear or unref, the pipeline's stream, a child process.
      "import { setTimeout } from 'node:timers';\nexport class Collector {\n  timer: unknown;\n  constructor(ms: number) {\n    this.timer = setTimeout(() => this.stop(), ms).unref();\n  }\n  stop() {}\n}",
      "import { setTimeout } from 'node:timers';\nexport async function once(ms: number, run: () => void) {\n  const timer = setTimeout(run, ms);\n  return () => clearTimeout(timer);\n}",
      "import { pipeline, type Readable } from 'node:stream';\nexport const chain = (streams: Readable[]) => pipeline(streams, () => {}) as unknown as Readable;",
      "const { exec } = require('node:child_process');\nconst child = exec('npm test', (err) => console.log(err));\nchild.stdout.pipe(process.stdout);",
      // A timer that schedules work instead of waiting: in a function that is not async, before
      // more code, with a named or async callback, or beside a timeout in a `new Promise`.
      "import { setTimeout } from 'node:timers';\nexport function retry(run: () => void) {\n  setTimeout(() => run(), 100);\n}",
      "import { setTimeout } from 'node:timers';\nexport async function handle(cleanup: () => void) {\n  setTimeout(() => cleanup(), 5000);\n  return 'ok';\n}",
      "import { setImmediate } from 'node:timers';\nexport async function drain(queue: (() => Promise<void>)[]) {\n  const next = queue.shift();\n  if (next) setImmediate(async () => {\n    await next();\n  });\n}",
      "import { setTimeout } from 'node:timers';\nexport async function later(done: () => void) {\n  setTimeout(done, 10);\n}",
      "import { setTimeout } from 'node:timers';\nimport type { EventEmitter } from 'node:events';\nexport function ready(emitter: EventEmitter, ms: number) {\n  return new Promise<void>((resolve, reject) => {\n    const timer = setTimeout(() => reject(new Error('timeout')), ms);\n    emitter.once('ready', () => {\n      clearTimeout(timer);\n      resolve();\n    });\n  });\n}",
      "import { setTimeout } from 'node:timers';\nexport const settle = (value: number) => new Promise((resolve) => setTimeout(() => resolve(value * 2), 10).unref());",
    ],
    invalid: [
      {
        code: "import fs from 'node:fs';\nfs.readFile('config.json', 'utf8', (err, text) => {\n  if (err) throw err;\n  console.log(JSON.parse(text));\n});",
        errors: [{ messageId: 'preferPromiseApi', line: 2, column: 1, data: { name: 'fs.readFile', twin: '`readFile` from `node:fs/promises`', result: 'the value' } }],
      },
      {
        // not-a-forwarding-wrapper: a callback that does more than forward gets no suggestion.
        code: "const { exec } = require('child_process');\nexec('git status', (err, stdout) => {\n  console.log(err ? 'failed' : stdout);\n});",
        ...cjs,
        errors: [{ messageId: 'preferPromiseApi', data: { name: 'exec', twin: '`util.promisify(child_process.exec)`', result: '`{ stdout, stderr }`' } }],
      },
      {
        // The forwarding wrapper: the twin does exactly this.
        code: "import fs from 'node:fs';\nexport function read(p: string) {\n  return new Promise((resolve, reject) => fs.readFile(p, 'utf8', (err, text) => (err ? reject(err) : resolve(text))));\n}",
        errors: [
          {
            messageId: 'preferPromiseApi',
            suggestions: [
              {
                messageId: 'suggestPromiseTwin',
                data: { twin: '`readFile` from `node:fs/promises`' },
                output: "import fs from 'node:fs';\nexport function read(p: string) {\n  return fs.promises.readFile(p, 'utf8');\n}",
              },
            ],
          },
        ],
      },
      {
        // mkdir's twin resolves to the first folder it created, this wrapper to undefined: no suggestion.
        code: "const { mkdir } = require('node:fs');\nfunction ensureDir(dir) {\n  return new Promise((resolve, reject) => {\n    mkdir(dir, { recursive: true }, (err) => {\n      if (err) return reject(err);\n      resolve();\n    });\n  });\n}\nmodule.exports = ensureDir;",
        ...cjs,
        errors: [
          {
            messageId: 'preferPromiseApi',
            data: { name: 'mkdir', twin: '`mkdir` from `node:fs/promises`', result: 'the value' },
            suggestions: [],
          },
        ],
      },
      {
        code: "const zlib = require('zlib');\nconst pack = (body) => new Promise((resolve, reject) => {\n  zlib.gzip(body, (error, packed) => {\n    if (error) reject(error);\n    else resolve(packed);\n  });\n});\nmodule.exports = pack;",
        ...cjs,
        errors: [
          {
            messageId: 'preferPromiseApi',
            suggestions: [
              {
                messageId: 'suggestPromiseTwin',
                data: { twin: '`util.promisify(zlib.gzip)`' },
                output: "const zlib = require('zlib');\nconst { promisify } = require('util');\nconst pack = (body) => promisify(zlib.gzip)(body);\nmodule.exports = pack;",
              },
            ],
          },
        ],
      },
      {
        // testFiles: [] reports in tests too.
        code: "import fs from 'node:fs';\nit('reads', (done) => {\n  fs.readFile('a.txt', done);\n});",
        filename: 'test/read.js',
        options: [{ testFiles: [] }],
        errors: [{ messageId: 'preferPromiseApi' }],
      },
      {
        code: "import dns from 'node:dns';\ndns.lookup('example.org', (err, address, family) => console.log(address, family));",
        errors: [{ messageId: 'preferPromiseApi', data: { name: 'dns.lookup', twin: '`lookup` from `node:dns/promises`', result: '`{ address, family }`' } }],
      },
      {
        // The call ends an async function: the awaited twin, with the callback's body after it (callback-to-promise-api's plan).
        code: "import fs from 'node:fs';\nexport async function print(p: string) {\n  fs.readFile(p, 'utf8', (err, text) => {\n    if (err) throw err;\n    console.log(text);\n  });\n}",
        errors: [
          {
            messageId: 'preferPromiseApi',
            line: 3,
            suggestions: [
              {
                messageId: 'suggestAwaitTwin',
                data: { twin: '`readFile` from `node:fs/promises`' },
                output: "import fs from 'node:fs';\nexport async function print(p: string) {\n  const text = await fs.promises.readFile(p, 'utf8');\n  console.log(text);\n}",
              },
            ],
          },
        ],
      },
      {
        // A handled error becomes try/catch around the await alone.
        code: "const fs = require('fs');\nasync function clean(file, log) {\n  fs.unlink(file, (err) => {\n    if (err) {\n      log(err);\n      return;\n    }\n    log('removed');\n  });\n}\nmodule.exports = { clean };",
        ...cjs,
        errors: [
          {
            messageId: 'preferPromiseApi',
            suggestions: [
              {
                messageId: 'suggestAwaitTwin',
                data: { twin: '`unlink` from `node:fs/promises`' },
                output: "const fs = require('fs');\nasync function clean(file, log) {\n  try {\n    await fs.promises.unlink(file);\n  } catch (err) {\n    log(err);\n    return;\n  }\n  log('removed');\n}\nmodule.exports = { clean };",
              },
            ],
          },
        ],
      },
      {
        // code-after-callback-call: the log ran before the callback and would run after the await.
        code: "import fs from 'node:fs';\nexport async function print(p: string) {\n  fs.readFile(p, 'utf8', (err, text) => {\n    if (err) throw err;\n    console.log(text);\n  });\n  console.log('started');\n}",
        errors: [{ messageId: 'preferPromiseApi', suggestions: [] }],
      },
      {
        // A `new Promise` that only waits for an imported timer: `setTimeout(ms)` of node:timers/promises is that.
        code: "import { setTimeout } from 'node:timers';\nexport const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));",
        errors: [{ messageId: 'preferPromiseApi', data: { name: 'setTimeout', twin: '`setTimeout` from `node:timers/promises`', result: '`undefined`' }, suggestions: [] }],
      },
      {
        code: "const timers = require('timers');\nconst tick = () => new Promise((resolve) => {\n  timers.setImmediate(() => resolve());\n});\nmodule.exports = tick;",
        ...cjs,
        errors: [{ messageId: 'preferPromiseApi', data: { name: 'timers.setImmediate', twin: '`setImmediate` from `node:timers/promises`', result: '`undefined`' }, suggestions: [] }],
      },
      {
        // The timer ends an async function: the awaited twin, then its callback's body.
        code: "import timers from 'node:timers';\nexport async function later(report: (at: number) => void) {\n  timers.setTimeout(() => {\n    report(Date.now());\n  }, 50);\n}",
        errors: [
          {
            messageId: 'preferPromiseApi',
            suggestions: [
              {
                messageId: 'suggestAwaitTwin',
                data: { twin: '`setTimeout` from `node:timers/promises`' },
                output: "import timers from 'node:timers';\nexport async function later(report: (at: number) => void) {\n  await timers.promises.setTimeout(50);\n  report(Date.now());\n}",
              },
            ],
          },
        ],
      },
      {
        // A pipeline whose stream nobody keeps is still its twin's job (`void` drops the value too).
        code: "import { pipeline } from 'node:stream';\nimport type { Readable, Writable } from 'node:stream';\nexport function copy(from: Readable, to: Writable, done: (err?: Error | null) => void) {\n  void pipeline(from, to, (err) => done(err));\n}",
        errors: [{ messageId: 'preferPromiseApi', data: { name: 'pipeline', twin: '`pipeline` from `node:stream/promises`', result: 'the value' } }],
      },
      {
        // callback-error-ignored: the error is dropped today; after a rewrite it would reject.
        code: "import fs from 'node:fs';\nexport async function clean(p: string) {\n  fs.unlink(p, () => {});\n}",
        errors: [{ messageId: 'preferPromiseApi', suggestions: [] }],
      },
    ],
  },
]);
