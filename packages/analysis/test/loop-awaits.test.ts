import { describe, expect, it } from 'vitest';
import { findAwaitLoops, type LoopSilenceReason, parseFile } from '../src/index';

function analyse(code: string, options = {}) {
  return findAwaitLoops(parseFile(code, 'a.ts'), options);
}

describe('findAwaitLoops: why a loop stays sequential', () => {
  // One case per reason, so each line of the rule doc's "When the rule stays silent" is backed by a test.
  const cases: Record<LoopSilenceReason, { code: string; options?: object }> = {
    // One connection: the code runs the same list concurrently only elsewhere.
    'sequential-by-choice': {
      code: 'async function f(driver, groups) {\n  if (driver === "postgres") {\n    for (const group of groups) {\n      await load(group);\n    }\n  } else {\n    await Promise.all(groups.map(load));\n  }\n}',
    },
    'for-await': { code: 'async function f(dirs) {\n  for (const dir of dirs) {\n    for await (const entry of walk(dir)) console.log(entry);\n  }\n}' },
    'await-in-condition': { code: 'async function f(queue, n) {\n  for (let i = 0; i < await limit(); i++) handle(i);\n}' },
    'condition-loop': { code: 'async function f(job) {\n  let done = false;\n  while (!done) {\n    done = (await job.status()).finished;\n  }\n}' },
    'early-exit': { code: 'async function f(mirrors) {\n  for (const url of mirrors) {\n    const res = await fetch(url);\n    if (res.ok) return res;\n  }\n}' },
    'exit-depends-on-await': {
      code: 'async function f(files) {\n  for (const file of files) {\n    const report = await check(file);\n    if (!report.ok) throw new Error(report.message);\n  }\n}',
    },
    'yields-in-loop': { code: 'async function* f(ids) {\n  for (const id of ids) {\n    yield await load(id);\n  }\n}' },
    'loop-carried-dependency': {
      code: 'async function f(pages) {\n  let cursor;\n  for (const _ of pages) {\n    cursor = await next(cursor);\n  }\n}',
    },
    'writes-outer-binding': { code: 'async function f(ids) {\n  let latest;\n  for (const id of ids) {\n    latest = await load(id);\n  }\n  return latest;\n}' },
    'callee-writes-shared-state': {
      code: 'let count = 0;\nasync function track(id) {\n  count++;\n  return get(id);\n}\nasync function f(ids) {\n  for (const id of ids) {\n    await track(id);\n  }\n}',
    },
    'awaits-started-promise': { code: 'async function f(ids) {\n  const pending = ids.map((id) => load(id));\n  for (const p of pending) {\n    console.log(await p);\n  }\n}' },
    'batched-concurrency': {
      code: 'async function f(chunks) {\n  for (const chunk of chunks) {\n    await Promise.all(chunk.map((id) => load(id)));\n  }\n}',
    },
    'sleep-or-backoff': { code: 'async function f(ids) {\n  for (const id of ids) {\n    await notify(id);\n    await sleep(1000);\n  }\n}' },
    'ordered-writes': { code: 'async function f(stream, rows) {\n  for (const row of rows) {\n    await stream.write(format(row));\n  }\n}' },
    'ordered-setup': { code: 'async function f(services) {\n  for (const service of services) {\n    await service.start();\n  }\n}' },
    'shared-argument': { code: 'async function f(nodes) {\n  const deps = new Set();\n  for (const node of nodes) {\n    await findDeps(node, deps);\n  }\n  return deps;\n}' },
    'interactive-call': { code: 'async function f(fields) {\n  for (const field of fields) {\n    answers[field] = await prompt(field);\n  }\n}' },
    'iteration-variable-unused': { code: 'async function f() {\n  for (let i = 0; i < 3; i++) {\n    await warmUp();\n  }\n}' },
    'calls-each-element': { code: 'async function f(hooks, ctx) {\n  for (const hook of hooks) {\n    await hook(ctx);\n  }\n}' },
    'test-file': {
      code: 'it("loads", async () => {\n  for (const id of ids) {\n    expect(await load(id)).toBeDefined();\n  }\n});',
      options: { filePath: 'test/load.test.ts' },
    },
    'unsupported-loop': { code: 'async function f(ids, state) {\n  for (state.id of ids) {\n    await load(state.id);\n  }\n}' },
  };

  it.each(Object.entries(cases))('%s', (reason, { code, options }) => {
    const result = analyse(code, options);
    expect(result.loops).toEqual([]);
    expect(result.silenced.map((s) => s.reason)).toContain(reason);
  });
});

describe('findAwaitLoops: one place every iteration writes', () => {
  it.each([
    ['a property', 'async function f(config, upgrades) {\n  for (const upgrade of upgrades) {\n    config.status = (await check(upgrade)) ? "green" : "yellow";\n  }\n}'],
    ['a constant key', 'async function f(ids) {\n  const out = {};\n  for (const id of ids) {\n    out["last"] = await load(id);\n  }\n  return out;\n}'],
  ])('%s: the last write wins (writes-outer-binding)', (_name, code) => {
    const result = analyse(code);
    expect(result.loops).toEqual([]);
    expect(result.silenced.map((s) => s.reason)).toEqual(['writes-outer-binding']);
  });

  it('a place chosen by the element, deeper in the chain, belongs to one iteration', () => {
    const result = analyse('async function f(items, byId) {\n  for (const item of items) {\n    byId[item.id].done = await check(item);\n  }\n}');
    expect(result.silenced).toEqual([]);
  });
});

describe('findAwaitLoops: independent loops', () => {
  it.each([
    // Results collected in order: the shape a bounded map keeps.
    ['collects results', 'async function f(ids) {\n  const users = [];\n  for (const id of ids) {\n    users.push(await api.getUser(id));\n  }\n  return users;\n}', null],
    ['a map keyed by the element', 'async function f(ids) {\n  const byId = new Map();\n  for (const id of ids) {\n    byId.set(id, await load(id));\n  }\n  return byId;\n}', null],
    ['an indexed for', 'async function f(urls) {\n  const pages = [];\n  for (let i = 0; i < urls.length; i++) {\n    pages[i] = await fetch(urls[i]);\n  }\n}', null],
    ['a literal list', 'async function f() {\n  for (const name of ["a", "b", "c"]) {\n    console.log(await read(name));\n  }\n}', 3],
    ['a continue before any await', 'async function f(pkgs) {\n  for (const pkg of pkgs) {\n    if (pkg.private) continue;\n    const meta = await registry.fetchMeta(pkg.name);\n    console.log(meta.version);\n  }\n}', null],
    ['a continue after an await ends only its own iteration', 'async function f(files) {\n  const out = [];\n  for (const file of files) {\n    const info = await stat(file);\n    if (!info.isFile()) continue;\n    out.push(file);\n  }\n  return out;\n}', null],
    ['a continue after an await, from a switch', 'async function f(items) {\n  for (const item of items) {\n    switch (await classify(item)) {\n      case "skip":\n        continue;\n      default:\n        console.log(item);\n    }\n  }\n}', null],
    ['a break of an inner switch', 'async function f(jobs) {\n  for (const job of jobs) {\n    switch (job.kind) {\n      case "a":\n        await renderA(job);\n        break;\n      default:\n        await renderB(job);\n    }\n  }\n}', null],
    ['a const list that grows is no literal size', 'async function f(ids) {\n  const todo = [];\n  todo.push(...ids);\n  for (const id of todo) {\n    console.log(await load(id));\n  }\n}', null],
    ['a per-item receiver that writes', 'async function f(docs) {\n  for (const doc of docs) {\n    await doc.save();\n  }\n}', null],
    ['a method of the class that only reads the instance', 'class Api {\n  async user(id) {\n    return this.client.get(`/users/${id}`);\n  }\n  async print(ids) {\n    for (const id of ids) {\n      console.log(await this.user(id));\n    }\n  }\n}', null],
  ])('%s', (_name, code, knownLength) => {
    const { loops, silenced } = analyse(code);
    expect(silenced).toEqual([]);
    expect(loops).toHaveLength(1);
    expect(loops[0]?.knownLength).toBe(knownLength);
  });

  it('owns the awaits core would report, and none in nested functions or for-await bodies', () => {
    const code =
      'async function f(xs, stream) {\n  for (const x of xs) {\n    const a = await getA(x);\n    const b = await getB(x);\n    xs2.forEach(async (y) => await y);\n    console.log(a, b);\n  }\n  for await (const chunk of stream) await handle(chunk);\n}';
    const { loops } = analyse(code);
    expect(loops).toHaveLength(1);
    expect(loops[0]?.awaits).toHaveLength(2);
  });

  it('a nested loop is judged on its own: an accumulating inner loop keeps the outer quiet only for what it owns', () => {
    const code =
      'async function f(groups) {\n  for (const group of groups) {\n    await load(group.id);\n    let total = 0;\n    for (const item of group.items) {\n      total += await price(item);\n    }\n    console.log(total);\n  }\n}';
    const { loops, silenced } = analyse(code);
    expect(silenced.map((s) => s.reason)).toEqual(['loop-carried-dependency']);
    expect(loops).toHaveLength(1);
    expect(loops[0]?.loop.type).toBe('ForOfStatement');
  });

  it.each([
    ['a seen set read and written', 'async function f(ids) {\n  const seen = new Set();\n  for (const id of ids) {\n    if (seen.has(id)) continue;\n    seen.add(id);\n    await load(id);\n  }\n}', 'loop-carried-dependency'],
    ['a queue drained', 'async function f(queue, ids) {\n  for (const id of ids) {\n    await handle(queue.shift(), id);\n  }\n}', 'loop-carried-dependency'],
    ['the counter written in the body', 'async function f(xs) {\n  for (let i = 0; i < xs.length; i++) {\n    if (await isPair(xs[i])) i++;\n  }\n}', 'loop-carried-dependency'],
    ['a write through this', 'class C {\n  async f(ids) {\n    for (const id of ids) {\n      await this.repo.save(id);\n    }\n  }\n}', 'ordered-writes'],
    ['an awaited plain function that writes', 'async function f(files) {\n  for (const file of files) {\n    await writeFile(file.path, file.text);\n  }\n}', 'ordered-writes'],
    ['a labelled continue of an outer loop', 'async function f(groups) {\n  outer: for (const g of groups) {\n    for (const x of g) {\n      if (x.skip) continue outer;\n      await load(x);\n    }\n  }\n}', 'early-exit'],
    ['a timer promise', "import { setTimeout } from 'node:timers/promises';\nasync function f(ids) {\n  for (const id of ids) {\n    await ping(id);\n    await setTimeout(100);\n  }\n}", 'sleep-or-backoff'],
    ['a hand-made pause', 'async function f(ids) {\n  for (const id of ids) {\n    await ping(id);\n    await new Promise((resolve) => setTimeout(resolve, 100));\n  }\n}', 'sleep-or-backoff'],
    ['a plain function that writes, not awaited', 'async function f(branches) {\n  for (const branch of branches) {\n    addMeta({ branch });\n    console.log(await status(branch));\n  }\n}', 'ordered-writes'],
    ['a write through the element to a shared argument', 'async function f(processors, project) {\n  for (const processor of processors) {\n    await processor.updateArtifacts(project);\n  }\n}', 'ordered-writes'],
    ['an issue closed through a plain function', 'async function f(issues) {\n  for (const issue of issues) {\n    await closeIssue(issue.id);\n  }\n}', 'ordered-writes'],
    ['a local writer two calls deep', 'let issues = 0;\nfunction report() {\n  issues += 1;\n}\nasync function check(file) {\n  if (!(await exists(file))) report();\n}\nasync function f(files) {\n  for (const file of files) {\n    await check(file);\n  }\n}', 'callee-writes-shared-state'],
    ['a method of the class that writes the instance', 'class Collector {\n  collected = new Map();\n  async dispose(m) {\n    if (!(await this.filter(m)) || !this.collected.has(m.id)) return;\n    this.collected.delete(m.id);\n  }\n  async filter(m) {\n    return m.ok;\n  }\n  async onBulkDelete(messages) {\n    for (const m of messages) await this.dispose(m);\n  }\n}', 'callee-writes-shared-state'],
    ['a method that writes through another method of the class', 'class Sync {\n  async mark(id) {\n    this.last = id;\n  }\n  async push(id) {\n    await send(id);\n    return this.mark(id);\n  }\n  async run(ids) {\n    for (const id of ids) {\n      await this.push(id);\n    }\n  }\n}', 'callee-writes-shared-state'],
    ['a limiter per batch', "import pMap from 'p-map';\nasync function f(batches) {\n  for (const batch of batches) {\n    await pMap(batch, load, { concurrency: 4 });\n  }\n}", 'batched-concurrency'],
  ])('%s', (_name, code, reason) => {
    const { loops, silenced } = analyse(code);
    expect(loops).toEqual([]);
    expect(silenced.map((s) => s.reason)).toEqual([reason]);
  });
});

describe('findAwaitLoops: queries and schema changes', () => {
  it.each([
    ['a migration\'s queries, one by one on the runner', 'class Runner {\n  async up(queries) {\n    for (const { query, parameters } of queries) {\n      await this.query(query, parameters);\n    }\n  }\n}'],
    ['columns changed one by one', 'async function f(runner, table, columns) {\n  for (const { oldColumn, newColumn } of columns) {\n    await runner.changeColumn(table, oldColumn, newColumn);\n  }\n}'],
  ])('%s stays in order (ordered-writes)', (_name, code) => {
    const result = analyse(code);
    expect(result.loops).toEqual([]);
    expect(result.silenced.map((s) => s.reason)).toEqual(['ordered-writes']);
  });

  it('SELECTs by the element are still independent', () => {
    const result = analyse('async function f(db, ids) {\n  const rows = [];\n  for (const id of ids) {\n    rows.push(await db.query("SELECT * FROM users WHERE id = $1", [id]));\n  }\n  return rows;\n}');
    expect(result.silenced).toEqual([]);
    expect(result.loops).toHaveLength(1);
  });
});

describe('findAwaitLoops: sequential by choice', () => {
  it('the branch returns, and the code after the if fans out over the same list', () => {
    const result = analyse('async function f(single, attrs) {\n  if (single) {\n    const out = [];\n    for (const a of this.attrs) {\n      out.push(await load(a));\n    }\n    return out;\n  }\n  return Promise.all(this.attrs.map(load));\n}');
    expect(result.silenced.map((s) => s.reason)).toEqual(['sequential-by-choice']);
  });

  it('the other branch collects the same list\'s promises in a loop, then awaits them together', () => {
    const result = analyse('async function f(paths, docs) {\n  if (paths.some((p) => p.ordered)) {\n    for (const path of paths) {\n      await populate(docs, path);\n    }\n  } else {\n    const promises = [];\n    for (const path of paths) promises.push(populate(docs, path));\n    await Promise.all(promises);\n  }\n}');
    expect(result.silenced.map((s) => s.reason)).toEqual(['sequential-by-choice']);
  });

  it('another list in the other branch, or a branch that goes on, is no choice', () => {
    expect(analyse('async function f(pg, groups, others) {\n  if (pg) {\n    for (const g of groups) {\n      await load(g);\n    }\n  } else {\n    await Promise.all(others.map(load));\n  }\n}').loops).toHaveLength(1);
    expect(analyse('async function f(pg, groups) {\n  if (pg) {\n    for (const g of groups) {\n      await load(g);\n    }\n  }\n  await Promise.all(groups.map(load));\n}').loops).toHaveLength(1);
  });
});
