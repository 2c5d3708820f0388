import rule from '../../src/rules/require-atomic-updates';
import { defineRuleCases } from '../rule-tester';

const update = { messageId: 'nonAtomicUpdate' } as const;
const check = { messageId: 'nonAtomicCheck' } as const;

// Run by ESLint's RuleTester (require-atomic-updates.test.ts) and linted as files by ESLint and oxlint
// alike (test/integration/oxlint.test.ts). The valid cases marked "ESLint reports" are false positives
// of ESLint core's rule; each says why no concurrent call can lose an update there.
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // ESLint core's own valid cases.
      'let foo; async function x() { foo += bar; }',
      'let foo; async function x() { foo = foo + bar; }',
      'let foo; async function x() { foo = await bar + foo; }',
      'async function x() { let foo; foo += await bar; }',
      'let foo; async function x() { foo = (await result)(foo); }',
      'let foo; async function x() { foo = bar(await something, foo) }',
      'function* x() { let foo; foo += yield bar; }',
      'const foo = {}; async function x() { foo.bar = await baz; }',
      'const foo = []; async function x() { foo[x] += 1;  }',
      'let foo; function* x() { foo = bar + foo; }',
      'async function x() { let foo; bar(() => baz += 1); foo += await amount; }',
      'let foo; async function x() { foo = condition ? foo : await bar; }',
      'async function x() { let foo; bar(() => { let foo; blah(foo); }); foo += await result; }',
      'let foo; async function x() { foo = foo + 1; await bar; }',
      'async function f() {\n  let records;\n  records = await a.records;\n  g(() => { records });\n}',
      // ESLint reports: `foo` is a local; the closure only reads it, so nothing else can write it during the pause.
      'async function x() { let foo; bar(() => foo); foo += await amount; }',
      // ESLint reports: a sync generator resumes only when its caller calls next(); nothing runs in between unless the caller does it.
      'let foo; function* x() { foo += yield baz }',
      // ESLint reports: the stored value is the sent value plus `bar`; the old `foo` is only yielded, not used.
      'let foo; async function* x() { foo = (yield foo) + await bar; }',
      // ESLint reports (#17312): `headers` is a parameter, and the write does not depend on anything read before the await.
      "async function g(headers) {\n  await f(headers);\n  headers['x'] = 'y';\n}",
      // ESLint reports (#12423): `stat` is a local and `note` a parameter; the new value does not come from `note.metadata`.
      'async function fn(note) {\n  let stat;\n  if (!stat) stat = await File.stat(note.filePath);\n  note.metadata.created = stat ? stat.birthtime : new Date();\n}',
      // ESLint reports (#18785): `z1` is an object this call created; no other call can see it.
      'class Z { width = 0; height = 0; onComplete = () => {}; }\nexport const fn = async () => {\n  const z1 = new Z();\n  await Promise.all([z1]);\n  z1.width = 100;\n  z1.onComplete = () => {\n    z1.height = 200;\n  };\n};',
      // ESLint reports (#11899, #11950): `flasher.config` is written from the awaited value, not from `flasher.manifestId`.
      'const flasher = { manifestId: 1, config: null };\nexport async function tryFetch() {\n  const config = await pureFetch(flasher.manifestId);\n  if (config) {\n    flasher.config = config;\n  }\n}',
      // ESLint reports (#12353, #12599): the flag is checked and set before the first await, so a second call returns at once.
      'export async function sync() {\n  if (window.isSyncing) return;\n  window.isSyncing = true;\n  await work();\n  window.isSyncing = false;\n}',
      'let busy = false;\nexport async function run() {\n  if (busy) return;\n  busy = true;\n  try {\n    const n = counter;\n    await work();\n    counter = n + 1;\n  } finally {\n    busy = false;\n  }\n}\nlet counter = 0;',
      'class Loader {\n  loading = false;\n  async load() {\n    if (!this.loading) {\n      this.loading = true;\n      const seen = this.count;\n      await fetchPage();\n      this.count = seen + 1;\n      this.loading = false;\n    }\n  }\n}',
      // ESLint reports: `obj` is a parameter, the caller's object; ESLint's docs call this incorrect, but it is not state of this function.
      'async function foo(obj) {\n  if (!obj.done) {\n    obj.something = await getSomething();\n  }\n}',
      // ESLint reports: a saved value put back after the await, as a test does around a stubbed logger.
      'export async function withLogger(knex, run) {\n  const oldLogger = logger.current;\n  logger.current = silent;\n  try {\n    await run();\n  } finally {\n    logger.current = oldLogger;\n  }\n}\nconst logger = { current: console };\nconst silent = {};',
      // ESLint reports (its docs' `qux`): a cache filled after a check, off by default (`includeCheckThenWrite`):
      // the stored value does not come from the old one, and on real code such caches were idempotent.
      'let result;\nasync function qux() {\n  if (!result) {\n    result = await initialize();\n  }\n}',
      'let cache;\nexport async function get() {\n  cache ??= await load();\n  return cache;\n}',
      // The old value is stored only on the path that does not pause.
      'const config = {};\nexport async function sync(git) {\n  config.currentBranch = config.currentBranch || (await getDefaultBranch(git));\n}',
      // The test of a ternary picks the value; it is not part of it.
      'class Mode {\n  async toggle() {\n    this.mode = this.mode === "a" ? await next() : "b";\n  }\n}',
      // Re-read after the await.
      'class Counter {\n  count = 0;\n  async increment() {\n    await tick();\n    this.count = this.count + 1;\n  }\n}',
      'let result;\nasync function qux() {\n  if (!result) {\n    const tmp = await initialize();\n    if (!result) {\n      result = tmp;\n    }\n  }\n}',
      'let totalLength = 0;\nexport async function addLength(page) {\n  const length = await getPageLength(page);\n  totalLength += length;\n}',
      // An object created inside the function.
      'export async function build() {\n  const o = { n: 0 };\n  o.n += await next();\n  o.m = o.n + (await next());\n  return o;\n}',
      // A parameter's own binding.
      'export async function add(total, f) {\n  total += await f();\n  return total;\n}',
      // A closure called once, where it is written (an IIFE).
      'export async function sum() {\n  let total = 0;\n  await (async () => {\n    total += await size();\n  })();\n  return total;\n}',
      // Top-level `this` of a module is undefined: nothing is shared through it.
      'export const f = async () => { this.x += await g(); };',
      // `x++` reads and writes in one step.
      'let hits = 0;\nexport async function hit() {\n  await g();\n  hits++;\n}',
      // A value read and written in the same step of a loop, with the await after.
      'let n = 0;\nexport async function f(xs) {\n  let v = n;\n  for (const x of xs) {\n    n = v + 1;\n    await g(x);\n    v = 2;\n  }\n}',
      // The array object read before the await is the same object after it: push adds, it does not overwrite.
      'class Q {\n  items = [];\n  async add(x) {\n    this.items.push(await load(x));\n  }\n}',
    ],
    invalid: [
      // ESLint core's invalid cases that are real races.
      { code: 'let foo; async function x() { foo += await amount; }', errors: [{ ...update, line: 1, column: 31 }] },
      { code: 'if (1); let foo; async function x() { foo += await amount; }', errors: [update] },
      { code: 'let foo; async function x() { while (condition) { foo += await amount; } }', errors: [update] },
      { code: 'let foo; async function x() { foo = foo + await amount; }', errors: [update] },
      { code: 'let foo; async function x() { foo = foo + (bar ? baz : await amount); }', errors: [update] },
      { code: 'let foo; async function x() { foo = foo + (bar ? await amount : baz); }', errors: [update] },
      { code: 'let foo; async function x() { foo = condition ? foo + await amount : somethingElse; }', errors: [update] },
      { code: 'let foo; async function x() { foo = (condition ? foo : await bar) + await bar; }', errors: [update] },
      { code: 'let foo; async function x() { foo += bar + await amount; }', errors: [update] },
      { code: 'let foo; async function x() { foo = bar(foo, await something) }', errors: [update] },
      { code: 'const foo = {}; async function x() { foo.bar += await baz }', errors: [update] },
      { code: 'const foo = []; async function x() { foo[bar].baz += await result;  }', errors: [update] },
      { code: 'let foo; async function x() { foo = foo + await result(foo); }', errors: [update] },
      { code: 'let foo; async function x() { foo = await result(foo, await somethingElse); }', errors: [update] },
      { code: 'function* x() { let foo; yield async function y() { foo += await bar; } }', errors: [update] },
      { code: 'let foo; async function* x() { foo = await foo + (yield bar); }', errors: [update] },
      { code: 'let foo; async function x() { foo = bar + await foo; }', errors: [update] },
      { code: 'let foo = {}; async function x() { foo[bar].baz = await (foo.bar += await foo[bar].baz) }', errors: [update, update] },
      { code: 'async function x() { foo += await bar; }', errors: [update] },
      { code: 'let foo = 0; async function x() { foo = (a ? b : foo) + await bar; if (baz); }', errors: [update] },
      { code: 'let foo = 0; async function x() { foo = (a ? b ? c ? d ? foo : e : f : g : h) + await bar; if (baz); }', errors: [update] },
      { code: 'let result;\nfunction* generator() {}\nasync function* gen() {\n  result += yield;\n}', errors: [update] },
      // State of the instance, read into a local before the await.
      { code: 'class Counter {\n  count = 0;\n  async increment() {\n    const v = this.count;\n    await tick();\n    this.count = v + 1;\n  }\n}', errors: [{ ...update, line: 6, column: 5 }] },
      { code: 'class Counter {\n  #count = 0;\n  async add() {\n    this.#count += await next();\n  }\n}', errors: [update] },
      { code: 'let total = 0;\nexport async function add(f) {\n  total = total + (await f());\n}', errors: [update] },
      { code: 'class Store {\n  items = [];\n  async add(x) {\n    this.items = [...this.items, await load(x)];\n  }\n}', errors: [update] },
      { code: 'class Store {\n  state = {};\n  async set(k) {\n    this.state = { ...this.state, [k]: await load(k) };\n  }\n}', errors: [update] },
      // A closure shared by every call of the callback.
      { code: 'export async function sum(items) {\n  let total = 0;\n  await Promise.all(items.map(async (i) => {\n    total += await size(i);\n  }));\n  return total;\n}', errors: [update] },
      // A class field arrow: `this` is the instance.
      { code: 'class C {\n  n = 0;\n  bump = async () => {\n    this.n += await g();\n  };\n}', errors: [update] },
      // One iteration's read written in the next, after its await.
      { code: 'let n = 0;\nexport async function f(xs) {\n  let v = 0;\n  for (const x of xs) {\n    n = v + 1;\n    v = n;\n    await g(x);\n  }\n}', errors: [update] },
    ],
  },
  {
    host: 'syntax',
    valid: [
      // allowProperties: property writes are left alone, as in ESLint.
      { code: 'const foo = {}; async function x() { foo.bar += await baz }', options: [{ allowProperties: true }] },
      { code: 'class C { async inc() { const v = this.count; await tick(); this.count = v + 1; } }', options: [{ allowProperties: true }] },
    ],
    invalid: [{ code: 'let foo; async function x() { foo += await amount; }', options: [{ allowProperties: true }], errors: [update] }],
  },
  {
    host: 'syntax',
    valid: [
      // includeCheckThenWrite still accepts the busy-flag guard and a second check after the await.
      { code: 'class Loader {\n  async load() {\n    if (!this.loading) {\n      this.loading = true;\n      await fetchPage();\n      this.loading = false;\n    }\n  }\n}', options: [{ includeCheckThenWrite: true }] },
      { code: 'let result;\nasync function qux() {\n  if (!result) {\n    const tmp = await initialize();\n    if (!result) {\n      result = tmp;\n    }\n  }\n}', options: [{ includeCheckThenWrite: true }] },
    ],
    invalid: [
      // ESLint's docs: lazy initialisation checked before the await.
      { code: 'let result;\nasync function qux() {\n  if (!result) {\n    result = await initialize();\n  }\n}', options: [{ includeCheckThenWrite: true }], errors: [{ ...check, line: 4, column: 5 }] },
      { code: 'let cache;\nexport async function get() {\n  cache ??= await load();\n  return cache;\n}', options: [{ includeCheckThenWrite: true }], errors: [check] },
      { code: 'class Client {\n  async connect() {\n    if (!this.socket) {\n      this.socket = await open();\n    }\n    return this.socket;\n  }\n}', options: [{ includeCheckThenWrite: true }], errors: [check] },
      { code: 'let s = 0;\nexport async function f() {\n  switch (s) {\n    case 0:\n      await g();\n      s = 1;\n      break;\n    default:\n      s = 2;\n  }\n}', options: [{ includeCheckThenWrite: true }], errors: [check] },
    ],
  },
  {
    host: 'espree',
    valid: ['async function x() { let foo; foo += await bar; }', 'let n = 0; export async function f() { await g(); n = n + 1; }'],
    invalid: [
      { code: 'let n = 0; export async function f() { n += await g(); }', errors: [update] },
      { code: 'export class C { async f() { const v = this.n; await g(); this.n = v * 2; } }', errors: [update] },
    ],
  },
]);
