/**
 * Migrates the fixture `fixtures/bounded-crawler` (a TypeScript crawler with a fake item service
 * on 127.0.0.1 that records the peak of requests open at once) as a user would: the built
 * `asyncwise` CLI with foreach-async-to-for-of, loop-to-bounded and unbounded-to-bounded at
 * `--level review --concurrency 6`. The crawler's own `node:test` suite and tsc pass before and
 * after, the sequential loops are untouched, a second run changes nothing, and what the migration
 * is for is measured on the running code, before and after:
 * - `fetchValues` over 200 ids: 200 requests open at once before, never more than 6 after;
 * - `fetchAll` over 40 ids of 20 ms each: the sum of the requests before, a fraction after (timed,
 *   not asserted beyond "faster": the machine may be loaded);
 * - `notifyAll` with a failing id: resolves (the failure is lost) before, rejects after.
 *
 * Runs the `asyncwise` bin (`packages/codemods/bin/asyncwise.js`, which imports the built CLI):
 * `pnpm test` builds first.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli, cliPath, exec, explain, repoRoot, tscPath } from './fixture-process';

const fixtureDir = path.join(repoRoot, 'fixtures/bounded-crawler');


/** What the running crawler does, as `scripts/probe.ts` (written into the copy) measures it. */
interface Probe {
  /** The most requests open at once during `fetchValues` over 200 ids. */
  fanOutPeak: number;
  /** The most requests open at once during `fetchAll` over 40 ids. */
  loopPeak: number;
  /** How long `fetchAll` over 40 ids of 20 ms took, in ms. */
  loopMs: number;
  /** `resolved` or the error message of `notifyAll` with a failing id. */
  notifyOutcome: string;
  /** Unhandled rejections seen during the run. */
  unhandled: number;
}

const probeScript = `import { fetchAll, fetchValues, notifyAll } from '../src/crawler.js';
import { startItemService } from '../src/server.js';

let unhandled = 0;
process.on('unhandledRejection', () => unhandled++);
const service = await startItemService();
const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
service.reset();
const values = await fetchValues(service.url, ids(200), 200);
if (values.length !== 200 || values[199] !== 2000) throw new Error('fetchValues returned ' + values.length + ' values');
const fanOutPeak = service.peak();
service.reset();
const started = performance.now();
const items = await fetchAll(service.url, ids(40), 20);
const loopMs = performance.now() - started;
if (items.map((i) => i.id).join() !== ids(40).join()) throw new Error('fetchAll lost the order');
const loopPeak = service.peak();
const notifyOutcome = await notifyAll(service.url, [1, -2, 3]).then(() => 'resolved', (error: Error) => error.message);
await new Promise((resolve) => setTimeout(resolve, 200));
await service.close();
process.stdout.write(JSON.stringify({ fanOutPeak, loopPeak, loopMs, notifyOutcome, unhandled }) + '\\n');
`;

describe('migrating fixtures/bounded-crawler with foreach-async-to-for-of, loop-to-bounded and unbounded-to-bounded', () => {
  let copy = '';
  let files: string[] = [];
  const read = (file: string) => readFileSync(path.join(copy, file), 'utf8');
  // Files are named one by one: the copy lies in the gitignored `.tmp/`, which a directory search skips.
  const migrate = (...flags: string[]) =>
    exec([cliPath, 'migrate', 'foreach-async-to-for-of', 'loop-to-bounded', 'unbounded-to-bounded', ...files, '--level', 'review', '--concurrency', '6', ...flags], repoRoot);
  const runCrawlerTests = () => exec(['--import', 'tsx', '--test', 'test/crawler.test.ts'], copy);
  const probe = (): Probe => {
    const result = exec(['--import', 'tsx', 'scripts/probe.ts'], copy);
    expect(result.status, explain(result)).toBe(0);
    return JSON.parse(result.stdout) as Probe;
  };
  const measured: Record<string, unknown> = {};
  let sequentialBefore = '';

  beforeAll(() => {
    if (!existsSync(builtCli)) throw new Error('The CLI is not built: build first (pnpm build).');
    mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
    // Inside the repository, so `tsx` and `@types/node` resolve from the root's node_modules.
    copy = mkdtempSync(path.join(repoRoot, '.tmp', 'bounded-crawler-'));
    cpSync(fixtureDir, copy, { recursive: true });
    mkdirSync(path.join(copy, 'scripts'));
    writeFileSync(path.join(copy, 'scripts/probe.ts'), probeScript);
    files = ['src/crawler.ts', 'src/sequential.ts', 'src/http.ts', 'src/server.ts'].map((f) => path.join(copy, f));
    sequentialBefore = read('src/sequential.ts');
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    console.log(`bounded-crawler, before and after the migration (a shared, loaded machine): ${JSON.stringify(measured)}`);
  });

  it('passes its own tests and tsc before the migration', () => {
    const result = runCrawlerTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# pass 7/);
    const tsc = exec([tscPath, '-p', 'tsconfig.json'], copy);
    expect(tsc.status, explain(tsc)).toBe(0);
  });

  it('opens a request for every id at once and loses a failed notification before the migration', () => {
    const before = probe();
    measured.before = before;
    expect(before.fanOutPeak).toBeGreaterThan(100);
    expect(before.loopPeak).toBe(1);
    expect(before.notifyOutcome).toBe('resolved');
    expect(before.unhandled).toBe(1);
  });

  it('rewrites the loop, the fan-out and the forEach, writes the helper once, and leaves the sequential loops alone', () => {
    const result = migrate('--write', '--allow-dirty');
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toContain('Loops rewritten by loop-to-bounded: 1 review, 0 safe');
    expect(result.stdout).toContain('Fan-outs rewritten by unbounded-to-bounded: 1 review, 0 safe');
    expect(result.stdout).toContain('Calls rewritten by foreach-async-to-for-of: 1 review, 0 safe');
    expect(result.stdout).toMatch(/Created .*src\/lib\/asyncwise-limit\.ts/);
    const crawler = read('src/crawler.ts');
    expect(crawler).toContain("import { boundedMap } from './lib/asyncwise-limit.js';");
    expect(crawler).toContain('const items: Item[] = await boundedMap(ids, 6, async (id) => {');
    expect(crawler).toContain('return boundedMap(ids, 6, async (id) => {');
    expect(crawler).toContain('for (const id of ids) {');
    expect(read('src/sequential.ts')).toBe(sequentialBefore);
    // Each sequential loop is listed with the reason it stays sequential.
    for (const reason of ['early-exit', 'condition-loop']) expect(result.stdout).toContain(`(${reason})`);
  });

  it('passes its own tests and tsc after the migration', () => {
    const result = runCrawlerTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# pass 7/);
    const tsc = exec([tscPath, '-p', 'tsconfig.json'], copy);
    expect(tsc.status, explain(tsc)).toBe(0);
  });

  it('never has more than --concurrency requests open, is faster over a list, and reports a failed notification', () => {
    const after = probe();
    measured.after = after;
    expect(after.fanOutPeak).toBeLessThanOrEqual(6);
    expect(after.loopPeak).toBeLessThanOrEqual(6);
    expect(after.loopPeak).toBeGreaterThan(1);
    expect(after.loopMs).toBeLessThan((measured.before as Probe).loopMs);
    expect(after.notifyOutcome).toMatch(/500/);
    expect(after.unhandled).toBe(0);
  });

  it('changes nothing on a second run', () => {
    const result = migrate();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toContain('0 would change');
  });
});
