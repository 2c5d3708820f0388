import type { TypeOracle } from '../src/oracle/type-oracle';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/edits';
import { parseFile } from '../src/parse';
import { keepsEveryComment, planPromiseAll } from '../src/plan-promise-all';
import { findSequentialAwaitRuns, type SilenceReason } from '../src/sequential-awaits';

function analyse(code: string, filePath = 'a.ts', options = {}) {
  const file = parseFile(code, filePath);
  return { file, ...findSequentialAwaitRuns(file, options) };
}

function rewrite(code: string, filePath = 'a.ts'): string {
  const { runs } = analyse(code, filePath);
  return applyEdits(code, runs.flatMap((r) => r.plan.edits));
}

describe('findSequentialAwaitRuns: why a statement stays out of a run', () => {
  // One case per reason, so each line of the rule doc's "When the rule stays silent" is backed by a test.
  const cases: Record<SilenceReason, { code: string; options?: object; notPromise?: boolean }> = {
    'uses-earlier-result': { code: 'async function f() {\n  const a = await getA();\n  const b = await getB(a);\n}' },
    'writes-shared-binding': { code: 'async function f() {\n  let x;\n  x = await getA();\n  x = await getB();\n}' },
    'member-written-then-read': { code: 'async function f(s) {\n  s.a = await getA();\n  s.b = await getB(s);\n}' },
    'written-binding-observable': {
      code: 'let shared;\nexport async function f() {\n  let b;\n  shared = await getA();\n  b = await getB();\n  return b;\n}\nexport const peek = () => shared;',
    },
    'target-changed-by-later-call': {
      code: 'let current = {};\nfunction reset() { current = {}; }\nexport async function f() {\n  let n;\n  current.user = await getUser();\n  n = await switchSession();\n}',
    },
    'operand-not-a-call': { code: 'async function f(p, q) {\n  const a = await p;\n  const b = await q;\n}' },
    // Only a type checker says "not a promise" about a call; a stand-in oracle plays it here.
    'operand-not-a-promise': { code: 'async function f() {\n  const a = await getA();\n  const b = await getB();\n}', notPromise: true },
    'ignored-callee': { code: 'async function f() {\n  await log.info("a");\n  await log.info("b");\n}', options: { ignore: ['log.*'] } },
    'result-unused': { code: 'async function f() {\n  await exec("install");\n  const lock = await read("lock");\n}' },
    'nested-await': { code: 'async function f() {\n  const a = await getA(await t());\n  const b = await getB();\n}' },
    'different-statement-form': { code: 'async function f() {\n  let a = await getA();\n  const b = await getB();\n}' },
    'unsupported-statement': { code: 'async function f() {\n  let n = 0;\n  n += await getA();\n  n += await getB();\n}' },
    // Two prompts on one terminal.
    'interactive-call': { code: 'async function f() {\n  const user = await read.username("Username:");\n  const pass = await read.password("Password:");\n}' },
    'ordered-callee': {
      code: 'async function f() {\n  const a = await db.users.count();\n  const b = await db.orders.count();\n}',
      options: { ordered: ['db.*'] },
    },
    // After a registry reset, the module under test must see the same instance of its dependency.
    'module-load-order': {
      code: 'beforeEach(async () => {\n  vi.resetModules();\n  const config = await import("./config");\n  const service = await import("./service");\n});',
    },
    // A cache fill, then a hit the test relies on.
    'repeated-call': { code: 'async function f(url) {\n  const first = await cached.get(url);\n  const second = await cached.get(url);\n}' },
    // In a test file: the same operation on the same subject, observing sequential access.
    'repeated-subject': {
      code: 'it("reads", async () => {\n  const foo = await registry.versions(url, "foo");\n  const bar = await registry.versions(url, "bar");\n});',
      options: { filePath: 'test/registry.test.ts' },
    },
    // Start a server, then talk to it.
    'setup-then-use': { code: 'async function f(app) {\n  const server = await app.listen(0);\n  const res = await request("/health");\n}' },
    // Write to a cache directory, then read the same entry.
    'shared-state-write': {
      code: 'async function f(dir, key) {\n  const entry = await index.insert(dir, key, data);\n  const info = await get.info(dir, key);\n}',
    },
    // A lazy getter calls the other one: started together, both miss the cache and fetch twice.
    'methods-share-state': {
      code: 'class M {\n  async fetchInfo() {\n    if (this.info) return this.info;\n    return (this.info = await load());\n  }\n  async getIds() {\n    const info = await this.fetchInfo();\n    return info.ids;\n  }\n  async connect() {\n    const ids = await this.getIds();\n    const info = await this.fetchInfo();\n  }\n}',
    },
  };

  // An oracle with types that says no operand is a promise.
  const notPromiseOracle: TypeOracle = {
    source: 'types',
    isPromiseLike: () => 'no',
    promiseKind: () => 'no',
    isAlwaysPromiseLike: () => 'no',
    returnsPromise: () => 'no',
    expectsVoidFunction: () => 'no',
    expectsOnlyVoidFunction: () => 'no',
    overridesVoidMember: () => 'no',
    implementsMember: () => 'no',
    voidValueKind: () => 'unknown',
    callResultKind: () => 'unknown',
    isArray: () => 'unknown',
    isPromiseArray: () => 'no',
    errorKind: () => 'unknown',
    signatureReturnKind: () => 'other',
    isAbortSignal: () => 'unknown',
    isNodeStream: () => 'unknown',
    signalParameterAt: () => ({ kind: 'unknown' }),
  };

  it.each(Object.entries(cases))('%s', (reason, { code, options, notPromise }) => {
    const file = parseFile(code, 'a.ts', notPromise ? { oracle: () => notPromiseOracle } : {});
    const { runs, silenced } = findSequentialAwaitRuns(file, options ?? {});
    expect(runs).toEqual([]);
    expect(silenced.map((s) => s.reason)).toContain(reason);
  });
});

describe('findSequentialAwaitRuns: data flow the rewrite must not change', () => {
  const reasonsOf = (code: string, filePath = 'a.ts') => analyse(code, filePath).silenced.map((s) => s.reason);

  it('a caught error would leave an assigned variable with its old value after the try', () => {
    const code = "async function f() {\n  let a = 'old', b;\n  try {\n    a = await getA();\n    b = await getB();\n  } catch (e) {\n    log(e);\n  }\n  return a;\n}";
    expect(reasonsOf(code)).toEqual(['written-binding-observable']);
  });

  it('a var declared in a try outlives it', () => {
    const code = 'async function f() {\n  try {\n    var a = await getA();\n    var b = await getB();\n  } catch {}\n  return a;\n}';
    expect(reasonsOf(code)).toEqual(['written-binding-observable']);
  });

  it('a let declared inside the try block does not outlive it', () => {
    const code = 'async function f() {\n  try {\n    let a, b;\n    a = await getA();\n    b = await getB();\n    return [a, b];\n  } catch {}\n}';
    expect(analyse(code).runs).toHaveLength(1);
  });

  it('other modules can read an exported binding at any time', () => {
    const code = 'export let config;\nlet other;\nconfig = await loadConfig();\nother = await loadOther();';
    expect(reasonsOf(code)).toEqual(['written-binding-observable']);
  });

  it('members of global objects are targets a later call can reach', () => {
    const code = 'async function setup() {\n  global.db = await connectDb();\n  global.server = await startServer();\n}';
    expect(reasonsOf(code)).toEqual(['target-changed-by-later-call']);
  });

  it('a destructuring default reading state another function writes', () => {
    const code = 'let retries = 0;\nfunction bump() { retries++; }\nasync function f() {\n  const { timeout = retries } = await loadConfig();\n  const data = await fetchIt();\n}';
    expect(reasonsOf(code)).toEqual(['target-changed-by-later-call']);
  });

  it('sloppy-mode arguments aliases the parameters', () => {
    const code = 'async function h(a) {\n  let b;\n  a = await getA();\n  b = await getB(arguments);\n}';
    expect(reasonsOf(code, 'a.cjs')).toEqual(['uses-earlier-result']);
    // In strict code (modules) it does not.
    expect(analyse(code, 'a.mjs').runs).toHaveLength(1);
  });

  it('a direct eval can read anything', () => {
    const code = "async function f() {\n  const a = await getA();\n  const b = await getB(eval('a'));\n}";
    expect(reasonsOf(code)).toEqual(['uses-earlier-result']);
  });
});

describe('findSequentialAwaitRuns: runs', () => {
  it('finds a run and names its operations', () => {
    const { runs } = analyse('async function f() {\n  const a = await api.getA();\n  await b();\n}', 'a.ts', { includeBareAwaits: true });
    expect(runs).toHaveLength(1);
    expect(runs[0]?.statements.map((s) => s.name)).toEqual(['api.getA()', 'b()']);
    expect(runs[0]?.plan.level).toBe('review');
  });

  it('respects minRun', () => {
    const code = 'async function f() {\n  const x = await a();\n  const y = await b();\n}';
    expect(analyse(code, 'a.ts', { minRun: 3 }).runs).toHaveLength(0);
    expect(analyse(code, 'a.ts', { minRun: 2 }).runs).toHaveLength(1);
  });

  it('leaves bare awaits out unless asked to include them', () => {
    const code = 'async function f() {\n  await a();\n  await b();\n}';
    expect(analyse(code).runs).toHaveLength(0);
    expect(analyse(code, 'a.ts', { includeBareAwaits: true }).runs).toHaveLength(1);
  });

  it('caches results per file and options', () => {
    const file = parseFile('async function f() {\n  await a();\n  await b();\n}', 'a.ts');
    expect(findSequentialAwaitRuns(file)).toBe(findSequentialAwaitRuns(file, { minRun: 2 }));
    expect(findSequentialAwaitRuns(file, { minRun: 3 })).not.toBe(findSequentialAwaitRuns(file));
  });

  it('survives deep expressions (as deep as the parser takes) without overflowing the stack', () => {
    const sum = Array.from({ length: 800 }, (_, i) => `x${i % 10}`).join(' + ');
    const code = `async function f() {\n  const a = await getA(${sum});\n  const b = await getB();\n}`;
    expect(analyse(code).runs).toHaveLength(1);
  });

  it('allows a fresh binding read by a closure written after the run', () => {
    const code = 'async function f() {\n  const a = await getA();\n  const b = await getB();\n  return () => a + b;\n}';
    expect(analyse(code).runs).toHaveLength(1);
  });

  it('refuses a var read by any closure, even one written later (it outlives the iteration)', () => {
    const code = 'async function f() {\n  var a = await getA();\n  var b = await getB();\n  return () => a;\n}';
    expect(analyse(code).silenced.map((s) => s.reason)).toEqual(['written-binding-observable']);
  });

  it('keeps a run in a catch clause separate from the try block', () => {
    const code = 'async function f() {\n  try {\n    await a();\n  } catch {\n    await b();\n    await c();\n  }\n}';
    expect(analyse(code, 'a.ts', { includeBareAwaits: true }).runs.map((r) => r.statements.map((s) => s.name))).toEqual([['b()', 'c()']]);
  });
});

describe('planPromiseAll', () => {
  it('keeps the indentation unit of the file (tabs)', () => {
    const code = 'async function f() {\n\tconst aaaaaaaaaaaaaaaaaaa = await getAaaaaaaaaaaaaaaaaaaaa();\n\tconst bbbbbbbbbbbbbbbbbbbbbb = await getBbbbbbbbbbbbbbbbbbbbbbbb();\n}';
    expect(rewrite(code)).toBe(
      'async function f() {\n\tconst [aaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbb] = await Promise.all([\n\t\tgetAaaaaaaaaaaaaaaaaaaaa(),\n\t\tgetBbbbbbbbbbbbbbbbbbbbbbbb(),\n\t]);\n}',
    );
  });

  it('re-indents multi-line operands but never inside a multi-line template literal', () => {
    const code = 'async function f() {\n  const a = await query(`\n  select 1\n`);\n  const b = await getB({\n    x: 1,\n  });\n}';
    expect(rewrite(code)).toBe(
      'async function f() {\n  const [a, b] = await Promise.all([\n    query(`\n  select 1\n`),\n    getB({\n      x: 1,\n    }),\n  ]);\n}',
    );
  });

  it('keeps a comment that ends the last statement\'s line beside its call', () => {
    const code = 'async function f() {\n  const account = await accounts.get(id);\n  const page = await posts.list(id); // newest first\n  return [account, page];\n}';
    expect(rewrite(code)).toBe(
      'async function f() {\n  const [account, page] = await Promise.all([\n    accounts.get(id),\n    posts.list(id), // newest first\n  ]);\n  return [account, page];\n}',
    );
  });

  it('keeps parentheses around an operand', () => {
    const code = 'async function f() {\n  const a = await (getA());\n  const b = await getB();\n}';
    expect(rewrite(code)).toBe('async function f() {\n  const [a, b] = await Promise.all([(getA()), getB()]);\n}');
  });

  it('keeps a comment inside a type annotation', () => {
    const code = 'async function f() {\n  const a: /* why */ A = await getA();\n  const b: B = await getB();\n}';
    expect(rewrite(code)).toBe('async function f() {\n  const [a, b]: [/* why */ A, B] = await Promise.all([getA(), getB()]);\n}');
  });

  it('keeps a comment between a name and its annotation', () => {
    const code = 'async function f() {\n  const a /* why */ : A = await getA();\n  const b: B = await getB();\n}';
    expect(rewrite(code)).toBe('async function f() {\n  const [a /* why */, b]: [A, B] = await Promise.all([getA(), getB()]);\n}');
  });

  it('checks that a rewrite keeps every comment, in order (the would-drop-comment safety net)', () => {
    const code = 'async function f() {\n  const a = await getA(); // one\n  const b = await getB(); /* two */\n}';
    const file = parseFile(code, 'a.ts');
    const range = [0, code.length] as const;
    expect(keepsEveryComment(file, range, 'x // one y /* two */')).toBe(true);
    expect(keepsEveryComment(file, range, 'x // one y')).toBe(false);
    expect(keepsEveryComment(file, range, '/* two */ x // one')).toBe(false);
  });

  it('refuses declarations typed by JSDoc', () => {
    const code = 'async function f() {\n  /** @type {User} */\n  const user = await getUser();\n  const orders = await getOrders();\n}';
    expect(analyse(code, 'a.js').runs[0]?.plan.refusals.map((r) => r.reason)).toEqual(['jsdoc-type-annotation']);
  });

  it('keeps a guard semicolon on the next line where it was', () => {
    const code = 'async function f() {\n  let a, b\n  a = await getA()\n  b = await getB()\n  ;[1].forEach(log)\n}';
    expect(rewrite(code, 'a.js')).toBe('async function f() {\n  let a, b\n  ;[a, b] = await Promise.all([getA(), getB()])\n  ;[1].forEach(log)\n}');
  });

  it('keeps a trailing comment beside its call in CRLF files too', () => {
    const code = 'async function f() {\r\n  const account = await accounts.get(id);\r\n  const page = await posts.list(id); // newest first\r\n}\r\n';
    expect(rewrite(code)).toContain('    posts.list(id), // newest first\r\n  ]);\r\n}');
  });

  it('writes line breaks as the file does (CRLF)', () => {
    const code = 'async function load(id) {\r\n  const user = await getUser(id);\r\n  const posts = await getPosts(id, { include: ["comments", "likes"], limit: 100 });\r\n}\r\n';
    const out = rewrite(code, 'a.js');
    expect(out).toContain('Promise.all([\r\n    getUser(id),\r\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses runs that mix forms when called directly', () => {
    const code = 'async function f() {\n  let x;\n  const a = await getA();\n  x = await getB();\n  let c = await getC();\n}';
    const file = parseFile(code, 'a.ts');
    const { silenced } = findSequentialAwaitRuns(file);
    expect(silenced.map((s) => s.reason)).toEqual(['different-statement-form', 'different-statement-form']);
    // Build the statements by hand to check the planner's own guard.
    const fn = file.ast.body[0];
    if (fn?.type !== 'FunctionDeclaration') throw new Error('expected a function');
    const statements = fn.body.body.slice(1, 4);
    const fake = statements.map((node, i) => {
      const isDecl = node.type === 'VariableDeclaration';
      const init = isDecl ? node.declarations[0]?.init : node.type === 'ExpressionStatement' && node.expression.type === 'AssignmentExpression' ? node.expression.right : null;
      if (init?.type !== 'AwaitExpression') throw new Error('expected an await');
      return {
        node: node as never,
        form: isDecl ? ('declaration' as const) : ('assignment' as const),
        declarationKind: isDecl ? node.kind as 'const' | 'let' : null,
        target: null,
        typeAnnotation: null,
        awaitExpression: init,
        operand: init.argument,
        name: `op${i}`,
      };
    });
    expect(planPromiseAll(file, fake.slice(0, 2), undefined).refusals[0]?.reason).toBe('mixed-declarations-and-assignments');
    expect(planPromiseAll(file, [fake[0], fake[2]] as typeof fake, undefined).refusals[0]?.reason).toBe('mixed-declaration-kinds');
  });

  it('every rewrite parses and a second pass finds nothing more', () => {
    const code = [
      'export async function load(id: string) {',
      '  const user = await getUser(id); // who',
      '  const [first] = await listPosts(id);',
      '  await track("load");',
      '  return { user, first };',
      '}',
    ].join('\n');
    const once = rewrite(code);
    expect(once).not.toBe(code);
    expect(() => parseFile(once, 'a.ts')).not.toThrow();
    expect(rewrite(once)).toBe(once);
  });
});

describe('findSequentialAwaitRuns: no scopes where no run can form', () => {
  /** The file with its scopes and oracle out of reach: any use of them throws. */
  function withoutScopes(code: string) {
    const parsed = parseFile(code, 'a.ts');
    const refuse = (what: string) => () => {
      throw new Error(`${what} was asked for`);
    };
    return { ...parsed, get scopeManager(): never { return refuse('scopeManager')(); }, get oracle(): never { return refuse('oracle')(); } };
  }

  it('lone await statements, however many, are not classified: no scope manager, no oracle', () => {
    const code = [
      'async function f() {',
      '  const a = await getA(await token());',
      '  log(a);',
      '  await save(a);',
      '  if (a) {',
      '    const b = await getB();',
      '  }',
      '}',
    ].join('\n');
    expect(findSequentialAwaitRuns(withoutScopes(code))).toEqual({ runs: [], silenced: [] });
  });

  it('two await statements in a row are classified (and so need the scopes)', () => {
    const code = 'async function f() {\n  const a = await getA();\n  const b = await getB();\n}';
    expect(() => findSequentialAwaitRuns(withoutScopes(code))).toThrow(/was asked for/);
    expect(findSequentialAwaitRuns(parseFile(code, 'a.ts')).runs).toHaveLength(1);
  });
});

describe('findSequentialAwaitRuns: order through shared state (effects)', () => {
  const reasonsOf = (code: string, options: object = {}) => analyse(code, 'a.ts', options).silenced.map((s) => s.reason);
  const runsOf = (code: string, options: object = {}, filePath = 'a.ts') => analyse(code, filePath, options).runs.length;

  it('reads of one store may run together', () => {
    expect(runsOf('async function f(dir) {\n  const a = await readA(dir);\n  const b = await readB(dir);\n}')).toBe(1);
  });

  it('a read then a write of the same receiver (check, then act) keeps its order', () => {
    const code = 'async function f(pr) {\n  const before = await github.getPr(pr);\n  const merged = await github.mergePr(pr);\n}';
    expect(reasonsOf(code)).toEqual(['shared-state-write']);
  });

  it('a write through an argument then a read of a member of it', () => {
    const code = 'async function f(commit) {\n  const sha = await git.commitFiles(commit);\n  const remote = await fetchBranch(commit.branchName);\n}';
    expect(reasonsOf(code)).toEqual(['shared-state-write']);
  });

  it('a protocol on one object: reconcile then finalize', () => {
    const code = 'async function f(strategy, page) {\n  const done = await strategy.reconcile(page);\n  const res = await strategy.finalizeAndReturn();\n}';
    expect(reasonsOf(code)).toEqual(['shared-state-write']);
  });

  it('a write then a read of ambient state (no arguments)', () => {
    const code = 'async function f(file) {\n  const lock = await updateLockFiles(file);\n  const status = await getRepoStatus();\n}';
    expect(reasonsOf(code)).toEqual(['shared-state-write']);
  });

  it('process-wide state passed to two calls', () => {
    const code = 'async function f() {\n  const a = await parseFile(process.env);\n  const b = await parseMore(process.env);\n}';
    expect(reasonsOf(code)).toEqual(['shared-state-write']);
  });

  it('a builder chain is known by its verbs: an insert, then a count of the same table', () => {
    const code = 'async function f(db) {\n  const id = await db.insertInto("pet").values(v).execute();\n  const n = await db.selectFrom("pet").count();\n}';
    expect(reasonsOf(code)).toEqual(['shared-state-write']);
  });

  it('two independent setups may run together; what uses them may not', () => {
    const code = 'async function f() {\n  const db = await connectDb(dbUrl);\n  const cache = await connectCache(cacheUrl);\n  const user = await loadUser(id);\n}';
    expect(reasonsOf(code)).toEqual(['setup-then-use']);
  });

  it('writes to different stores stay independent in source files', () => {
    expect(runsOf('async function f() {\n  const a = await users.insert(u);\n  const b = await orders.insert(o);\n}')).toBe(1);
  });

  it('in test files a write is ordered with everything around it (arrange, act, assert)', () => {
    const code = 'it("x", async () => {\n  const a = await users.insert(u);\n  const b = await orders.insert(o);\n});';
    expect(runsOf(code, { filePath: 'src/a.test.ts' }, 'src/a.test.ts')).toBe(0);
    expect(runsOf(code, { filePath: 'src/a.test.ts', testFiles: [] })).toBe(1);
    expect(runsOf(code, { filePath: 'src/a.ts' })).toBe(1);
  });

  it('the test tier follows the usual globs and can be overridden', () => {
    const code = 'it("x", async () => {\n  const a = await api.versions(url, "a");\n  const b = await api.versions(url, "b");\n});';
    for (const filePath of ['lib/x.spec.ts', 'test/x.js', 'packages/p/__tests__/x.tsx', 'test.js', 'packages/p/test.mjs']) {
      expect(runsOf(code, { filePath })).toBe(0);
    }
    expect(runsOf(code, { filePath: 'lib/x.ts' })).toBe(1);
    expect(runsOf(code, { filePath: 'lib/latest.js' })).toBe(1);
    expect(runsOf(code, { filePath: 'checks/x.ts', testFiles: ['checks/**'] })).toBe(0);
  });

  it('module loads may run together unless the file resets its module registry', () => {
    expect(runsOf('async function f() {\n  const a = await import("./a");\n  const b = await import("./b");\n}')).toBe(1);
  });

  it('ordered patterns group calls: only calls in the same group keep their order', () => {
    const code = 'async function f() {\n  const a = await db.count();\n  const b = await cache.count();\n  const c = await db.sum();\n}';
    expect(reasonsOf(code, { ordered: ['db.*', 'cache.*'] })).toEqual(['ordered-callee']);
    expect(analyse(code, 'a.ts', { ordered: ['db.*', 'cache.*'] }).runs[0]?.statements).toHaveLength(2);
  });

  it('a constructor call makes a fresh object each time: no repeated call', () => {
    expect(runsOf('async function f(path) {\n  const a = await new Tree({ path }).load();\n  const b = await new Tree({ path }).load();\n}')).toBe(1);
  });

  it('verbs: first word, after modifiers, and after And/Or', async () => {
    const { effectKindOfName } = await import('../src/catalogues/effect-verbs');
    expect(effectKindOfName('insertOne')).toBe('write');
    expect(effectKindOfName('nativeInsert')).toBe('write');
    expect(effectKindOfName('findOneAndUpdate')).toBe('write');
    expect(effectKindOfName('getBranchUpdateDate')).toBe('read');
    expect(effectKindOfName('startServer')).toBe('setup');
    expect(effectKindOfName('$transaction')).toBe('write');
    expect(effectKindOfName('compute')).toBeNull();
  });
});

describe('findSequentialAwaitRuns: methods of the same class (instance state)', () => {
  const analyseClass = (members: string, run: string) => analyse(`export class C {\n${members}\n  async run() {\n${run}\n  }\n}`);
  const reasonsOf = (members: string, run: string) => analyseClass(members, run).silenced.map((s) => s.reason);
  const runsOf = (members: string, run: string) => analyseClass(members, run).runs.length;
  const both = '    const a = await this.a();\n    const b = await this.b();';

  it('methods that only read the instance run together', () => {
    const members = '  client: Api;\n  async a() { return this.client.get("a"); }\n  async b() { return this.client.get("b"); }';
    expect(runsOf(members, both)).toBe(1);
  });

  it('one fills a member the other reads', () => {
    const members = '  async a() { this.token = await login(); return this.token; }\n  async b() { return fetchWith(this.token); }';
    expect(reasonsOf(members, both)).toEqual(['methods-share-state']);
  });

  it('one reads a member the later one writes', () => {
    const members = '  async a() { return this.count; }\n  async b() { this.count++; return 1; }';
    expect(reasonsOf(members, both)).toEqual(['methods-share-state']);
  });

  it('a member changed through a mutating method (a Map both fill)', () => {
    const members = '  async a() { this.seen.set("a", await load("a")); }\n  async b() { return this.seen.get("a"); }';
    expect(reasonsOf(members, both)).toEqual(['methods-share-state']);
  });

  it('one calls the other, through a further method', () => {
    const members = '  async a() { return this.c(); }\n  async c() { return this.b(); }\n  async b() { return load(); }';
    expect(reasonsOf(members, both)).toEqual(['methods-share-state']);
  });

  it('the same through arrows inside a method body, private methods and arrow fields', () => {
    const members = '  #a = async () => { await Promise.all(keys.map(async (k) => { this.cache[k] = await load(k); })); };\n  async #b() { return this.cache; }';
    expect(analyseClass(members, '    const a = await this.#a();\n    const b = await this.#b();').silenced.map((s) => s.reason)).toEqual(['methods-share-state']);
  });

  it('a method the file does not show (inherited) says nothing, and the run stays', () => {
    expect(analyse(`export class C extends Base {\n  async a() { this.x = 1; }\n  async run() {\n${both}\n  }\n}`).runs.length).toBe(1);
  });

  it('a static method of the same name is another method', () => {
    const members = '  static async b() { return this.x; }\n  async a() { return this.y; }\n  async b() { return this.z; }\n  static async a() { this.x = 1; }';
    expect(runsOf(members, both)).toBe(1);
  });

  it('a function of its own inside a method binds its own `this`', () => {
    const members = '  async a() { return [1].map(function () { this.x = 1; }); }\n  async b() { return this.x; }';
    expect(runsOf(members, both)).toBe(1);
  });

  it('a run already rewritten keeps its calls apart from the next one', () => {
    const members = '  async a() { this.t = 1; }\n  async b() { return 2; }\n  async c() { return this.t; }';
    const run = '    const [a, b] = await Promise.all([this.a(), this.b()]);\n    const c = await this.c();';
    expect(reasonsOf(members, run)).toEqual(['methods-share-state']);
  });
});

describe('findSequentialAwaitRuns: a query is read by its SQL', () => {
  const reasonsOf = (code: string) => analyse(code).silenced.map((s) => s.reason);
  const runsOf = (code: string) => analyse(code).runs.length;

  it('two SELECTs on one client may run together, a template or a tagged one too', () => {
    expect(runsOf('async function f(db, id) {\n  const user = await db.query("SELECT * FROM users WHERE id = $1", [id]);\n  const posts = await db.query(`\n    select * from posts where author = ${id}`);\n}')).toBe(1);
    expect(runsOf('async function f(sql, id) {\n  const a = await db.queryOne(sql`/* by id */ SELECT 1`);\n  const b = await db.queryOne(sql`(SELECT 2)`);\n}')).toBe(1);
  });

  it('an UPDATE, then a read of the same client, keeps its order', () => {
    expect(reasonsOf('async function f(db) {\n  const moved = await db.query("UPDATE jobs SET state = 1");\n  const rows = await db.query("SELECT * FROM jobs");\n}')).toEqual(['shared-state-write']);
  });

  it('SQL built by concatenation is read by its first part', () => {
    expect(reasonsOf('async function f(db, t) {\n  const a = await db.query(`UPDATE ${t} ` + "SET n = 1");\n  const b = await db.query("SELECT " + "1");\n}')).toEqual(['shared-state-write']);
  });

  it('a statement the code does not show is a write', () => {
    expect(reasonsOf('async function f(runner, up, down) {\n  const a = await runner.query(up);\n  const b = await runner.query(down);\n}')).toEqual(['shared-state-write']);
  });
});

describe('findSequentialAwaitRuns: a structured query stays a read', () => {
  it('an options object without SQL, GraphQL, or SQL in `text`', () => {
    expect(analyse('async function f(client, id) {\n  const user = await client.query({ query: GET_USER, variables: { id } });\n  const posts = await client.query({ query: GET_POSTS, variables: { id } });\n}').runs).toHaveLength(1);
    expect(analyse('async function f(pg) {\n  const a = await pg.query({ text: "DELETE FROM jobs" });\n  const b = await pg.query({ text: "SELECT 1" });\n}').silenced.map((s) => s.reason)).toEqual(['shared-state-write']);
  });
});
