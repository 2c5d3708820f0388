import path from 'node:path';
import rule from '../../src/rules/no-async-iterator-leak';
import { defineRuleCases } from '../rule-tester';

// A folder whose tsconfig.json admits `await using` (below test/, so those cases pass `testFiles: []`).
const disposable = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'disposable', name);
// A folder whose lines.ts exports async generators (one with a finally, one without) and whose index.ts re-exports them.
const generators = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'generators', name);
const firstOf = (source: string) => `${source}\nexport async function firstLine(path: string) {\n  const it = lines(path);\n  const { value } = await it.next();\n  return value;\n}`;

// An async generator with cleanup: a file closed in `finally`, which runs only when the generator
// finishes or its `return()` is called.
const lines = `import { open } from 'node:fs/promises';
async function* lines(path: string) {
  const handle = await open(path);
  try {
    for await (const line of handle.readLines()) yield line;
  } finally {
    await handle.close();
  }
}
`;

// Run by ESLint's RuleTester (no-async-iterator-leak.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // for-await-consumes: for await closes the iterator on break, return and throw.
      `${lines}export async function firstLong(path: string) {\n  for await (const line of lines(path)) if (line.length > 80) return line;\n}`,
      `${lines}export async function header(path: string) {\n  const it = lines(path);\n  for await (const line of it) return line;\n}`,
      // closed-in-finally: return() runs however the block ends.
      `${lines}export async function firstTwo(path: string) {\n  const it = lines(path);\n  try {\n    const a = await it.next();\n    const b = await it.next();\n    return [a.value, b.value];\n  } finally {\n    await it.return(undefined);\n  }\n}`,
      // nothing-throws-before-close: only the iterator's own steps before a straight-line return().
      `${lines}export async function peek(path: string) {\n  const it = lines(path);\n  const first = await it.next();\n  await it.return(undefined);\n  return first.value;\n}`,
      // consumed-to-end: the loop's only exit is the done test, and nothing in it can throw.
      `${lines}export async function count(path: string) {\n  const it = lines(path);\n  let n = 0;\n  for (let r = await it.next(); !r.done; r = await it.next()) n++;\n  return n;\n}`,
      `${lines}export async function total(path: string) {\n  const it = lines(path);\n  let n = 0;\n  while (true) {\n    const { done, value } = await it.next();\n    if (done) break;\n    n += value.length;\n  }\n  return n;\n}`,
      // no-cleanup-to-run: a generator without finally or using; return() would run nothing.
      "async function* numbers() {\n  yield 1;\n  yield 2;\n}\nexport async function first() {\n  const it = numbers();\n  return (await it.next()).value;\n}",
      // handed-off: whoever gets it closes it.
      `${lines}export async function skipHeader(path: string) {\n  const it = lines(path);\n  await it.next();\n  return consume(it);\n}\ndeclare function consume(it: AsyncIterator<string>): Promise<void>;`,
      // returned: the caller advances and closes it.
      `${lines}export function open2(path: string) {\n  const it = lines(path);\n  return it;\n}\nexport async function step(it: AsyncGenerator<string>) {\n  return it.next();\n}`,
      // stored: it outlives this code on purpose.
      `${lines}export class Cursor {\n  it: AsyncGenerator<string> | undefined;\n  async start(path: string) {\n    const it = lines(path);\n    this.it = it;\n    return it.next();\n  }\n}`,
      // not-advanced-by-hand: made and never stepped (the generator body has not started).
      `${lines}export function make(path: string) {\n  const it = lines(path);\n  void it;\n}`,
      // unknown-use: reassigned, so the rule cannot tell which iterator is stepped.
      `${lines}export async function swap(a: string, b: string) {\n  let it = lines(a);\n  it = lines(b);\n  return (await it.next()).value;\n}`,
      // test-file: tests step generators by hand to test them.
      { code: `${lines}it('reads the first line', async () => {\n  const it2 = lines('x');\n  await it2.next();\n});`, filename: 'test/lines.test.ts' },
      // An iterator from somewhere else: its return() is not shown to do anything.
      "export async function first(source: AsyncIterable<string>) {\n  const it = source[Symbol.asyncIterator]();\n  return (await it.next()).value;\n}",
      "import { stream } from './source';\nexport async function first() {\n  const it = stream();\n  return (await it.next()).value;\n}",
      // Imported generators: no-cleanup-to-run, read from the module that declares it.
      { code: "import { numbers } from './lines';\nexport async function first() {\n  const it = numbers();\n  return (await it.next()).value;\n}", filename: generators('consumer.ts'), options: [{ testFiles: [] }] },
      // Imported, with cleanup, but consumed by for await.
      { code: "import { lines } from './lines';\nexport async function header(path: string) {\n  for await (const line of lines(path)) return line;\n}", filename: generators('consumer.ts'), options: [{ testFiles: [] }] },
      // An import the index does not resolve (no such module) is not judged.
      { code: firstOf("import { lines } from './missing';"), filename: generators('consumer.ts'), options: [{ testFiles: [] }] },
      // The generator's own side. released-in-finally: the `lines` generator above, in every case.
      // await-using: disposed when the consumer's return() resumes the generator.
      "import { open } from 'node:fs/promises';\nexport async function* chunks(path: string) {\n  await using handle = await open(path);\n  for await (const chunk of handle.createReadStream()) yield chunk;\n}",
      // stored: the handle itself is yielded; the consumer owns it.
      "import { open } from 'node:fs/promises';\nexport async function* handles(paths: string[]) {\n  for (const p of paths) {\n    const handle = await open(p);\n    yield handle;\n  }\n}",
      // no-yield-while-held: released before each yield (require-resource-cleanup still asks for its finally).
      "import { open } from 'node:fs/promises';\nexport async function* sizes(paths: string[]) {\n  for (const p of paths) {\n    const handle = await open(p);\n    const stat = await handle.stat();\n    await handle.close();\n    yield stat.size;\n  }\n}",
      // released-in-finally for a return, though not for a throw: the await before the try may throw (require-resource-cleanup's report), but every yield is inside the try, whose finally a return runs.
      "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function* rows(sql: string) {\n  const client = await pool.connect();\n  await client.query('BEGIN');\n  try {\n    const res = await client.query(sql);\n    yield* res.rows;\n  } finally {\n    client.release();\n  }\n}",
      // released-in-catch with no yield while held: the rows are read before the client is released, and yielded after.
      "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function* rows(sql: string) {\n  const client = await pool.connect();\n  let res;\n  try {\n    res = await client.query(sql);\n  } catch (error) {\n    client.release();\n    throw error;\n  }\n  client.release();\n  yield* res.rows;\n}",
      // A yield before the acquisition and a yield in a nested function are not yields while held.
      "import { open } from 'node:fs/promises';\nexport async function* header(path: string) {\n  yield 'start';\n  const handle = await open(path);\n  const text = await handle.readFile('utf8');\n  await handle.close();\n  const later = function* () {\n    yield text;\n  };\n  yield* later();\n}",
      // not-in-async-function: a sync generator cannot hold an awaited handle.
      "import { createInterface } from 'node:readline';\nexport function* prompts() {\n  const rl = createInterface({ input: process.stdin });\n  yield rl;\n}",
      // test-file: left alone, as require-resource-cleanup leaves it.
      { code: "import { open } from 'node:fs/promises';\nexport async function* lines2(path: string) {\n  const handle = await open(path);\n  for await (const line of handle.readLines()) yield line;\n  await handle.close();\n}", filename: 'test/fixture-lines.ts' },
    ],
    invalid: [
      {
        // One step, then the generator is left suspended inside its try.
        code: `${lines}export async function firstLine(path: string) {\n  const it = lines(path);\n  const { value } = await it.next();\n  return value;\n}`,
        errors: [{ messageId: 'neverClosed', data: { name: 'it', source: 'lines()' }, line: 11, column: 14, suggestions: [{ messageId: 'suggestReturnInFinally', data: { name: 'it' }, output: `${lines}export async function firstLine(path: string) {\n  const it = lines(path);\n  try {\n    const { value } = await it.next();\n    return value;\n  } finally {\n    await it.return(undefined);\n  }\n}` }] }],
      },
      {
        code: `${lines}export async function firstLine(path: string) {\n  return (await lines(path).next()).value;\n}`,
        errors: [{ messageId: 'steppedOnce', data: { name: '', source: 'lines()' }, line: 11, column: 17 }],
      },
      {
        // The loop body may throw, and its break leaves before the end: both paths skip the close.
        code: `${lines}export async function untilBlank(path: string, out: string[]) {\n  const it = lines(path);\n  while (true) {\n    const r = await it.next();\n    if (r.done) break;\n    if (r.value === '') break;\n    out.push(r.value.trim());\n  }\n}`,
        errors: [{ messageId: 'neverClosed', line: 11, suggestions: [{ messageId: 'suggestReturnInFinally', data: { name: 'it' }, output: `${lines}export async function untilBlank(path: string, out: string[]) {\n  const it = lines(path);\n  try {\n    while (true) {\n      const r = await it.next();\n      if (r.done) break;\n      if (r.value === '') break;\n      out.push(r.value.trim());\n    }\n  } finally {\n    await it.return(undefined);\n  }\n}` }] }],
      },
      {
        // return() is called, but a throw from parse() before it leaves the file open.
        code: `${lines}declare function parse(line: string): number;\nexport async function firstNumber(path: string) {\n  const it = lines(path);\n  const first = await it.next();\n  const n = parse(first.value);\n  await it.return(undefined);\n  return n;\n}`,
        errors: [{ messageId: 'notClosedOnExit', data: { name: 'it', source: 'lines()' }, line: 12, suggestions: [{ messageId: 'suggestReturnInFinally', data: { name: 'it' }, output: `${lines}declare function parse(line: string): number;\nexport async function firstNumber(path: string) {\n  const it = lines(path);\n  try {\n    const first = await it.next();\n    const n = parse(first.value);\n    return n;\n  } finally {\n    await it.return(undefined);\n  }\n}` }] }],
      },
      {
        // A generator method of the same class, through this; cleanup by `await using`.
        code: "import { open } from 'node:fs/promises';\nexport class Log {\n  constructor(private path: string) {}\n  async *entries() {\n    await using handle = await open(this.path);\n    for await (const line of handle.readLines()) yield line;\n  }\n  async latest() {\n    const it = this.entries();\n    return (await it.next()).value;\n  }\n}",
        errors: [{ messageId: 'neverClosed', data: { name: 'it', source: 'this.entries()' }, line: 9, suggestions: [{ messageId: 'suggestReturnInFinally', data: { name: 'it' }, output: "import { open } from 'node:fs/promises';\nexport class Log {\n  constructor(private path: string) {}\n  async *entries() {\n    await using handle = await open(this.path);\n    for await (const line of handle.readLines()) yield line;\n  }\n  async latest() {\n    const it = this.entries();\n    try {\n      return (await it.next()).value;\n    } finally {\n      await it.return(undefined);\n    }\n  }\n}" }] }],
      },
      {
        // An events.on iterator keeps its listeners until return() removes them.
        code: "import { on } from 'node:events';\nimport type { EventEmitter } from 'node:events';\nexport async function nextMessage(emitter: EventEmitter) {\n  const messages = on(emitter, 'message');\n  const { value } = await messages.next();\n  return value;\n}",
        errors: [{ messageId: 'neverClosed', data: { name: 'messages', source: 'on()' }, line: 4, suggestions: [{ messageId: 'suggestReturnInFinally', data: { name: 'messages' }, output: "import { on } from 'node:events';\nimport type { EventEmitter } from 'node:events';\nexport async function nextMessage(emitter: EventEmitter) {\n  const messages = on(emitter, 'message');\n  try {\n    const { value } = await messages.next();\n    return value;\n  } finally {\n    await messages.return(undefined);\n  }\n}" }] }],
      },

      {
        // An async generator imported from the project is judged as one of the file would be.
        code: firstOf("import { lines } from './lines';"),
        filename: generators('consumer.ts'),
        options: [{ testFiles: [] }],
        errors: [{ messageId: 'neverClosed', data: { name: 'it', source: 'lines()' }, line: 3, suggestions: [{ messageId: 'suggestReturnInFinally', data: { name: 'it' }, output: "import { lines } from './lines';\nexport async function firstLine(path: string) {\n  const it = lines(path);\n  try {\n    const { value } = await it.next();\n    return value;\n  } finally {\n    await it.return(undefined);\n  }\n}" }] }],
      },
      {
        // Through a renaming re-export and a const function expression behind `export *`.
        code: "import { readLines as lines, words } from './index';\nexport async function firstWord(path: string) {\n  return (await words(path).next()).value;\n}\nexport async function firstLine(path: string) {\n  const it = lines(path);\n  const { value } = await it.next();\n  return value;\n}",
        filename: generators('consumer.ts'),
        options: [{ testFiles: [] }],
        errors: [
          { messageId: 'steppedOnce', data: { name: '', source: 'words()' }, line: 3 },
          { messageId: 'neverClosed', data: { name: 'it', source: 'lines()' }, line: 6, suggestions: [{ messageId: 'suggestReturnInFinally', data: { name: 'it' }, output: "import { readLines as lines, words } from './index';\nexport async function firstWord(path: string) {\n  return (await words(path).next()).value;\n}\nexport async function firstLine(path: string) {\n  const it = lines(path);\n  try {\n    const { value } = await it.next();\n    return value;\n  } finally {\n    await it.return(undefined);\n  }\n}" }] },
        ],
      },
      {
        // A namespace import.
        code: "import * as source from './lines';\nexport async function firstWord(path: string) {\n  return (await source.words(path).next()).value;\n}",
        filename: generators('consumer.ts'),
        options: [{ testFiles: [] }],
        errors: [{ messageId: 'steppedOnce', data: { name: '', source: 'source.words()' }, line: 3 }],
      },
      {
        // The handle is held across every yield; a consumer's break resumes the generator with a return there, which skips the close.
        code: "import { open } from 'node:fs/promises';\nexport async function* lines(path: string) {\n  const handle = await open(path);\n  for await (const line of handle.readLines()) yield line;\n  await handle.close();\n}",
        errors: [{ messageId: 'heldAcrossYield', data: { acquisition: 'open()', resource: 'FileHandle', line: 4, remedy: 'Release it in a `finally` block (`await handle.close()`)' }, line: 3, column: 24, suggestions: [{ messageId: 'suggestFinally', data: { release: 'await handle.close()' }, output: "import { open } from 'node:fs/promises';\nexport async function* lines(path: string) {\n  const handle = await open(path);\n  try {\n    for await (const line of handle.readLines()) yield line;\n  } finally {\n    await handle.close();\n  }\n}" }] }],
      },
      {
        // Never released: the client goes back to the pool only if the generator is never stopped early, and not even then.
        code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function* rows(sql: string) {\n  const client = await pool.connect();\n  const res = await client.query(sql);\n  yield* res.rows;\n}",
        errors: [{ messageId: 'heldAcrossYield', data: { acquisition: 'pool.connect()', resource: '`pg` PoolClient', line: 6, remedy: 'Release it in a `finally` block (`client.release()`)' }, line: 4, suggestions: [{ messageId: 'suggestFinally', data: { release: 'client.release()' }, output: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function* rows(sql: string) {\n  const client = await pool.connect();\n  try {\n    const res = await client.query(sql);\n    yield* res.rows;\n  } finally {\n    client.release();\n  }\n}" }] }],
      },
      {
        // A yield before the releasing try is not covered by its finally.
        code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function* rows(sql: string) {\n  const client = await pool.connect();\n  yield 'connected';\n  try {\n    yield* (await client.query(sql)).rows;\n  } finally {\n    client.release();\n  }\n}",
        errors: [{ messageId: 'heldAcrossYield', data: { acquisition: 'pool.connect()', resource: '`pg` PoolClient', line: 5, remedy: 'Release it in a `finally` block (`client.release()`)' }, line: 4 }],
      },
      {
        // Released in a catch and after the try: a throw releases it, a consumer's return() at the yield skips both (require-resource-cleanup trusts this shape).
        code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function* rows(sql: string) {\n  const client = await pool.connect();\n  try {\n    yield* (await client.query(sql)).rows;\n  } catch (error) {\n    client.release();\n    throw error;\n  }\n  client.release();\n}",
        errors: [{ messageId: 'heldAcrossYield', data: { acquisition: 'pool.connect()', resource: '`pg` PoolClient', line: 6, remedy: 'Release it in a `finally` block (`client.release()`)' }, line: 4 }],
      },
      {
        // Where the project supports it, `await using` is offered too, as require-resource-cleanup offers it.
        code: "import { open } from 'node:fs/promises';\nexport async function* chunks(path: string) {\n  const handle = await open(path);\n  for await (const chunk of handle.createReadStream()) yield chunk;\n  await handle.close();\n}",
        filename: disposable('chunks.ts'),
        options: [{ testFiles: [] }],
        errors: [
          {
            messageId: 'heldAcrossYield',
            line: 3,
            suggestions: [
              { messageId: 'suggestFinally', data: { release: 'await handle.close()' }, output: "import { open } from 'node:fs/promises';\nexport async function* chunks(path: string) {\n  const handle = await open(path);\n  try {\n    for await (const chunk of handle.createReadStream()) yield chunk;\n  } finally {\n    await handle.close();\n  }\n}" },
              { messageId: 'suggestAwaitUsing', output: "import { open } from 'node:fs/promises';\nexport async function* chunks(path: string) {\n  await using handle = await open(path);\n  for await (const chunk of handle.createReadStream()) yield chunk;\n}" },
            ],
          },
        ],
      },
    ],
  },
  {
    host: 'espree',
    valid: [
      "async function* numbers() {\n  try {\n    yield 1;\n  } finally {\n    console.log('done');\n  }\n}\nexport async function all() {\n  for await (const n of numbers()) console.log(n);\n}",
    ],
    invalid: [
      {
        code: "const gen = async function* () {\n  try {\n    yield 1;\n  } finally {\n    console.log('cleanup');\n  }\n};\nexport async function first() {\n  const it = gen();\n  const r = await it.next();\n  return r.value;\n}",
        errors: [{ messageId: 'neverClosed', data: { name: 'it', source: 'gen()' }, line: 9, suggestions: [{ messageId: 'suggestReturnInFinally', data: { name: 'it' }, output: "const gen = async function* () {\n  try {\n    yield 1;\n  } finally {\n    console.log('cleanup');\n  }\n};\nexport async function first() {\n  const it = gen();\n  try {\n    const r = await it.next();\n    return r.value;\n  } finally {\n    await it.return(undefined);\n  }\n}" }] }],
      },
    ],
  },
]);
