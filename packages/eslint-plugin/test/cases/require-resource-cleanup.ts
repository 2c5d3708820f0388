import path from 'node:path';
import rule from '../../src/rules/require-resource-cleanup';
import { defineRuleCases } from '../rule-tester';

// Files in these folders get `await using` offered: a tsconfig.json with `esnext.disposable`, and a
// package.json with `engines.node` >= 24. Elsewhere (this repo's own tsconfig) it is not. The folders
// sit below test/, which the default `testFiles` globs leave alone, so those cases pass `testFiles: []`.
const disposable = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'disposable', name);
const node24 = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'node-24', name);

const pgCount = "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function count() {\n  const client = await pool.connect();\n  const res = await client.query('SELECT count(*) FROM t');\n  client.release();\n  return res.rows[0];\n}";
const readHead = "import { open } from 'node:fs/promises';\nexport async function head(path: string) {\n  const handle = await open(path);\n  const { bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);\n  await handle.close();\n  return bytesRead;\n}";

// Run by ESLint's RuleTester (require-resource-cleanup.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // released-in-finally: the canonical pool shape.
      "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function count() {\n  const client = await pool.connect();\n  try {\n    return (await client.query('SELECT 1')).rows;\n  } finally {\n    client.release();\n  }\n}",
      // released-in-finally: acquired inside the try, released if it was acquired.
      "import pg from 'pg';\nconst pool = new pg.Pool();\nexport async function run(sql: string) {\n  let client;\n  try {\n    client = await pool.connect();\n    await client.query(sql);\n  } finally {\n    if (client) client.release();\n  }\n}",
      // await-using: disposed however the block ends.
      "import { open } from 'node:fs/promises';\nexport async function size(p: string) {\n  await using handle = await open(p);\n  return (await handle.stat()).size;\n}",
      // returned: releasing it is the caller's job.
      "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function checkout() {\n  const client = await pool.connect();\n  await client.query('SET search_path TO app');\n  return client;\n}",
      "import { open } from 'fs/promises';\nexport const openLog = async (p: string) => open(p, 'a');",
      // handed-off: another function owns it now, or a closure releases it later.
      "import { open } from 'node:fs/promises';\nexport async function tail(p: string) {\n  const handle = await open(p);\n  return follow(handle);\n}",
      "import { open } from 'node:fs/promises';\nexport async function stream(p: string) {\n  const handle = await open(p);\n  const s = handle.createReadStream();\n  s.on('close', () => handle.close());\n  return s;\n}",
      // stored: on this, or in a binding that outlives the call.
      "import { Pool } from 'pg';\nconst pool = new Pool();\nexport class Repo {\n  client: unknown;\n  async begin() {\n    this.client = await pool.connect();\n  }\n}",
      "import { open } from 'node:fs/promises';\nlet log;\nexport async function init(p: string) {\n  log = await open(p, 'a');\n  await log.write('started\\n');\n}",
      // released-by-iteration: a full for await closes the interface and the directory, on break too.
      "import { createReadStream } from 'node:fs';\nimport { createInterface } from 'node:readline';\nexport async function count(p: string) {\n  const rl = createInterface({ input: createReadStream(p) });\n  let n = 0;\n  for await (const line of rl) if (line) n++;\n  return n;\n}",
      "import { opendir } from 'node:fs/promises';\nexport async function first(p: string) {\n  const dir = await opendir(p);\n  for await (const entry of dir) return entry.name;\n}",
      // released-in-catch: a hand-written every-path shape.
      "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function run(sql: string) {\n  const client = await pool.connect();\n  try {\n    await client.query(sql);\n  } catch (error) {\n    client.release();\n    throw error;\n  }\n  client.release();\n}",
      // nothing-throws-before-release.
      "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function ping() {\n  const client = await pool.connect();\n  client.release();\n}",
      // not-in-async-function: a sync function, or the module top level.
      "import readline from 'node:readline';\nexport function prompt() {\n  const rl = readline.createInterface({ input: process.stdin });\n  rl.on('line', (line) => console.log(line));\n}",
      // closed-at-input-end: an event-driven interface over a child's output closes when the child's stdout ends.
      "import * as readline from 'node:readline';\nimport { spawn } from 'node:child_process';\nexport async function launch(log: (line: string) => void) {\n  const child = spawn('server');\n  const out = readline.createInterface({ input: child.stdout });\n  out.on('line', (line) => log(line));\n  await new Promise((resolve) => child.once('close', resolve));\n}",
      // test-file: the test run's end releases what a failing test leaves.
      {
        code: "import { open } from 'node:fs/promises';\nit('reads', async () => {\n  const handle = await open('x');\n  await handle.read();\n  await handle.close();\n});",
        filename: 'test/read.test.ts',
      },
      // unknown-use: reassigned, so the rule cannot tell which value is released.
      "import { open } from 'node:fs/promises';\nexport async function swap(a: string, b: string) {\n  let handle = await open(a);\n  handle = await open(b);\n  await handle.read();\n}",
      // Your own open, connect and acquire are none of these.
      "import { open } from './storage';\nexport async function read(p: string) {\n  const handle = await open(p);\n  return handle.read();\n}",
      "const pool = makePool();\nexport async function run() {\n  const client = await pool.connect();\n  await client.query('x');\n  client.release();\n}",
      // pg's callback form hands the client to the callback.
      "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function run() {\n  pool.connect((err, client, done) => {\n    done();\n  });\n}",
      // A long-lived resource (a server) is not this function's to release.
      "import net from 'node:net';\nexport async function main() {\n  const server = net.createServer((socket) => socket.end());\n  await new Promise((resolve) => server.listen(0, () => resolve(undefined)));\n}",
    ],
    invalid: [
      {
        // The pool leaks a client whenever the query throws.
        code: pgCount,
        errors: [
          {
            messageId: 'notReleasedOnThrow',
            data: { acquisition: 'pool.connect()', resource: '`pg` PoolClient', release: 'client.release()', remedy: 'Release it in a `finally` block (`client.release()`)' },
            line: 4,
            column: 24,
            suggestions: [
              {
                messageId: 'suggestFinally',
                data: { release: 'client.release()' },
                output:
                  "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function count() {\n  const client = await pool.connect();\n  try {\n    const res = await client.query('SELECT count(*) FROM t');\n    return res.rows[0];\n  } finally {\n    client.release();\n  }\n}",
              },
            ],
          },
        ],
      },
      {
        // Never closed over process.stdin, which a terminal never ends: the interface keeps the process alive.
        code: "import readline from 'node:readline/promises';\nexport async function ask(q: string) {\n  const rl = readline.createInterface({ input: process.stdin });\n  const answer = await rl.question(q);\n  return answer;\n}",
        errors: [
          {
            messageId: 'neverReleased',
            line: 3,
            suggestions: [
              {
                messageId: 'suggestFinally',
                data: { release: 'rl.close()' },
                output:
                  "import readline from 'node:readline/promises';\nexport async function ask(q: string) {\n  const rl = readline.createInterface({ input: process.stdin });\n  try {\n    const answer = await rl.question(q);\n    return answer;\n  } finally {\n    rl.close();\n  }\n}",
              },
            ],
          },
        ],
      },
      {
        // A `return` of an un-awaited use: a `finally` would close the interface before the answer comes, so none is suggested.
        code: "import readline from 'node:readline/promises';\nexport async function ask(q: string) {\n  const rl = readline.createInterface({ input: process.stdin });\n  return rl.question(q);\n}",
        errors: [{ messageId: 'neverReleased', line: 3, suggestions: [] }],
      },
      {
        // Never released: the finally writes the catalogue's release. No `await using` here (this repo's tsconfig lacks esnext.disposable).
        code: "import fs from 'node:fs';\nexport async function lines(p: string) {\n  const handle = await fs.promises.open(p);\n  const text = await handle.readFile('utf8');\n  return text.split('\\n');\n}",
        errors: [
          {
            messageId: 'neverReleased',
            line: 3,
            suggestions: [
              {
                messageId: 'suggestFinally',
                data: { release: 'await handle.close()' },
                output:
                  "import fs from 'node:fs';\nexport async function lines(p: string) {\n  const handle = await fs.promises.open(p);\n  try {\n    const text = await handle.readFile('utf8');\n    return text.split('\\n');\n  } finally {\n    await handle.close();\n  }\n}",
              },
            ],
          },
        ],
      },
      {
        // Where the project supports it, `await using` is offered second by default.
        code: readHead,
        filename: disposable('head.ts'),
        options: [{ testFiles: [] }],
        errors: [
          {
            messageId: 'notReleasedOnThrow',
            data: { acquisition: 'open()', resource: 'FileHandle', release: 'await handle.close()', remedy: 'Release it in a `finally` block (`await handle.close()`), or declare it with `await using`' },
            suggestions: [
              {
                messageId: 'suggestFinally',
                data: { release: 'await handle.close()' },
                output:
                  "import { open } from 'node:fs/promises';\nexport async function head(path: string) {\n  const handle = await open(path);\n  try {\n    const { bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);\n    return bytesRead;\n  } finally {\n    await handle.close();\n  }\n}",
              },
              {
                messageId: 'suggestAwaitUsing',
                output:
                  "import { open } from 'node:fs/promises';\nexport async function head(path: string) {\n  await using handle = await open(path);\n  const { bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);\n  return bytesRead;\n}",
              },
            ],
          },
        ],
      },
      {
        // prefer: 'await-using' names it first.
        code: readHead,
        filename: disposable('head.ts'),
        options: [{ prefer: 'await-using', testFiles: [] }],
        errors: [
          {
            messageId: 'notReleasedOnThrow',
            data: { acquisition: 'open()', resource: 'FileHandle', release: 'await handle.close()', remedy: 'Declare it with `await using`, or release it in a `finally` block' },
            suggestions: [
              {
                messageId: 'suggestAwaitUsing',
                output:
                  "import { open } from 'node:fs/promises';\nexport async function head(path: string) {\n  await using handle = await open(path);\n  const { bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);\n  return bytesRead;\n}",
              },
              {
                messageId: 'suggestFinally',
                data: { release: 'await handle.close()' },
                output:
                  "import { open } from 'node:fs/promises';\nexport async function head(path: string) {\n  const handle = await open(path);\n  try {\n    const { bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);\n    return bytesRead;\n  } finally {\n    await handle.close();\n  }\n}",
              },
            ],
          },
        ],
      },
      {
        // JavaScript for Node >= 24 (engines): `await using` runs natively.
        code: "const { open } = require('node:fs/promises');\nasync function size(p) {\n  const handle = await open(p);\n  const stat = await handle.stat();\n  return stat.size;\n}\nmodule.exports = { size };",
        filename: node24('size.cjs'),
        options: [{ testFiles: [] }],
        errors: [
          {
            messageId: 'neverReleased',
            suggestions: [
              {
                messageId: 'suggestFinally',
                data: { release: 'await handle.close()' },
                output:
                  "const { open } = require('node:fs/promises');\nasync function size(p) {\n  const handle = await open(p);\n  try {\n    const stat = await handle.stat();\n    return stat.size;\n  } finally {\n    await handle.close();\n  }\n}\nmodule.exports = { size };",
              },
              {
                messageId: 'suggestAwaitUsing',
                output:
                  "const { open } = require('node:fs/promises');\nasync function size(p) {\n  await using handle = await open(p);\n  const stat = await handle.stat();\n  return stat.size;\n}\nmodule.exports = { size };",
              },
            ],
          },
        ],
      },
      {
        // A pool given as a parameter declared with pg's `Pool` type.
        code: "import type { Pool } from 'pg';\nexport async function run(pool: Pool, sql: string) {\n  const client = await pool.connect();\n  await client.query(sql);\n  client.release();\n}",
        errors: [
          {
            messageId: 'notReleasedOnThrow',
            suggestions: [
              {
                messageId: 'suggestFinally',
                data: { release: 'client.release()' },
                output:
                  "import type { Pool } from 'pg';\nexport async function run(pool: Pool, sql: string) {\n  const client = await pool.connect();\n  try {\n    await client.query(sql);\n  } finally {\n    client.release();\n  }\n}",
              },
            ],
          },
        ],
      },
      {
        // generic-pool: released through the pool that acquired it.
        code: "const genericPool = require('generic-pool');\nconst pool = genericPool.createPool(factory, { max: 4 });\nasync function work(job) {\n  const resource = await pool.acquire();\n  await resource.run(job);\n  await pool.release(resource);\n}\nmodule.exports = { work };",
        filename: 'work.cjs',
        errors: [
          {
            messageId: 'notReleasedOnThrow',
            suggestions: [
              {
                messageId: 'suggestFinally',
                data: { release: 'await pool.release(resource)' },
                output:
                  "const genericPool = require('generic-pool');\nconst pool = genericPool.createPool(factory, { max: 4 });\nasync function work(job) {\n  const resource = await pool.acquire();\n  try {\n    await resource.run(job);\n  } finally {\n    await pool.release(resource);\n  }\n}\nmodule.exports = { work };",
              },
            ],
          },
        ],
      },
      {
        // mysql2's promise pool; an early return leaks it as a throw does.
        code: "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({ uri: process.env.DB });\nexport async function find(id: number) {\n  const conn = await pool.getConnection();\n  if (id < 0) return null;\n  const [rows] = await conn.query('SELECT * FROM t WHERE id = ?', [id]);\n  conn.release();\n  return rows;\n}",
        errors: [
          {
            messageId: 'notReleasedOnThrow',
            suggestions: [
              {
                messageId: 'suggestFinally',
                data: { release: 'conn.release()' },
                output:
                  "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({ uri: process.env.DB });\nexport async function find(id: number) {\n  const conn = await pool.getConnection();\n  try {\n    if (id < 0) return null;\n    const [rows] = await conn.query('SELECT * FROM t WHERE id = ?', [id]);\n    return rows;\n  } finally {\n    conn.release();\n  }\n}",
              },
            ],
          },
        ],
      },
      {
        // A readline interface left open when the question throws keeps stdin open.
        code: "import * as readline from 'node:readline/promises';\nexport async function ask(q: string) {\n  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });\n  // the answer, trimmed\n  const answer = (await rl.question(q)).trim();\n  rl.close();\n  return answer;\n}",
        errors: [
          {
            messageId: 'notReleasedOnThrow',
            data: { acquisition: 'readline.createInterface()', resource: 'readline/promises.Interface', release: 'rl.close()', remedy: 'Release it in a `finally` block (`rl.close()`)' },
            suggestions: [
              {
                messageId: 'suggestFinally',
                data: { release: 'rl.close()' },
                output:
                  "import * as readline from 'node:readline/promises';\nexport async function ask(q: string) {\n  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });\n  // the answer, trimmed\n  try {\n    const answer = (await rl.question(q)).trim();\n    return answer;\n  } finally {\n    rl.close();\n  }\n}",
              },
            ],
          },
        ],
      },
      {
        // Thrown away as soon as it is opened: no rewrite, the handle has no name.
        code: "import { open } from 'node:fs/promises';\nexport async function touch(p: string) {\n  await open(p, 'a');\n}",
        errors: [{ messageId: 'neverReleased', data: { acquisition: 'open()', resource: 'FileHandle', release: '', remedy: 'Keep it in a variable and release it in a `finally` block' }, suggestions: [] }],
      },
      {
        // Two releases (an early one on a branch): reported, but the single-finally rewrite is left to you.
        code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function maybe(flag: boolean) {\n  const client = await pool.connect();\n  if (flag) {\n    client.release();\n    return;\n  }\n  await client.query('x');\n  client.release();\n}",
        errors: [{ messageId: 'notReleasedOnThrow', suggestions: [] }],
      },
    ],
  },
  {
    host: 'espree',
    valid: [
      "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function count() {\n  const client = await pool.connect();\n  try {\n    return await client.query('SELECT 1');\n  } finally {\n    client.release();\n  }\n}",
    ],
    invalid: [
      {
        code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function count() {\n  const client = await pool.connect();\n  const res = await client.query('SELECT 1');\n  client.release();\n  return res;\n}",
        errors: [
          {
            messageId: 'notReleasedOnThrow',
            suggestions: [
              {
                messageId: 'suggestFinally',
                output:
                  "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function count() {\n  const client = await pool.connect();\n  try {\n    const res = await client.query('SELECT 1');\n    return res;\n  } finally {\n    client.release();\n  }\n}",
              },
            ],
          },
        ],
      },
    ],
  },
]);
