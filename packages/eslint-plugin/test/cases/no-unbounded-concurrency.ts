import rule from '../../src/rules/no-unbounded-concurrency';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-unbounded-concurrency.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // waits-only: replies awaited by id, the messages sent one by one.
      'export async function f(workers: Map<number, { postMessage(m: unknown): void }>, pending: Map<number, () => void>) {\n  const replies: Promise<void>[] = [];\n  for (const [id, worker] of workers) {\n    replies.push(new Promise<void>((resolve) => pending.set(id, resolve)));\n    worker.postMessage({ id });\n  }\n  await Promise.all(replies);\n}',
      'export async function f(ids: string[], bus: { once(e: string, cb: () => void): void }) {\n  await Promise.all(ids.map((id) => new Promise<void>((resolve) => bus.once(`ready:${id}`, resolve))));\n}',
      // known-small: a literal list.
      'export async function f() {\n  return Promise.all(["a", "b", "c"].map(async (name) => read(name)));\n}',
      // known-small: a const bound to a literal list.
      'const regions = ["eu", "us"];\nexport async function f() {\n  return Promise.all(regions.map(async (r) => ping(r)));\n}',
      // known-small: the first five.
      'export async function f(ids: string[]) {\n  return Promise.all(ids.slice(0, 5).map(async (id) => get(id)));\n}',
      // known-small: a literal length.
      'export async function f() {\n  return Promise.all(Array.from({ length: 4 }, (_, i) => i).map(async (i) => work(i)));\n}',
      // bounded-by-limiter: p-limit around each call.
      "import pLimit from 'p-limit';\nconst limit = pLimit(8);\nexport async function f(ids: string[]) {\n  return Promise.all(ids.map((id) => limit(() => get(id))));\n}",
      // bounded-by-limiter: p-queue.
      "import PQueue from 'p-queue';\nconst queue = new PQueue({ concurrency: 4 });\nexport async function f(ids: string[]) {\n  return Promise.all(ids.map((id) => queue.add(() => get(id))));\n}",
      // bounded-by-limiter: a semaphore acquired around the work.
      'export async function f(ids: string[], sem: Semaphore) {\n  return Promise.all(\n    ids.map(async (id) => {\n      const release = await sem.acquire();\n      try {\n        return await get(id);\n      } finally {\n        release();\n      }\n    }),\n  );\n}',
      // bounded-by-limiter: the work handed as a function to the project's own queue, which decides when it starts.
      "import { requestQueue } from './queue';\nexport async function versions(pkgs: string[]) {\n  return Promise.all(\n    pkgs.map(async (pkg) => {\n      const info = await requestQueue.add(() => npmInfo(pkg));\n      return info.version;\n    }),\n  );\n}",
      // batched-in-loop: one chunk at a time.
      'export async function f(chunks: string[][]) {\n  for (const chunk of chunks) {\n    await Promise.all(chunk.map(async (id) => get(id)));\n  }\n}',
      // batched-in-loop: slices of a fixed size.
      'export async function f(ids: string[]) {\n  for (let i = 0; i < ids.length; i += 10) {\n    await Promise.all(ids.slice(i, i + 10).map(async (id) => get(id)));\n  }\n}',
      // test-file: a fixture list.
      { code: 'it("loads", async () => {\n  await Promise.all(ids.map(async (id) => get(id)));\n});', filename: 'test/load.test.ts' },
      // Nothing shows a promise per element: a sync callback.
      'export async function f(xs: number[]) {\n  return Promise.all(xs.map((x) => x * 2));\n}',
      // A local Promise is not the global.
      'const Promise = { all: (xs: unknown[]) => xs };\nexport const f = (ids: string[]) => Promise.all(ids.map(async (id) => get(id)));',
      // A loop-filled array of values, not promises.
      'export async function f(ids: string[]) {\n  const out = [];\n  for (const id of ids) out.push(id.length);\n  return Promise.all(out);\n}',
    ],
    invalid: [
      {
        // The settler is the callback of a write that starts per socket.
        code: 'export async function f(sockets: { write(d: string, cb: () => void): void }[], data: string) {\n  await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.write(data, resolve))));\n}',
        errors: [{ messageId: 'unboundedMap', data: { combinator: 'all', input: 'sockets' } }],
      },
      {
        code: 'export async function users(ids: string[]) {\n  return Promise.all(ids.map(async (id) => api.getUser(id)));\n}',
        errors: [{ messageId: 'unboundedMap', data: { combinator: 'all', input: 'ids' }, line: 2, column: 10 }],
      },
      {
        // A callback returning fetch: a promise per element without async.
        code: 'export async function pages(urls: string[]) {\n  const results = await Promise.allSettled(urls.map((url) => fetch(url)));\n  return results;\n}',
        errors: [{ messageId: 'unboundedMap', data: { combinator: 'allSettled', input: 'urls' }, line: 2, column: 25 }],
      },
      {
        // An array filled in a loop.
        code: 'export async function pages(urls: string[]) {\n  const pending = [];\n  for (const url of urls) pending.push(fetch(url));\n  return Promise.all(pending);\n}',
        errors: [{ messageId: 'unboundedFilledArray', data: { combinator: 'all', input: 'urls' }, line: 4, column: 10 }],
      },
      {
        // `add` given a value, not work to run later: the call starts for every element at once.
        code: 'export async function f(ids: string[], seen: Set<unknown>) {\n  await Promise.all(ids.map(async (id) => seen.add(await get(id))));\n}',
        errors: [{ messageId: 'unboundedMap', data: { combinator: 'all', input: 'ids' } }],
      },
      {
        // More than maxKnownLength.
        code: 'export async function f() {\n  return Promise.all([1, 2, 3].map(async (n) => work(n)));\n}',
        options: [{ maxKnownLength: 2 }],
        errors: [{ messageId: 'unboundedMap', data: { combinator: 'all', input: '[1, 2, 3]' } }],
      },
      {
        // p-limit with Infinity bounds nothing.
        code: "import pLimit from 'p-limit';\nconst limit = pLimit(Infinity);\nexport async function f(ids: string[]) {\n  return Promise.all(ids.map(async (id) => limit(() => get(id))));\n}",
        errors: [{ messageId: 'unboundedMap', data: { combinator: 'all', input: 'ids' } }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export async function f() {\n  await Promise.all([a(), b()]);\n}'],
    invalid: [
      {
        code: 'export async function f(files) {\n  await Promise.all(files.map(async (file) => upload(file)));\n}',
        errors: [{ messageId: 'unboundedMap', data: { combinator: 'all', input: 'files' } }],
      },
    ],
  },
]);
