import path from 'node:path';
import rule from '../../src/rules/no-sync-in-async';
import { defineRuleCases } from '../rule-tester';

// A package whose package.json names `bin/tool.js` in `bin` (the file itself need not exist).
const cliBin = path.join(import.meta.dirname, '..', 'fixtures', 'cli-package', 'bin', 'tool.js');
const cliLibrary = path.join(import.meta.dirname, '..', 'fixtures', 'cli-package', 'lib', 'read.js');

const cjs = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // top-level: module top level runs once, when the module loads.
      "import fs from 'node:fs';\nexport const config = JSON.parse(fs.readFileSync('config.json', 'utf8'));",
      // not-in-async-function: a sync function cannot await.
      "import { readFileSync } from 'node:fs';\nexport function load(p: string) {\n  return readFileSync(p, 'utf8');\n}",
      // not-in-async-function: a sync callback inside async code cannot await either.
      "import fs from 'node:fs';\nexport async function mkdirs(dirs: string[]) {\n  dirs.forEach((d) => fs.mkdirSync(d));\n}",
      // Names are not resolution: a method of the user's own called readFileSync.
      'class Cache {\n  readFileSync(p: string) { return p; }\n  async get(p: string) { return this.readFileSync(p); }\n}',
      // Effect.runSync and friends are not Node's (eslint-plugin-n#391).
      "import { Effect } from 'effect';\nexport async function run(program: Effect.Effect<number>) {\n  return Effect.runSync(program);\n}",
      // A package that is not Node core: fs-extra's readFileSync is its own export.
      "import fse from 'fs-extra';\nexport async function read(p: string) {\n  return fse.readFileSync(p, 'utf8');\n}",
      // A local `fs` shadows the import.
      "import fs from 'node:fs';\nexport async function read(fs: { readFileSync(p: string): string }, p: string) {\n  return fs.readFileSync(p);\n}",
      // A reassigned binding resolves to nothing.
      "let fs = require('fs');\nfs = makeFakeFs();\nasync function read(p) {\n  return fs.readFileSync(p);\n}",
      // The promise API already.
      "import { readFile } from 'node:fs/promises';\nexport async function read(p: string) {\n  return readFile(p, 'utf8');\n}",
      // command-line-entry-point: a shebang.
      "#!/usr/bin/env node\nimport fs from 'node:fs';\nasync function main() {\n  fs.writeFileSync('out.txt', await render());\n}\nmain();",
      // command-line-entry-point: the bin of the nearest package.json.
      {
        code: "const fs = require('node:fs');\nasync function main() {\n  process.stdout.write(fs.readFileSync(process.argv[2], 'utf8'));\n}\nmain();",
        filename: cliBin,
        // The fixture package lies in a test folder; only the bin decides here.
        options: [{ testFiles: [] }],
      },
      // test-file: a test runs one case at a time.
      {
        code: "import fs from 'node:fs';\nit('writes the file', async () => {\n  await save('out.txt');\n  expect(fs.readFileSync('out.txt', 'utf8')).toBe('done');\n});",
        filename: 'src/save.test.ts',
      },
      // A user's Atomics shadows the global.
      'const Atomics = { wait() {} };\nexport async function f() {\n  Atomics.wait();\n}',
    ],
    invalid: [
      {
        code: "import fs from 'node:fs';\nexport async function readConfig(p: string) {\n  const text = fs.readFileSync(p, 'utf8');\n  return JSON.parse(text);\n}",
        errors: [
          {
            messageId: 'noSyncInAsync',
            line: 3,
            column: 16,
            suggestions: [
              {
                messageId: 'suggestPromiseTwin',
                data: { twin: '`readFile` from `node:fs/promises`' },
                output:
                  "import fs from 'node:fs';\nexport async function readConfig(p: string) {\n  const text = await fs.promises.readFile(p, 'utf8');\n  return JSON.parse(text);\n}",
              },
            ],
          },
        ],
      },
      {
        // A named import gets its twin imported beside it, in the file's style.
        code: "import { readFileSync } from \"fs\"\nexport const load = async (p: string) => readFileSync(p).toString()",
        errors: [
          {
            messageId: 'noSyncInAsync',
            suggestions: [
              {
                messageId: 'suggestPromiseTwin',
                data: { twin: '`readFile` from `node:fs/promises`' },
                output:
                  "import { readFileSync } from \"fs\"\nimport { readFile } from \"fs/promises\"\nexport const load = async (p: string) => (await readFile(p)).toString()",
              },
            ],
          },
        ],
      },
      {
        // CommonJS: require and destructuring; zlib's twin is util.promisify of its callback API.
        code: "'use strict';\nconst zlib = require('node:zlib');\nmodule.exports = async function pack(buffer) {\n  return zlib.gzipSync(buffer);\n};",
        ...cjs,
        errors: [
          {
            messageId: 'noSyncInAsync',
            line: 4,
            suggestions: [
              {
                messageId: 'suggestPromiseTwin',
                data: { twin: '`util.promisify(zlib.gzip)`' },
                output:
                  "'use strict';\nconst zlib = require('node:zlib');\nconst { promisify } = require('node:util');\nmodule.exports = async function pack(buffer) {\n  return await promisify(zlib.gzip)(buffer);\n};",
              },
            ],
          },
        ],
      },
      {
        // An existing fs/promises binding is reused.
        code: "const { statSync } = require('fs');\nconst fsp = require('fs/promises');\nasync function size(p) {\n  return statSync(p).size;\n}\nmodule.exports = size;",
        ...cjs,
        errors: [
          {
            messageId: 'noSyncInAsync',
            suggestions: [
              {
                messageId: 'suggestPromiseTwin',
                data: { twin: '`stat` from `node:fs/promises`' },
                output: "const { statSync } = require('fs');\nconst fsp = require('fs/promises');\nasync function size(p) {\n  return (await fsp.stat(p)).size;\n}\nmodule.exports = size;",
              },
            ],
          },
        ],
      },
      {
        // twin-value-differs: execSync's output Buffer is not exec's { stdout, stderr }.
        code: "import { execSync } from 'node:child_process';\nexport async function head() {\n  return execSync('git rev-parse HEAD').toString().trim();\n}",
        errors: [{ messageId: 'noSyncInAsyncByHand', line: 3, column: 10 }],
      },
      {
        // no-promise-twin: fd-based calls go through a FileHandle.
        code: "import * as fs from 'node:fs';\nexport async function flush(fd: number) {\n  fs.fsyncSync(fd);\n}",
        errors: [{ messageId: 'noSyncInAsyncByHand' }],
      },
      {
        // unsupported-option: `throwIfNoEntry` has no twin in fs/promises.
        code: "import fs from 'node:fs';\nexport async function exists(p: string) {\n  return fs.statSync(p, { throwIfNoEntry: false }) !== undefined;\n}",
        errors: [{ messageId: 'noSyncInAsyncByHand' }],
      },
      {
        // An async method, and the global Atomics.
        code: 'class Lock {\n  async sleep(cell: Int32Array, ms: number) {\n    Atomics.wait(cell, 0, 0, ms);\n  }\n}',
        errors: [{ messageId: 'noSyncInAsyncByHand', line: 3 }],
      },
      {
        // allowTopLevel: false reports top-level calls too, with no rewrite.
        code: "import fs from 'node:fs';\nexport const config = fs.readFileSync('config.json', 'utf8');",
        options: [{ allowTopLevel: false }],
        errors: [{ messageId: 'noSyncInAsyncByHand' }],
      },
      {
        // allowEntryPoints: false reports inside CLI entry points too (here the package's bin; a
        // shebang case cannot be an invalid case: the parity test prefixes every line).
        code: "const fs = require('node:fs');\nasync function main() {\n  fs.rmSync('dist', { recursive: true });\n}\nmain();",
        filename: cliBin,
        options: [{ allowEntryPoints: false, testFiles: [] }],
        errors: [
          {
            messageId: 'noSyncInAsync',
            suggestions: [
              {
                messageId: 'suggestPromiseTwin',
                data: { twin: '`rm` from `node:fs/promises`' },
                output: "const fs = require('node:fs');\nasync function main() {\n  await fs.promises.rm('dist', { recursive: true });\n}\nmain();",
              },
            ],
          },
        ],
      },
      {
        // A file of the same package that is not its bin.
        code: "const crypto = require('node:crypto');\nasync function hash(password, salt) {\n  return crypto.scryptSync(password, salt, 64);\n}\nmodule.exports = hash;",
        filename: cliLibrary,
        options: [{ testFiles: [] }],
        errors: [
          {
            messageId: 'noSyncInAsync',
            suggestions: [
              {
                messageId: 'suggestPromiseTwin',
                data: { twin: '`util.promisify(crypto.scrypt)`' },
                output:
                  "const crypto = require('node:crypto');\nconst { promisify } = require('node:util');\nasync function hash(password, salt) {\n  return await promisify(crypto.scrypt)(password, salt, 64);\n}\nmodule.exports = hash;",
              },
            ],
          },
        ],
      },
    ],
  },
  {
    host: 'espree',
    valid: ["const fs = require('fs');\nfunction read(p) {\n  return fs.readFileSync(p);\n}"],
    invalid: [
      {
        code: "import { promises, writeFileSync } from 'fs';\nexport async function save(p, data) {\n  writeFileSync(p, data);\n}",
        errors: [
          {
            messageId: 'noSyncInAsync',
            suggestions: [
              {
                messageId: 'suggestPromiseTwin',
                data: { twin: '`writeFile` from `node:fs/promises`' },
                output: "import { promises, writeFileSync } from 'fs';\nexport async function save(p, data) {\n  await promises.writeFile(p, data);\n}",
              },
            ],
          },
        ],
      },
    ],
  },
]);
