import rule from '../../src/rules/prefer-promise-all';
import { defineRuleCases } from '../rule-tester';

const fn = (body: string) => `async function handler(id: string) {\n${body}\n}`;

// Declarations the typed cases check against.
const typedPrelude = [
  'declare const cache: { get(key: string): number };',
  'declare const api: { getUser(id: string): Promise<{ name: string }>; getPosts(id: string): Promise<string[]> };',
  'declare const loose: any;',
].join('\n');

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // uses-earlier-result: the second call needs the first result.
      fn('  const user = await getUser(id);\n  const orders = await getOrders(user.accountId);'),
      // The result is read inside a callback of the next call: still a dependency.
      fn('  const token = await login();\n  const data = await fetchWith(() => token);'),
      // Separated by control flow.
      fn('  const a = await getA();\n  if (!a) return;\n  const b = await getB();'),
      // A statement without await ends the run.
      fn('  const a = await getA();\n  log(a);\n  const b = await getB();'),
      // Awaits in nested functions belong to those functions, not to this run.
      fn('  const a = await getA();\n  const b = (async () => await getB())();'),
      fn('  items.forEach(async (item) => {\n    await save(item);\n  });\n  await done();'),
      // for await is a loop, not an await statement.
      fn('  const a = await getA();\n  for await (const chunk of stream()) consume(chunk);'),
      // operand-not-a-call: these promises already run; Promise.all would start nothing earlier.
      fn('  const a = await pendingA;\n  const b = await pendingB;'),
      // member-written-then-read: the second call reads `this`, which the first write changed.
      'class Store { async load() {\n  this.user = await fetchUser();\n  this.posts = await this.fetchPosts();\n} }',
      'async function f(state) {\n  state.user = await fetchUser();\n  await persist(state);\n}',
      // written-binding-observable: a hoisted function reads `a` and the second call may run it.
      fn('  const a = await getA();\n  const b = await getB();\n  function getB() { return a; }'),
      // written-binding-observable: module state written first could be read by the second call.
      'let cache;\nexport async function warm() {\n  cache = await loadCache();\n  const b = await loadB();\n  return b;\n}\nexport function read() { return cache; }',
      // written-binding-observable: if the second call throws, the catch must still see the first write.
      fn('  let a, b;\n  try {\n    a = await getA();\n    b = await getB();\n  } catch {\n    report(a);\n  }'),
      // writes-shared-binding: both write `x`.
      fn('  let x;\n  x = await getA();\n  x = await getB();'),
      // unsupported-statement: compound assignment reads the old value.
      fn('  let total = 0;\n  total += await countA();\n  total += await countB();'),
      // unsupported-statement: several declarators in one statement.
      fn('  const a = await getA(), b = await getB();\n  const c = await getC();'),
      // nested-await: the operand awaits too.
      fn('  const a = await getA(await token());\n  const b = await getB();'),
      // nested-await: yield in an async generator.
      'async function* gen() {\n  const a = await (yield 1);\n  const b = await getB();\n}',
      // different-statement-form: a `let` cannot share a destructuring with a `const`.
      fn('  let a = await getA();\n  const b = await getB();\n  a = a + b;'),
      // Different blocks are different runs.
      fn('  {\n    await getA();\n  }\n  await getB();'),
      // Exports of top-level awaits are left alone.
      'export const a = await getA();\nexport const b = await getB();',
      // ignored-callee: writes that must stay ordered.
      {
        code: fn('  await audit.write("start");\n  await audit.write("end");'),
        options: [{ ignore: ['audit.*'] }],
      },
      {
        code: 'class S { async run() {\n  await this.logger.info("a");\n  await this.logger.info("b");\n} }',
        options: [{ ignore: ['logger.*'] }],
      },
      // minRun: two are not enough when three are asked for.
      { code: fn('  const a = await getA();\n  const b = await getB();'), options: [{ minRun: 3 }] },
      // result-unused (default): an await kept for its effect orders what follows.
      fn('  await exec(installCommand);\n  const lockFile = await readFile(lockFileName);'),
      fn('  await scm.checkoutBranch(base);\n  await scm.mergeAndPush(branch);'),
      fn('  await setTimeout(1000);\n  await refresh(id);'),
      // uses-earlier-result: under the classic JSX runtime `<App />` reads `React`.
      {
        code: 'async function page() {\n  const React = await import("react");\n  const html = await render(<App />);\n  return html;\n}',
        filename: 'page.tsx',
      },
      {
        code: '/** @jsx h */\nasync function page() {\n  const { h } = await import("preact");\n  const html = await render(<App />);\n  return html;\n}',
        filename: 'page.tsx',
      },
      // Not async code at all.
      'function sync() { const a = getA(); const b = getB(); return [a, b]; }',
      // shared-state-write: the read must see what the write stored in the same cache directory.
      fn('  const inserted = await index.insert(cacheDir, id, data);\n  const entry = await get.info(cacheDir, id);'),
      // shared-state-write: a protocol on one object.
      fn('  const done = await strategy.reconcile(page);\n  const result = await strategy.finalizeAndReturn();'),
      // shared-state-write: read, then merge the same pull request.
      fn('  const before = await github.getPr(id);\n  const merged = await github.mergePr({ id });'),
      // setup-then-use: the request needs the server.
      fn('  const server = await app.listen(0);\n  const res = await request("/health");'),
      // repeated-call: a cache fill, then the hit.
      fn('  const first = await cache.getRelease(url, id);\n  const second = await cache.getRelease(url, id);'),
      // interactive-call: two prompts on one terminal.
      fn('  const user = await read.username("Username:");\n  const pass = await read.password("Password:");'),
      // module-load-order: after a registry reset, the instances must match.
      'beforeEach(async () => {\n  vi.resetModules();\n  const hostRules = await vi.importActual("./host-rules");\n  const platform = await vi.importActual("./platform");\n});',
      // repeated-subject: in a test file, the same operation on one subject again.
      {
        code: 'it("reads in order", async () => {\n  const foo = await rubygems.getVersions(registryUrl, "foo");\n  const bar = await rubygems.getVersions(registryUrl, "bar");\n});',
        filename: 'lib/versions.spec.ts',
      },
      // In a test file a write is ordered with what follows (arrange, then act).
      {
        code: 'it("finds", async () => {\n  const author = await db.insert(Author, { name: "a" });\n  const found = await orm.find(Author, {});\n});',
        filename: 'test/find.test.ts',
      },
      // ordered-callee: calls matching one `ordered` pattern keep their order.
      {
        code: fn('  const users = await db.users.count();\n  const orders = await db.orders.count();'),
        options: [{ ordered: ['db.*'] }],
      },
      // written-binding-observable: in a script, top-level bindings are globals other scripts can read.
      {
        code: 'let a, b;\nasync function f() {\n  a = await getA();\n  b = await getB();\n}\nf();',
        languageOptions: { parserOptions: { sourceType: 'script' } },
      },
      // methods-share-state: getIds() calls fetchInfo(), which fills the cache both would miss if started together.
      'export class M {\n  info = null;\n  async fetchInfo() {\n    if (this.info) return this.info;\n    return (this.info = await load());\n  }\n  async getIds() {\n    return (await this.fetchInfo()).ids;\n  }\n  async connect() {\n    const ids = await this.getIds();\n    const info = await this.fetchInfo();\n    return [ids, info];\n  }\n}',
    ],
    invalid: [
      {
        // Methods of the class that only read the instance still start together.
        code: 'export class M {\n  async user() {\n    return this.api.get("user");\n  }\n  async posts() {\n    return this.api.get("posts");\n  }\n  async page() {\n    const user = await this.user();\n    const posts = await this.posts();\n    return { user, posts };\n  }\n}',
        errors: [
          {
            messageId: 'preferPromiseAll',
            line: 9,
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: 'export class M {\n  async user() {\n    return this.api.get("user");\n  }\n  async posts() {\n    return this.api.get("posts");\n  }\n  async page() {\n    const [user, posts] = await Promise.all([this.user(), this.posts()]);\n    return { user, posts };\n  }\n}',
              },
            ],
          },
        ],
      },
      {
        // testFiles: [] turns the test-file tier off.
        code: 'it("reads", async () => {\n  const foo = await api.versions(url, "foo");\n  const bar = await api.versions(url, "bar");\n});',
        filename: 'lib/versions.spec.ts',
        options: [{ testFiles: [] }],
        errors: [{ messageId: 'preferPromiseAll', suggestions: [{ messageId: 'suggestPromiseAll', output: 'it("reads", async () => {\n  const [foo, bar] = await Promise.all([\n    api.versions(url, "foo"),\n    api.versions(url, "bar"),\n  ]);\n});' }] }],
      },
      {
        // settled: Promise.allSettled, each result its value or its rejection reason.
        code: fn('  const user = await getUser(id);\n  const posts = await getPosts(id);'),
        options: [{ settled: true }],
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAllSettled',
                output: fn(
                  "  const [user, posts] = (await Promise.allSettled([\n    getUser(id),\n    getPosts(id),\n  ])).map((r) => (r.status === 'fulfilled' ? r.value : r.reason));",
                ),
              },
            ],
          },
        ],
      },
      {
        // ordered: calls outside the pattern still run beside them.
        code: fn('  const users = await db.users.count();\n  const rate = await exchange.rate("EUR");'),
        options: [{ ordered: ['db.*'] }],
        errors: [{ messageId: 'preferPromiseAll', suggestions: [{ messageId: 'suggestPromiseAll', output: fn('  const [users, rate] = await Promise.all([\n    db.users.count(),\n    exchange.rate("EUR"),\n  ]);') }] }],
      },
      {
        // Code after a comment on the run's last line stays where it is: the rewrite ends at the
        // statement, and takes the trailing comments only when nothing but comments ends the line.
        code: fn('  const a = await x();\n  const b = await y(); /* a */ launch(); /* b */\n  return [a, b];'),
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn('  const [a, b] = await Promise.all([x(), y()]); /* a */ launch(); /* b */\n  return [a, b];'),
              },
            ],
          },
        ],
      },
      {
        // A `//` comment ends at U+2028 too: the call on the same physical line is code, not comment.
        code: fn('  const a = await x();\n  const b = await y(); // c\u2028 launch(); /* d */\n  return [a, b];'),
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn('  const [a, b] = await Promise.all([\n    x(),\n    y(), // c\n  ]);\u2028 launch(); /* d */\n  return [a, b];'),
              },
            ],
          },
        ],
      },
      {
        // A multi-line comment inside a call is kept byte for byte when the call is re-indented.
        code: fn('  const a = await x({\n    /* first\n       second */\n    k: 1,\n  });\n  const b = await y();\n  return [a, b];'),
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn(
                  '  const [a, b] = await Promise.all([\n    x({\n      /* first\n       second */\n      k: 1,\n    }),\n    y(),\n  ]);\n  return [a, b];',
                ),
              },
            ],
          },
        ],
      },
      {
        // The same code in a module (ESLint's default; oxlint reads a file with import or export so):
        // its top-level bindings are private to it.
        code: 'let a, b;\nasync function f() {\n  a = await getA();\n  b = await getB();\n}\nf();',
        errors: [{ messageId: 'preferPromiseAll', suggestions: [{ messageId: 'suggestPromiseAll', output: 'let a, b;\nasync function f() {\n  [a, b] = await Promise.all([getA(), getB()]);\n}\nf();' }] }],
      },
      {
        code: fn('  const user = await getUser(id);\n  const posts = await getPosts(id);\n  return { user, posts };'),
        errors: [
          {
            messageId: 'preferPromiseAll',
            line: 2,
            column: 16,
            data: { names: '`getUser()` and `getPosts()`' },
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                data: { names: '`getUser()` and `getPosts()`' },
                output: fn('  const [user, posts] = await Promise.all([getUser(id), getPosts(id)]);\n  return { user, posts };'),
              },
            ],
          },
        ],
      },
      {
        // Type annotations become a tuple type; destructuring is kept.
        code: fn(
          '  const user: User = await api.getUser(id);\n  const { items }: Page<Post> = await api.getPosts(id);\n  return [user, items];',
        ),
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn(
                  '  const [user, { items }]: [User, Page<Post>] = await Promise.all([\n    api.getUser(id),\n    api.getPosts(id),\n  ]);\n  return [user, items];',
                ),
              },
            ],
          },
        ],
      },
      {
        // With includeBareAwaits, bare awaits become holes; a trailing bare await needs none.
        code: fn('  await warmUp();\n  const config = await loadConfig();\n  await ping();'),
        options: [{ includeBareAwaits: true }],
        errors: [
          {
            messageId: 'preferPromiseAll',
            data: { names: '`warmUp()`, `loadConfig()` and `ping()`' },
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn('  const [, config] = await Promise.all([warmUp(), loadConfig(), ping()]);'),
              },
            ],
          },
        ],
      },
      {
        // Only bare awaits.
        code: fn('  await db.connect();\n  await cache.connect();'),
        options: [{ includeBareAwaits: true }],
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [{ messageId: 'suggestPromiseAll', output: fn('  await Promise.all([db.connect(), cache.connect()]);') }],
          },
        ],
      },
      {
        // Member assignments become one destructuring assignment.
        code: 'class Page {\n  async load() {\n    this.user = await fetchUser();\n    this.posts = await fetchPosts();\n  }\n}',
        errors: [
          {
            messageId: 'preferPromiseAll',
            line: 3,
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: 'class Page {\n  async load() {\n    [this.user, this.posts] = await Promise.all([fetchUser(), fetchPosts()]);\n  }\n}',
              },
            ],
          },
        ],
      },
      {
        // Without semicolons, a statement starting with `[` gets a guard so it cannot join the previous line.
        code: 'async function f() {\n  let a, b\n  log("start")\n  a = await getA()\n  b = await getB()\n  return a + b\n}',
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: 'async function f() {\n  let a, b\n  log("start")\n  ;[a, b] = await Promise.all([getA(), getB()])\n  return a + b\n}',
              },
            ],
          },
        ],
      },
      {
        // Every comment survives, next to the operation it described.
        code: fn(
          '  // who is asking\n  const user = await getUser(id); // cached\n  /* the expensive one */\n  const stats = await getStats(/* window */ 30);\n  return { user, stats };',
        ),
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn(
                  '  // who is asking\n  const [user, stats] = await Promise.all([\n    getUser(id), // cached\n    /* the expensive one */\n    getStats(/* window */ 30),\n  ]);\n  return { user, stats };',
                ),
              },
            ],
          },
        ],
      },
      {
        // A run stops at a dependent await; the independent prefix is reported.
        code: fn('  const a = await getA();\n  const b = await getB();\n  const c = await getC(a, b);'),
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn('  const [a, b] = await Promise.all([getA(), getB()]);\n  const c = await getC(a, b);'),
              },
            ],
          },
        ],
      },
      {
        // An ignored callee splits the awaits around it into separate runs.
        code: fn('  await getA();\n  await getB();\n  await logger.info("half way");\n  await getC();\n  await getD();'),
        options: [{ ignore: ['logger.*'], includeBareAwaits: true }],
        errors: [
          {
            messageId: 'preferPromiseAll',
            line: 2,
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn('  await Promise.all([getA(), getB()]);\n  await logger.info("half way");\n  await getC();\n  await getD();'),
              },
            ],
          },
          {
            messageId: 'preferPromiseAll',
            line: 5,
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn('  await getA();\n  await getB();\n  await logger.info("half way");\n  await Promise.all([getC(), getD()]);'),
              },
            ],
          },
        ],
      },
      {
        // TypeScript-only syntax in the operands: generics, `as`, non-null, `satisfies`.
        code: fn(
          '  const user = await http.get<User>(`/users/${id}`);\n  const team = await (teams.find(id) as Promise<Team>);\n  const flags = await loadFlags()!;\n  const plan = await (plans.current() satisfies Promise<Plan>);',
        ),
        errors: [
          {
            messageId: 'preferPromiseAll',
            data: { names: '`http.get()`, `teams.find()`, `loadFlags()` and `plans.current()`' },
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn(
                  '  const [user, team, flags, plan] = await Promise.all([\n    http.get<User>(`/users/${id}`),\n    (teams.find(id) as Promise<Team>),\n    loadFlags()!,\n    (plans.current() satisfies Promise<Plan>),\n  ]);',
                ),
              },
            ],
          },
        ],
      },
      {
        // Module top level, with top-level await.
        code: 'const config = await loadConfig();\nconst secrets = await loadSecrets();\nexport { config, secrets };',
        errors: [
          {
            messageId: 'preferPromiseAll',
            line: 1,
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: 'const [config, secrets] = await Promise.all([loadConfig(), loadSecrets()]);\nexport { config, secrets };',
              },
            ],
          },
        ],
      },
      {
        // Inside a switch case.
        code: fn('  switch (id) {\n    case "a":\n      await stepA();\n      await stepB();\n      break;\n  }'),
        options: [{ includeBareAwaits: true }],
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn('  switch (id) {\n    case "a":\n      await Promise.all([stepA(), stepB()]);\n      break;\n  }'),
              },
            ],
          },
        ],
      },
      {
        // promise-shadowed: reported, but no suggestion, since `Promise.all` would not be the built-in.
        code: 'import Promise from "bluebird";\nexport async function f() {\n  const a = await getA();\n  const b = await getB();\n  return [a, b];\n}',
        errors: [
          {
            messageId: 'preferPromiseAllByHand',
            data: {
              names: '`getA()` and `getB()`',
              why: '`Promise` is not the built-in here; the rewrite would call a different `Promise.all`.',
            },
            suggestions: [],
          },
        ],
      },
      {
        // partial-type-annotations: reported, but a tuple annotation would need every type.
        code: fn('  const user: User = await getUser(id);\n  const posts = await getPosts(id);'),
        errors: [
          {
            messageId: 'preferPromiseAllByHand',
            data: {
              names: '`getUser()` and `getPosts()`',
              why: 'Only some declarations have type annotations; a tuple annotation would need a type for every one.',
            },
            suggestions: [],
          },
        ],
      },
      {
        // A later closure reading a fresh binding is fine: it cannot run before the awaits finish.
        code: fn('  const user = await getUser(id);\n  const posts = await getPosts(id);\n  return posts.map((p) => ({ ...p, author: user.name }));'),
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: fn('  const [user, posts] = await Promise.all([getUser(id), getPosts(id)]);\n  return posts.map((p) => ({ ...p, author: user.name }));'),
              },
            ],
          },
        ],
      },
      {
        // Many operations are named briefly.
        code: fn('  await a1();\n  await a2();\n  await a3();\n  await a4();\n  await a5();'),
        options: [{ minRun: 5, includeBareAwaits: true }],
        errors: [
          {
            messageId: 'preferPromiseAll',
            data: { names: '`a1()`, `a2()`, `a3()` and 2 more' },
            suggestions: [{ messageId: 'suggestPromiseAll', output: fn('  await Promise.all([a1(), a2(), a3(), a4(), a5()]);') }],
          },
        ],
      },
    ],
  },
  // With type information the rule knows which awaited values are not promises at all.
  {
    host: 'typed',
    valid: [
      // operand-not-a-promise: `cache.get` returns a number; awaiting it twice costs nothing.
      `${typedPrelude}\nexport async function f() {\n  const a = await cache.get('a');\n  const b = await cache.get('b');\n  return a + b;\n}`,
    ],
    invalid: [
      {
        code: `${typedPrelude}\nexport async function f(id: string) {\n  const user = await api.getUser(id);\n  const posts = await api.getPosts(id);\n  return { user, posts };\n}`,
        errors: [
          {
            messageId: 'preferPromiseAll',
            line: 5,
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: `${typedPrelude}\nexport async function f(id: string) {\n  const [user, posts] = await Promise.all([api.getUser(id), api.getPosts(id)]);\n  return { user, posts };\n}`,
              },
            ],
          },
        ],
      },
      {
        // `any` tells the checker nothing, so the answer falls back to syntax: still reported.
        code: `${typedPrelude}\nexport async function f() {\n  await loose.a();\n  await loose.b();\n}`,
        options: [{ includeBareAwaits: true }],
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: `${typedPrelude}\nexport async function f() {\n  await Promise.all([loose.a(), loose.b()]);\n}`,
              },
            ],
          },
        ],
      },
    ],
  },
  // Without types the same sync call is unknown, not "no": the rule reports it as it would any call.
  {
    host: 'syntax',
    valid: [],
    invalid: [
      {
        code: 'export async function f(cache) {\n  const a = await cache.get("a");\n  const b = await cache.get("b");\n}',
        errors: [{ messageId: 'preferPromiseAll', suggestions: [{ messageId: 'suggestPromiseAll', output: 'export async function f(cache) {\n  const [a, b] = await Promise.all([cache.get("a"), cache.get("b")]);\n}' }] }],
      },
    ],
  },
  // Plain JavaScript through ESLint's default parser and eslint-scope.
  {
    host: 'espree',
    valid: [
      'async function f(id) {\n  const user = await getUser(id);\n  const orders = await getOrders(user.id);\n}',
      'async function f() {\n  let n = 0;\n  const read = () => n;\n  n = await count();\n  const m = await other(read);\n}',
    ],
    invalid: [
      {
        code: 'export async function f(id) {\n  const user = await getUser(id);\n  const { items } = await getItems(id);\n  return [user, items];\n}',
        errors: [
          {
            messageId: 'preferPromiseAll',
            suggestions: [
              {
                messageId: 'suggestPromiseAll',
                output: 'export async function f(id) {\n  const [user, { items }] = await Promise.all([getUser(id), getItems(id)]);\n  return [user, items];\n}',
              },
            ],
          },
        ],
      },
    ],
  },
]);
