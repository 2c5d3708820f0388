/**
 * The bounded form end to end: the local helper a run creates (in the dry-run diff, written once
 * and atomically, in the report, never over an existing file), the limiter taken from the
 * project's dependencies, and the helper's error behaviour: results in order, at most
 * `concurrency` calls at once, the first rejection rejects at once, started calls finish, no new
 * call starts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { helperText } from '../src/bounded-target';
import type { Report } from '../src/report';
import { run as forEachToForOf } from '../src/transforms/foreach-async-to-for-of';
import { run as loopToBounded } from '../src/transforms/loop-to-bounded';
import { packageRoot, removeTempProjects, tempProject } from './helpers';

const cli = path.join(packageRoot, 'bin/asyncwise.js');

function asyncwise(cwd: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env, timeout: 30_000, killSignal: 'SIGKILL' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const crawl = `declare function fetchPage(url: string): Promise<string>;

export async function crawl(urls: string[]) {
  const pages: string[] = [];
  for (const url of urls) {
    const page = await fetchPage(url);
    pages.push(page);
  }
  return pages;
}
`;

const users = `declare function getUser(id: string): Promise<string>;

export async function users(ids: string[]) {
  return Promise.all(ids.map(async (id) => getUser(id)));
}
`;

beforeAll(() => {
  const built = path.join(packageRoot, 'dist/cli.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run pnpm --filter @asyncwise/codemods build first.`);
});
afterEach(removeTempProjects);

describe('the local helper', () => {
  const project = () => tempProject({ 'package.json': '{ "type": "module" }\n', 'tsconfig.json': '{}\n', 'src/crawl.ts': crawl, 'src/api/users.ts': users });
  const helper = (root: string) => path.join(root, 'src/lib/asyncwise-limit.ts');

  it('is shown as a new file in a dry run, and not written', () => {
    const root = project();
    const { code, stdout } = asyncwise(root, 'migrate', 'loop-to-bounded', 'unbounded-to-bounded', 'src', '--level', 'review');
    expect(code).toBe(0);
    expect(stdout).toContain('--- /dev/null\n+++ b/src/lib/asyncwise-limit.ts\n');
    expect(stdout.match(/\+\+\+ b\/src\/lib\/asyncwise-limit\.ts/g)).toHaveLength(1);
    expect(stdout).toContain("+import { boundedMap } from '../lib/asyncwise-limit.js';");
    expect(stdout).toContain("+import { boundedMap } from './lib/asyncwise-limit.js';");
    expect(stdout).toContain('Would create src/lib/asyncwise-limit.ts: the bounded-map helper the local limiter imports');
    expect(existsSync(helper(root))).toBe(false);
  });

  it('is written once with the rewrites, listed in the report, and a second run changes nothing', () => {
    const root = project();
    const first = asyncwise(root, 'migrate', 'loop-to-bounded', 'unbounded-to-bounded', 'src', '--level', 'review', '--write', '--allow-dirty', '--report', 'report.json');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Created src/lib/asyncwise-limit.ts');
    expect(readFileSync(helper(root), 'utf8')).toBe(helperText('typescript'));
    const report = JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')) as Report;
    const created = report.files.flatMap((f) => f.created ?? []);
    expect(created).toEqual([{ path: 'src/lib/asyncwise-limit.ts', description: 'the bounded-map helper the local limiter imports', written: true }]);
    expect(readFileSync(path.join(root, 'src/crawl.ts'), 'utf8')).toContain('await boundedMap(urls, 8, async (url) => {');
    const again = asyncwise(root, 'migrate', 'loop-to-bounded', 'unbounded-to-bounded', 'src', '--level', 'review');
    expect(again.stdout).toContain('0 would change');
    expect(again.stdout).not.toContain('Would create');
  });

  it('is never written over an existing file', () => {
    const root = project();
    mkdirSync(path.dirname(helper(root)), { recursive: true });
    writeFileSync(helper(root), '// mine\nexport { boundedMap } from "./elsewhere.js";\n');
    const { code, stdout } = asyncwise(root, 'migrate', 'loop-to-bounded', 'src', '--level', 'review', '--write', '--allow-dirty');
    expect(code).toBe(0);
    expect(stdout).not.toContain('asyncwise-limit.ts:');
    expect(readFileSync(helper(root), 'utf8')).toBe('// mine\nexport { boundedMap } from "./elsewhere.js";\n');
    expect(readFileSync(path.join(root, 'src/crawl.ts'), 'utf8')).toContain('boundedMap(urls, 8');
  });

  it('goes to --helper-path, as CommonJS in a CommonJS package', () => {
    const root = tempProject({ 'package.json': '{}\n', 'lib/crawl.cjs': "const { get } = require('./net.cjs');\n\nasync function crawl(urls) {\n  for (const url of urls) await get(url);\n}\n\nmodule.exports = { crawl };\n" });
    const { code } = asyncwise(root, 'migrate', 'loop-to-bounded', 'lib', '--level', 'review', '--write', '--allow-dirty', '--helper-path', 'lib/limit.js', '--concurrency', '3');
    expect(code).toBe(0);
    expect(readFileSync(path.join(root, 'lib/limit.js'), 'utf8')).toBe(helperText('commonjs'));
    expect(readFileSync(path.join(root, 'lib/crawl.cjs'), 'utf8')).toContain("const { boundedMap } = require('./limit.js');");
    expect(readFileSync(path.join(root, 'lib/crawl.cjs'), 'utf8')).toContain('await boundedMap(urls, 3, async (url) => { await get(url); });');
  });
});

describe('the default helper for CommonJS files of an ES module package', () => {
  const crawlCjs = [
    "const { lookup } = require('./net.cjs');",
    '',
    'async function crawl(urls) {',
    '  const pages = [];',
    '  for (const url of urls) {',
    '    const page = await lookup(url);',
    '    pages.push(page);',
    '  }',
    '  return pages;',
    '}',
    '',
    'module.exports = { crawl };',
    '',
  ].join('\n');

  it('is a .cjs helper the .cjs file requires, and the migrated file runs', () => {
    const root = tempProject({ 'package.json': '{ "type": "module" }\n', 'src/crawl.cjs': crawlCjs, 'src/net.cjs': 'exports.lookup = async (url) => url.toUpperCase();\n', 'src/other.js': 'export async function each(xs, f) {\n  for (const x of xs) await f(x);\n}\n' });
    const result = asyncwise(root, 'migrate', 'loop-to-bounded', 'src', '--level', 'review', '--write', '--allow-dirty', '--concurrency', '2');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'src/lib/asyncwise-limit.cjs'), 'utf8')).toBe(helperText('commonjs'));
    const migrated = readFileSync(path.join(root, 'src/crawl.cjs'), 'utf8');
    expect(migrated).toContain("const { boundedMap } = require('./lib/asyncwise-limit.cjs');");
    expect(migrated).toContain('await boundedMap(urls, 2, async (url) => {');
    // The package's ES module files keep the ES module helper.
    expect(readFileSync(path.join(root, 'src/other.js'), 'utf8')).toContain("import { boundedMap } from './lib/asyncwise-limit.js';");
    expect(readFileSync(path.join(root, 'src/lib/asyncwise-limit.js'), 'utf8')).toBe(helperText('esm'));
    const ran = spawnSync(process.execPath, ['-e', "require('./src/crawl.cjs').crawl(['a', 'b', 'c']).then((p) => console.log(p.join()))"], { cwd: root, encoding: 'utf8' });
    expect(ran.stderr).toBe('');
    expect(ran.stdout.trim()).toBe('A,B,C');
  });
});

describe('loop-to-bounded with pushes in branches', () => {
  // Later ids finish first, some push nothing, some push twice: the order must still be the list's.
  const source = [
    "import { lookup } from './lookup.js';",
    '',
    'export async function collect(ids) {',
    '  const out = [];',
    '  for (const id of ids) {',
    '    if (id === 0) continue;',
    '    await lookup(id);',
    '    if (id % 3 === 0) out.push(`${id}a`, `${id}b`);',
    '    else if (id % 2 === 0) out.push(id);',
    '  }',
    '  return out;',
    '}',
    '',
  ].join('\n');
  const runCollect = (root: string) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', "const { collect } = await import('./src/collect.js'); console.log(JSON.stringify(await collect([...Array(12).keys()])));"], { cwd: root, encoding: 'utf8' });

  it('gives the same results in the same order as the sequential loop', () => {
    const root = tempProject({ 'package.json': '{ "type": "module" }\n', 'src/collect.js': source, 'src/lookup.js': 'export const lookup = (id) => new Promise((resolve) => setTimeout(resolve, 30 - id));\n' });
    const before = runCollect(root);
    expect(before.stderr).toBe('');
    const result = asyncwise(root, 'migrate', 'loop-to-bounded', 'src', '--level', 'review', '--write', '--allow-dirty', '--concurrency', '4');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Loops rewritten: 1 review');
    expect(readFileSync(path.join(root, 'src/collect.js'), 'utf8')).toContain('})) out.push(...outBatch);');
    const after = runCollect(root);
    expect(after.stderr).toBe('');
    expect(after.stdout).toBe(before.stdout);
    expect(JSON.parse(before.stdout)).toEqual([2, '3a', '3b', 4, '6a', '6b', 8, '9a', '9b', 10]);
  });
});

describe('loop-to-bounded over batches', () => {
  it('says a loop taking the list n at a time is refused for its batches, not for its counter', () => {
    const source = `declare function getTags(ids: readonly string[]): Promise<string[]>;
export async function syncTags(ids: readonly string[]) {
  const result = new Set<string>();
  for (let i = 0; i < ids.length; i += 100) {
    const rows = await getTags(ids.slice(i, i + 100));
    for (const row of rows) result.add(row);
  }
  return result;
}
`;
    const root = tempProject({ 'package.json': '{ "type": "module" }\n', 'src/x.ts': source });
    const result = loopToBounded(source, path.join(root, 'src/x.ts'), { level: 'review' });
    expect(result.output).toBe(source);
    expect(result.refusals.map((r) => [r.reason, r.message])).toEqual([
      ['unsupported-loop-shape', 'The loop takes `ids` 100 at a time, one batch per iteration; the bounded form maps one element per call. Make the batches a list first, then loop over it with `for…of`.'],
    ]);
  });
});

describe('foreach-async-to-for-of --concurrent', () => {
  const notify = `let active = 0;
export let peak = 0;
export const sent = [];

async function send(user) {
  active++;
  peak = Math.max(peak, active);
  await new Promise((resolve) => setTimeout(resolve, 5));
  active--;
  sent.push(user);
}

export async function notifyAll(users) {
  Array.from(users).forEach(async (user) => {
    await send(user);
  });
}
`;
  const users = Array.from({ length: 20 }, (_, i) => `user${i}`);
  type Notify = { notifyAll(users: string[]): Promise<void>; peak: number; sent: string[] };

  it('writes the bounded form with the local helper: the function waits for every call, at most --concurrency at once', async () => {
    const root = tempProject({ 'package.json': '{ "type": "module" }\n', 'src/notify.js': notify, 'src/before.js': notify });
    // Before: the function returns before any call is done.
    const before = (await import(pathToFileURL(path.join(root, 'src/before.js')).href)) as Notify;
    await before.notifyAll(users);
    expect(before.sent).toEqual([]);

    const { code, stdout } = asyncwise(root, 'migrate', 'foreach-async-to-for-of', 'src/notify.js', '--concurrent', '--concurrency', '3', '--level', 'review', '--write', '--allow-dirty');
    expect(code, stdout).toBe(0);
    expect(stdout).toContain('Created src/lib/asyncwise-limit.js');
    const migrated = readFileSync(path.join(root, 'src/notify.js'), 'utf8');
    expect(migrated).toContain("import { boundedMap } from './lib/asyncwise-limit.js';");
    expect(migrated).toContain('  await boundedMap(Array.from(users), 3, async (user) => {\n    await send(user);\n  });');

    const after = (await import(pathToFileURL(path.join(root, 'src/notify.js')).href)) as Notify;
    await after.notifyAll(users);
    expect([...after.sent].sort()).toEqual([...users].sort());
    expect(after.peak).toBeGreaterThan(1);
    expect(after.peak).toBeLessThanOrEqual(3);

    const again = asyncwise(root, 'migrate', 'foreach-async-to-for-of', 'src/notify.js', '--concurrent', '--concurrency', '3', '--level', 'review');
    expect(again.stdout).toContain('0 would change');
  });

  it('writes the sequential loop without --concurrent, and lists the option in explain', () => {
    const root = tempProject({ 'package.json': '{ "type": "module" }\n', 'src/notify.js': notify });
    const { code } = asyncwise(root, 'migrate', 'foreach-async-to-for-of', 'src', '--level', 'review', '--write', '--allow-dirty');
    expect(code).toBe(0);
    expect(readFileSync(path.join(root, 'src/notify.js'), 'utf8')).toContain('  for (const user of Array.from(users)) {\n    await send(user);\n  }');
    expect(existsSync(path.join(root, 'src/lib/asyncwise-limit.js'))).toBe(false);
    const explained = asyncwise(root, 'explain', 'foreach-async-to-for-of');
    expect(explained.stdout).toContain('--concurrent');
    expect(explained.stdout).toContain('--limiter <p-map|p-limit|local>');
  });

  it('names why it refuses a callback that takes the array or reads the receiver', () => {
    const source = `declare function save(x: string, all: readonly string[]): Promise<void>;
export async function a(items: string[]) {
  items.forEach(async (item, _i, all) => save(item, all));
}
export async function b(queue: string[]) {
  queue.forEach(async (id) => {
    queue.push(await fetchMore(id));
  });
}
`;
    const root = tempProject({ 'package.json': '{ "type": "module" }\n', 'src/x.ts': source });
    const result = forEachToForOf(source, path.join(root, 'src/x.ts'), { level: 'review', concurrent: true });
    expect(result.output).toBe(source);
    expect(result.refusals.map((r) => r.reason)).toEqual(['unsupported-call-shape', 'loop-scope-differs']);
    expect(result.files).toBeUndefined();
  });
});

describe('the limiter by default', () => {
  it('is what the nearest package.json depends on, and the report says when a dependency is missing', () => {
    const withPMap = tempProject({ 'package.json': '{ "type": "module", "dependencies": { "p-map": "^7.0.0" } }\n', 'src/crawl.ts': crawl });
    const pMapped = loopToBounded(crawl, path.join(withPMap, 'src/crawl.ts'), { level: 'review' });
    expect(pMapped.output).toContain("import pMap from 'p-map';");
    expect(pMapped.output).toContain('}, { concurrency: 8 });');
    expect(pMapped.files).toBeUndefined();
    expect(pMapped.changes[0]?.description).not.toContain('add p-map');

    const plain = tempProject({ 'package.json': '{ "type": "module" }\n', 'src/crawl.ts': crawl });
    const local = loopToBounded(crawl, path.join(plain, 'src/crawl.ts'), { level: 'review' });
    expect(local.files?.map((f) => path.relative(plain, f.path))).toEqual([path.join('src', 'lib', 'asyncwise-limit.ts')]);
    const asked = loopToBounded(crawl, path.join(plain, 'src/crawl.ts'), { level: 'review', limiter: 'p-limit' });
    expect(asked.changes[0]?.description).toContain('add p-limit to package.json');
  });
});

/** A controllable call: resolves or rejects when told, and records when it started. */
function deferred() {
  let resolve: (value: number) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<number>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type BoundedMap = <T, R>(items: Iterable<T>, concurrency: number, fn: (item: T, index: number) => Promise<R>) => Promise<R[]>;

async function loadHelpers(): Promise<[string, BoundedMap][]> {
  const root = tempProject({
    'esm/limit.mjs': helperText('esm'),
    'cjs/limit.cjs': helperText('commonjs'),
    'ts/limit.ts': helperText('typescript'),
  });
  const esm = (await import(pathToFileURL(path.join(root, 'esm/limit.mjs')).href)) as { boundedMap: BoundedMap };
  const cjs = createRequire(import.meta.url)(path.join(root, 'cjs/limit.cjs')) as { boundedMap: BoundedMap };
  const ts = (await import(pathToFileURL(path.join(root, 'ts/limit.ts')).href)) as { boundedMap: BoundedMap };
  return [
    ['esm', esm.boundedMap],
    ['commonjs', cjs.boundedMap],
    ['typescript', ts.boundedMap],
  ];
}

describe('the helper’s behaviour', async () => {
  const helpers = await loadHelpers();

  it.each(helpers)('%s: keeps input order and runs at most `concurrency` calls at once', async (_format, boundedMap) => {
    let running = 0;
    let peak = 0;
    const results = await boundedMap([30, 5, 20, 1, 10, 2, 8], 3, async (ms, index) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2', '6:8']);
    expect(peak).toBe(3);
    expect(await boundedMap([], 4, () => Promise.resolve(1))).toEqual([]);
  });

  it.each(helpers)('%s: the first rejection rejects at once, started calls finish, no new call starts', async (_format, boundedMap) => {
    const calls = Array.from({ length: 6 }, () => deferred());
    const started: number[] = [];
    const finished: number[] = [];
    const result = boundedMap([0, 1, 2, 3, 4, 5], 2, async (i) => {
      started.push(i);
      const value = await (calls[i] as ReturnType<typeof deferred>).promise;
      finished.push(i);
      return value;
    });
    const settled = result.then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    calls[1]?.reject(new Error('second failed'));
    // Rejected without waiting for call 0, which is still running.
    expect(await settled).toBe('second failed');
    calls[0]?.resolve(0);
    await new Promise((r) => setTimeout(r, 10));
    expect(finished).toEqual([0]);
    expect(started).toEqual([0, 1]);
  });
});
