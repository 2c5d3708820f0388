import path from 'node:path';
import rule from '../../src/rules/prefer-await-using';
import { defineRuleCases } from '../rule-tester';

// `await using` is offered only where the project supports it: the `disposable` fixture folder has
// a tsconfig.json with `esnext.disposable` in `lib`, `node-24` a package.json with `engines.node`
// >= 24; `old-typescript` asks for the lib but declares TypeScript ~5.1, which cannot compile it.
const disposable = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'disposable', name);
const node24 = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'node-24', name);
const oldTypeScript = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'old-typescript', name);

const head = `import { open } from 'node:fs/promises';
export async function head(p: string) {
  const handle = await open(p);
  try {
    const { bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return bytesRead;
  } finally {
    await handle.close();
  }
}`;

// Run by ESLint's RuleTester (prefer-await-using.test.ts) and linted as files by ESLint and oxlint
// alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // target-lacks-await-using: this repository's own tsconfig does not give `await using` its types.
      { code: head, filename: path.join(import.meta.dirname, 'head.ts') },
      // target-lacks-await-using: the lib is there, the declared TypeScript (~5.1) is not.
      { code: head, filename: oldTypeScript('head.ts') },
      // Already `await using`.
      { code: "import { open } from 'node:fs/promises';\nexport async function size(p: string) {\n  await using handle = await open(p);\n  return (await handle.stat()).size;\n}", filename: disposable('size.ts') },
      // not-disposable: a pg client has no Symbol.asyncDispose.
      {
        code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function count() {\n  const client = await pool.connect();\n  try {\n    return (await client.query('SELECT 1')).rows;\n  } finally {\n    client.release();\n  }\n}",
        filename: disposable('count.ts'),
      },
      // A socket's disposal destroys it with an AbortError: `end()` is not what `await using` does.
      {
        code: "import net from 'node:net';\nexport async function send(port: number) {\n  const socket = net.connect(port);\n  try {\n    socket.write('ping');\n  } finally {\n    socket.end();\n  }\n}",
        filename: disposable('send.ts'),
      },
      // resource-used-after: read after the try, where it is closed today.
      {
        code: "import { open } from 'node:fs/promises';\nexport async function reopen(p: string) {\n  const handle = await open(p);\n  try {\n    await handle.stat();\n  } finally {\n    await handle.close();\n  }\n  return handle.fd;\n}",
        filename: disposable('reopen.ts'),
      },
      // released-conditionally.
      {
        code: "import { open } from 'node:fs/promises';\nexport async function maybe(p: string, keep: boolean) {\n  const handle = await open(p);\n  try {\n    await handle.stat();\n  } finally {\n    if (!keep) await handle.close();\n  }\n}",
        filename: disposable('maybe.ts'),
      },
      // release-not-awaited: await using would wait for the close.
      {
        code: "import { open } from 'node:fs/promises';\nexport async function stat(p: string) {\n  const handle = await open(p);\n  try {\n    return await handle.stat();\n  } finally {\n    void handle.close();\n  }\n}",
        filename: disposable('stat.ts'),
      },
      // release-order-changes: await using closes b before a; this finally closes a first.
      {
        code: "import { open } from 'node:fs/promises';\nexport async function copy(from: string, to: string) {\n  const a = await open(from);\n  const b = await open(to, 'w');\n  try {\n    await b.write(await a.readFile());\n  } finally {\n    await a.close();\n    await b.close();\n  }\n}",
        filename: disposable('copy.ts'),
      },
      // finally-does-more.
      {
        code: "import { open } from 'node:fs/promises';\nexport async function logged(p: string) {\n  const handle = await open(p);\n  try {\n    await handle.stat();\n  } finally {\n    await handle.close();\n    console.log('closed');\n  }\n}",
        filename: disposable('logged.ts'),
      },
      // not-acquired-just-before: acquired inside the try.
      {
        code: "import { open } from 'node:fs/promises';\nexport async function late(p: string) {\n  let handle;\n  try {\n    handle = await open(p);\n    await handle.stat();\n  } finally {\n    await handle?.close();\n  }\n}",
        filename: disposable('late.ts'),
      },
      // not-acquired-just-before: something runs between the acquisition and the try.
      {
        code: "import { open } from 'node:fs/promises';\nexport async function gap(p: string) {\n  const handle = await open(p);\n  console.log('opened');\n  try {\n    await handle.stat();\n  } finally {\n    await handle.close();\n  }\n}",
        filename: disposable('gap.ts'),
      },
      // not-awaitable-here: a sync function cannot hold `await using`.
      {
        code: "import { open } from 'node:fs/promises';\nexport function later(p: string) {\n  return open(p).then(async (handle) => handle.close());\n}\nexport async function ok() {}",
        filename: disposable('later.ts'),
      },
      // Your own open is none of these.
      {
        code: "import { open } from './storage';\nexport async function read(p: string) {\n  const handle = await open(p);\n  try {\n    return await handle.read();\n  } finally {\n    await handle.close();\n  }\n}",
        filename: disposable('own.ts'),
      },
    ],
    invalid: [
      {
        // assumeAwaitUsing: the project says so where its files do not show it.
        code: head,
        filename: path.join(import.meta.dirname, 'head.ts'),
        options: [{ assumeAwaitUsing: true }],
        errors: [{ messageId: 'preferAwaitUsing', line: 8, suggestions: [{ messageId: 'suggestAwaitUsing', data: { names: '`handle`' }, output: "import { open } from 'node:fs/promises';\nexport async function head(p: string) {\n  await using handle = await open(p);\n  const { bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);\n  return bytesRead;\n}" }] }],
      },
      {
        code: head,
        filename: disposable('head.ts'),
        errors: [
          {
            messageId: 'preferAwaitUsing',
            data: { names: '`handle`', release: "a `FileHandle`'s `Symbol.asyncDispose`", them: 'it' },
            line: 8,
            column: 11,
            suggestions: [
              {
                messageId: 'suggestAwaitUsing',
                data: { names: '`handle`' },
                output:
                  "import { open } from 'node:fs/promises';\nexport async function head(p: string) {\n  await using handle = await open(p);\n  const { bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);\n  return bytesRead;\n}",
              },
            ],
          },
        ],
      },
      {
        // Two handles released in the reverse order of their declarations, with a catch that stays.
        code: "import { open } from 'node:fs/promises';\nexport async function copy(from: string, to: string) {\n  const a = await open(from);\n  const b = await open(to, 'w');\n  try {\n    await b.write(await a.readFile());\n  } catch (error) {\n    console.error(error);\n  } finally {\n    await b.close();\n    await a.close();\n  }\n}",
        filename: disposable('copy.ts'),
        errors: [
          {
            messageId: 'preferAwaitUsing',
            data: { names: '`b` and `a`', release: "a `FileHandle`'s `Symbol.asyncDispose`", them: 'them' },
            line: 10,
            suggestions: [
              {
                messageId: 'suggestAwaitUsing',
                data: { names: '`b` and `a`' },
                output:
                  "import { open } from 'node:fs/promises';\nexport async function copy(from: string, to: string) {\n  await using a = await open(from);\n  await using b = await open(to, 'w');\n  try {\n    await b.write(await a.readFile());\n  } catch (error) {\n    console.error(error);\n  }\n}",
              },
            ],
          },
        ],
      },
      {
        // Statements follow the try: a block of its own keeps the disposal before them.
        code: "import { open } from 'node:fs/promises';\nexport async function each(paths) {\n  for (const p of paths) {\n    const handle = await open(p);\n    try {\n      await handle.stat();\n    } finally {\n      await handle.close();\n    }\n    console.log('done', p);\n  }\n}",
        filename: node24('each.js'),
        errors: [
          {
            messageId: 'preferAwaitUsing',
            line: 8,
            suggestions: [
              {
                messageId: 'suggestAwaitUsing',
                data: { names: '`handle`' },
                output:
                  "import { open } from 'node:fs/promises';\nexport async function each(paths) {\n  for (const p of paths) {\n    {\n      await using handle = await open(p);\n      await handle.stat();\n    }\n    console.log('done', p);\n  }\n}",
              },
            ],
          },
        ],
      },
      {
        // `handle?.close()` on a const FileHandle: open() never resolves to nullish, so the `?.` decides nothing.
        code: "import { open } from 'node:fs/promises';\nexport async function chunk(p) {\n  const handle = await open(p, 'r');\n  try {\n    return await handle.read({ buffer: new Uint8Array(8) });\n  } finally {\n    await handle?.close();\n  }\n}",
        filename: node24('chunk.js'),
        errors: [
          {
            messageId: 'preferAwaitUsing',
            line: 7,
            suggestions: [
              {
                messageId: 'suggestAwaitUsing',
                data: { names: '`handle`' },
                output: "import { open } from 'node:fs/promises';\nexport async function chunk(p) {\n  await using handle = await open(p, 'r');\n  return await handle.read({ buffer: new Uint8Array(8) });\n}",
              },
            ],
          },
        ],
      },
      {
        // [Symbol.asyncDispose]() is the disposal itself; fs.promises.open is followed through `fs`.
        code: "import fs from 'node:fs';\nexport async function size(p) {\n  const handle = await fs.promises.open(p);\n  try {\n    const size = (await handle.stat()).size;\n    return size;\n  } finally {\n    await handle[Symbol.asyncDispose]();\n  }\n}",
        filename: node24('size.js'),
        errors: [
          {
            messageId: 'preferAwaitUsing',
            line: 8,
            suggestions: [
              {
                messageId: 'suggestAwaitUsing',
                data: { names: '`handle`' },
                output:
                  "import fs from 'node:fs';\nexport async function size(p) {\n  await using handle = await fs.promises.open(p);\n  const size = (await handle.stat()).size;\n  return size;\n}",
              },
            ],
          },
        ],
      },
    ],
  },
]);
