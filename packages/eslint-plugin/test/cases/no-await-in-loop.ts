import rule from '../../src/rules/no-await-in-loop';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (no-await-in-loop.test.ts) and linted as files by ESLint and oxlint alike
// (test/integration/oxlint.test.ts). Every valid case is a loop ESLint core's rule reports.
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // loop-carried-dependency: a `var` in the body is the function's, so one iteration reads what the last one wrote.
      'export async function f(ids: string[]) {\n  for (const id of ids) {\n    var cursor;\n    const page = await load(id, cursor);\n    cursor = page.next;\n  }\n}',
      // for-await: a for await inside a loop reads one item at a time by design.
      'export async function f(dirs: string[]) {\n  for (const dir of dirs) {\n    for await (const entry of walk(dir)) console.log(entry);\n  }\n}',
      // await-in-condition: the loop awaits only to decide whether to go on.
      'export async function f(n: number) {\n  for (let i = 0; i < (await limit()); i++) handle(i);\n}',
      // condition-loop: polling until done.
      'export async function poll(job: Job) {\n  let done = false;\n  while (!done) {\n    done = (await job.status()).finished;\n  }\n}',
      // condition-loop: a retry loop.
      'export async function retry(fn: () => Promise<Response>) {\n  let attempt = 0;\n  do {\n    try {\n      return await fn();\n    } catch (error) {\n      attempt++;\n    }\n  } while (attempt < 3);\n}',
      // early-exit: the first mirror that answers.
      'export async function first(mirrors: string[]) {\n  for (const url of mirrors) {\n    const res = await fetch(url);\n    if (res.ok) return res;\n  }\n}',
      // early-exit: a return inside a switch leaves the loop.
      'export async function find(items: Item[]) {\n  for (const item of items) {\n    switch (await classify(item)) {\n      case "match":\n        return item;\n      default:\n        continue;\n    }\n  }\n}',
      // early-exit: a retry with a for loop.
      'export async function retry(fn: () => Promise<string>) {\n  for (let attempt = 0; attempt < 3; attempt++) {\n    try {\n      return await fn();\n    } catch {\n      console.warn("retrying", attempt);\n    }\n  }\n}',
      // exit-depends-on-await: validation stops at the first failure (a throw, unlike a continue, ends the loop).
      'export async function validate(files: string[]) {\n  for (const file of files) {\n    const report = await check(file);\n    if (!report.ok) throw new Error(report.message);\n  }\n}',
      // yields-in-loop: the consumer takes each page when it asks.
      'export async function* pages(ids: string[]) {\n  for (const id of ids) {\n    yield await load(id);\n  }\n}',
      // loop-carried-dependency: pagination, each page from the last cursor.
      'export async function all(pages: number) {\n  let cursor: string | undefined;\n  const items = [];\n  for (let i = 0; i < pages; i++) {\n    const page = await list({ cursor });\n    items.push(...page.items);\n    cursor = page.next;\n  }\n  return items;\n}',
      // loop-carried-dependency: an accumulator.
      'export async function total(items: Item[]) {\n  let sum = 0;\n  for (const item of items) {\n    sum += await price(item);\n  }\n  return sum;\n}',
      // loop-carried-dependency: a seen set, read and written.
      'export async function unique(ids: string[]) {\n  const seen = new Set<string>();\n  for (const id of ids) {\n    const key = await canonical(id);\n    if (seen.has(key)) console.log("dup", key);\n    seen.add(key);\n  }\n}',
      // writes-outer-binding: the last write wins.
      'export async function latest(ids: string[]) {\n  let last;\n  for (const id of ids) {\n    last = await load(id);\n  }\n  return last;\n}',
      // writes-outer-binding: every iteration writes one property; the last write wins.
      'export async function rate(config: { status?: string }, upgrades: string[]) {\n  for (const upgrade of upgrades) {\n    config.status = (await check(upgrade)) ? "green" : "yellow";\n  }\n}',
      // callee-writes-shared-state: a local helper counts.
      'let loaded = 0;\nasync function track(id: string) {\n  loaded++;\n  return get(id);\n}\nexport async function f(ids: string[]) {\n  for (const id of ids) {\n    await track(id);\n  }\n}',
      // awaits-started-promise: the work already runs at once; the loop only collects.
      'export async function f(ids: string[]) {\n  const pending = ids.map((id) => load(id));\n  for (const p of pending) {\n    console.log(await p);\n  }\n}',
      // batched-concurrency: the loop bounds the fan-out, one batch at a time.
      'export async function f(chunks: string[][]) {\n  for (const chunk of chunks) {\n    await Promise.all(chunk.map((id) => load(id)));\n  }\n}',
      // sleep-or-backoff: rate limiting.
      'export async function f(ids: string[]) {\n  for (const id of ids) {\n    await notify(id);\n    await sleep(1000);\n  }\n}',
      // ordered-writes: one stream, written in order.
      'export async function f(stream: Writer, rows: Row[]) {\n  for (const row of rows) {\n    await stream.write(format(row));\n  }\n}',
      // ordered-writes: rows inserted in order through one client.
      'export async function seed(db: Db, rows: Row[]) {\n  for (const row of rows) {\n    await db.insert(row);\n  }\n}',
      // ordered-writes: a name whose verb comes last (`submoduleUpdate`), through a retry callback: one repository, updated in order.
      "import { simpleGit } from 'simple-git';\nconst git = simpleGit();\nexport async function init(submodules: string[]) {\n  for (const submodule of submodules) {\n    await retry(() => git.env(process.env).submoduleUpdate(['--init', submodule]));\n  }\n}",
      // ordered-setup: services come up in order.
      'export async function boot(services: Service[]) {\n  for (const service of services) {\n    await service.start();\n  }\n}',
      // shared-argument: the callee fills a set made outside the loop, in order.
      'export async function deps(nodes: Node[]) {\n  const seen = new Set<string>();\n  for (const node of nodes) {\n    await findDeps(node, seen);\n  }\n  return seen;\n}',
      // interactive-call: one question at a time.
      'export async function ask(fields: string[]) {\n  const answers: Record<string, string> = {};\n  for (const field of fields) {\n    answers[field] = await prompt(field);\n  }\n  return answers;\n}',
      // iteration-variable-unused: the same call three times on purpose.
      'export async function warm() {\n  for (let i = 0; i < 3; i++) {\n    await warmUp();\n  }\n}',
      // calls-each-element: middleware runs in order by contract.
      'export async function run(middlewares: Middleware[], ctx: Context) {\n  for (const middleware of middlewares) {\n    await middleware(ctx);\n  }\n}',
      // calls-each-element: a plugin's hook, called with the container's context, runs in plugin order.
      'export class Plugins {\n  constructor(private readonly plugins: Plugin[]) {}\n  async buildStarted(ctx: Context) {\n    for (const plugin of this.plugins) {\n      if (plugin.buildStart) await plugin.buildStart.call(ctx);\n    }\n  }\n}',
      // test-file: a test steps through its cases in order.
      {
        code: 'it("loads each", async () => {\n  for (const id of ids) {\n    expect(await load(id)).toBeDefined();\n  }\n});',
        filename: 'src/load.test.ts',
      },
      // unsupported-loop: the element is written to an object.
      'export async function f(ids: string[], state: { id: string }) {\n  for (state.id of ids) {\n    await load(state.id);\n  }\n}',
      // No await in the loop itself: the async callback is its own function.
      'export function f(ids: string[]) {\n  for (const id of ids) {\n    queue.push(async () => await load(id));\n  }\n}',
      // The iterable is awaited once, before the loop.
      'export async function f() {\n  for (const id of await listIds()) console.log(id);\n}',
    ],
    invalid: [
      {
        code: 'export async function users(ids: string[]) {\n  const users = [];\n  for (const id of ids) {\n    users.push(await api.getUser(id));\n  }\n  return users;\n}',
        errors: [{ messageId: 'awaitInIndependentLoop', line: 4, column: 16 }],
      },
      {
        // An indexed loop writing each result to its own slot.
        code: 'export async function pages(urls: string[]) {\n  const out: Response[] = [];\n  for (let i = 0; i < urls.length; i++) {\n    out[i] = await fetch(urls[i]);\n  }\n  return out;\n}',
        errors: [{ messageId: 'awaitInIndependentLoop', line: 4, column: 14 }],
      },
      {
        // A literal list of three: Promise.all is enough.
        code: 'export async function readAll() {\n  for (const name of ["a.json", "b.json", "c.json"]) {\n    console.log(await read(name));\n  }\n}',
        errors: [{ messageId: 'awaitInSmallLoop', data: { count: '3' }, line: 3, column: 17 }],
      },
      {
        // A filter before any await, a map keyed by the element, two awaits in one iteration: one report.
        code: 'export async function meta(pkgs: Pkg[]) {\n  const byName = new Map();\n  for (const pkg of pkgs) {\n    if (pkg.private) continue;\n    const info = await registry.fetchInfo(pkg.name);\n    const readme = await registry.fetchReadme(pkg.name);\n    byName.set(pkg.name, { info, readme });\n  }\n  return byName;\n}',
        errors: [{ messageId: 'awaitInIndependentLoop', line: 5, column: 18 }],
      },
      {
        // A continue after the await skips the rest of its own iteration only: the next one runs all the same.
        code: 'export async function sizes(files: string[]) {\n  const out: string[] = [];\n  for (const file of files) {\n    const info = await stat(file);\n    if (!info.isFile()) continue;\n    out.push(file);\n  }\n  return out;\n}',
        errors: [{ messageId: 'awaitInIndependentLoop', line: 4, column: 18 }],
      },
      {
        // A continue of the loop from inside a switch, after the await, ends the iteration too.
        code: 'export async function sort(items: Item[]) {\n  for (const item of items) {\n    switch (await classify(item)) {\n      case "skip":\n        continue;\n      default:\n        console.log(item);\n    }\n  }\n}',
        errors: [{ messageId: 'awaitInIndependentLoop', line: 3, column: 13 }],
      },
      {
        // The outer loop is independent; the inner accumulating loop is not, and stays quiet.
        code: 'export async function report(groups: Group[]) {\n  for (const group of groups) {\n    const owner = await load(group.owner);\n    let total = 0;\n    for (const item of group.items) {\n      total += await price(item);\n    }\n    console.log(owner, total);\n  }\n}',
        errors: [{ messageId: 'awaitInIndependentLoop', line: 3, column: 19 }],
      },
      {
        // A larger literal than maxKnownLength allows gets the bounded-map message.
        code: 'export async function f() {\n  for (const n of [1, 2, 3]) {\n    console.log(await square(n));\n  }\n}',
        options: [{ maxKnownLength: 2 }],
        errors: [{ messageId: 'awaitInIndependentLoop', line: 3, column: 17 }],
      },
      {
        // Test files are checked when testFiles is empty.
        code: 'it("loads each", async () => {\n  for (const id of ids) {\n    expect(await load(id)).toBeDefined();\n  }\n});',
        filename: 'src/load.test.ts',
        options: [{ testFiles: [] }],
        errors: [{ messageId: 'awaitInIndependentLoop', line: 3, column: 12 }],
      },
    ],
  },
  {
    host: 'espree',
    valid: [
      // condition-loop in plain JavaScript.
      'export async function drain(queue) {\n  while (queue.length) {\n    await handle(queue.shift());\n  }\n}',
    ],
    invalid: [
      {
        code: 'export async function sizes(files) {\n  const out = {};\n  for (const file of files) {\n    out[file] = (await stat(file)).size;\n  }\n  return out;\n}',
        errors: [{ messageId: 'awaitInIndependentLoop', line: 4, column: 18 }],
      },
    ],
  },
]);
