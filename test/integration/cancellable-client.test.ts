/**
 * Migrates the fixture `fixtures/cancellable-client` (a TypeScript HTTP client with a fake upstream
 * on 127.0.0.1) as a user would: the built `asyncwise` CLI's `race-to-cancellable` at `--level
 * review`, then `eslint --fix` with `propagate-abort-signal`. The client's own `node:test` suite
 * passes before and after, tsc still passes, a second run changes nothing, and what the migration
 * is for is measured on the running code, before and after:
 * - once a race settles, no request of its losers is still open on the server;
 * - no timer keeps a one-shot command alive after its work is done (the time from `done` to the
 *   child's exit, bounded generously: only an 8-second timer left armed can exceed it);
 * - aborting the caller's signal stops the handler's request in flight, and the next is never sent.
 *
 * Runs the `asyncwise` bin (`packages/codemods/bin/asyncwise.js`, which imports the built CLI) and
 * the built plugin: `pnpm test` builds first.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli, cliPath, exec, explain, repoRoot, tscPath } from './fixture-process';

const fixtureDir = path.join(repoRoot, 'fixtures/cancellable-client');
const builtPlugin = path.join(repoRoot, 'packages/eslint-plugin/dist/index.js');


/** What the running client leaves behind, as `scripts/probe.ts` (written into the copy) measures it. */
interface Probe {
  /** Requests still open on the upstream 1 s after the mirror race settled (its loser takes 3 s). */
  openAfterRace: number;
  /** How the handler ended when its caller aborted 100 ms in: `AbortError`, or `resolved`. */
  abortOutcome: string;
  /** Requests still open 1 s after that abort. */
  openAfterAbort: number;
  /** Every request the handler sent. */
  handlerRequests: string[];
}

const probeScript = `import { fromMirrors, loadReport } from '../src/client.js';
import { startUpstream } from '../src/server.js';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const upstream = await startUpstream();
await fromMirrors(upstream.url + '/slow?ms=3000&name=primary', upstream.url + '/fast?name=mirror');
await pause(1000);
const openAfterRace = upstream.openRequests();
await pause(2500);
const before = upstream.received().length;
const caller = new AbortController();
setTimeout(() => caller.abort(), 100);
const abortOutcome = await loadReport(upstream.url, caller.signal).then(() => 'resolved', (error: Error) => error.name);
await pause(1000);
const openAfterAbort = upstream.openRequests();
await pause(1000);
const handlerRequests = upstream.received().slice(before);
await upstream.close();
process.stdout.write(JSON.stringify({ openAfterRace, abortOutcome, openAfterAbort, handlerRequests }) + '\\n');
`;

/** Runs `scripts/one-shot.ts` with an 8 s timeout and measures the time from its `done` line to its exit. */
function oneShotLinger(cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/one-shot.ts', '8000'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let doneAt: number | null = null;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (doneAt === null && chunk.toString().includes('done')) doneAt = performance.now();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 || doneAt === null) reject(new Error(`one-shot exited ${code} without "done":\n${stderr}`));
      else resolve(performance.now() - doneAt);
    });
  });
}

describe('migrating fixtures/cancellable-client with race-to-cancellable and propagate-abort-signal', () => {
  let copy = '';
  let files: string[] = [];
  const read = (file: string) => readFileSync(path.join(copy, file), 'utf8');
  // Files are named one by one: the copy lies in the gitignored `.tmp/`, which a directory search skips.
  const migrate = (...flags: string[]) => exec([cliPath, 'migrate', 'race-to-cancellable', ...files, '--level', 'review', ...flags], repoRoot);
  const runClientTests = () => exec(['--import', 'tsx', '--test', 'test/client.test.ts'], copy);
  const probe = (): Probe => {
    const result = exec(['--import', 'tsx', 'scripts/probe.ts'], copy);
    expect(result.status, explain(result)).toBe(0);
    return JSON.parse(result.stdout) as Probe;
  };
  const fixSignals = async () => {
    const plugin = ((await import(builtPlugin)) as { default: ESLint.Plugin }).default;
    const eslint = new ESLint({
      cwd: copy,
      fix: true,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          plugins: { asyncwise: plugin },
          rules: { 'asyncwise/propagate-abort-signal': 'error' },
        },
      ],
    });
    const results = await eslint.lintFiles(['src/**/*.ts']);
    await ESLint.outputFixes(results);
    return results;
  };
  const measured: Record<string, unknown> = {};

  beforeAll(() => {
    if (!existsSync(builtCli) || !existsSync(builtPlugin)) throw new Error('The CLI or the plugin is not built: build first (pnpm build).');
    mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
    // Inside the repository, so `tsx` and `@types/node` resolve from the root's node_modules.
    copy = mkdtempSync(path.join(repoRoot, '.tmp', 'cancellable-client-'));
    cpSync(fixtureDir, copy, { recursive: true });
    writeFileSync(path.join(copy, 'scripts/probe.ts'), probeScript);
    files = ['src/client.ts', 'src/server.ts'].map((f) => path.join(copy, f));
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    console.log(`cancellable-client, before and after the migration: ${JSON.stringify(measured)}`);
  });

  it('passes its own tests before the migration', () => {
    const result = runClientTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# pass 5/);
  });

  it('leaves requests running, a timer armed and its caller’s signal unheard before the migration', async () => {
    const before = probe();
    measured.before = before;
    expect(before.openAfterRace).toBe(1);
    expect(before.abortOutcome).toBe('resolved');
    expect(before.handlerRequests).toEqual(['summary', 'details']);
    // An armed 8 s timer keeps the process alive for the rest of its delay: a lower bound, never flaky.
    const linger = await oneShotLinger(copy);
    measured.lingerBeforeMs = Math.round(linger);
    expect(linger).toBeGreaterThan(3000);
  });

  it('rewrites the timeout race and the mirror race, and the handler passes its signal on', async () => {
    const reportPath = path.join(copy, 'report.json');
    const result = migrate('--write', '--report', reportPath);
    expect(result.status, explain(result)).toBe(0);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { files: { path: string; changes: { applied: boolean; level: string }[]; refusals: unknown[] }[] };
    const client = report.files.find((f) => f.path.endsWith('src/client.ts'));
    expect(client?.changes.filter((c) => c.applied)).toHaveLength(2);
    expect(client?.changes.every((c) => c.level === 'review')).toBe(true);
    expect(client?.refusals).toEqual([]);

    const results = await fixSignals();
    expect(results.flatMap((r) => r.messages)).toEqual([]);
    const source = read('src/client.ts');
    expect(source).toContain('fetch(url, { signal: AbortSignal.timeout(ms) }).then((r) => r.json() as Promise<Part>)');
    expect(source).not.toContain('setTimeout');
    expect(source).toContain('const controller = new AbortController();');
    expect(source).toContain('fetch(primary, { signal: controller.signal })');
    expect(source).toContain(']).finally(() => controller.abort());');
    expect(source).toContain("fetch(`${base}/slow?ms=400&name=summary`, { signal })");
    expect(source).toContain("fetch(`${base}/slow?ms=400&name=details`, { signal })");
    // The fake upstream has nothing to migrate.
    expect(read('src/server.ts')).toBe(readFileSync(path.join(fixtureDir, 'src/server.ts'), 'utf8'));
  });

  it('passes its own tests after the migration, unchanged, and still type-checks', () => {
    const result = runClientTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# pass 5/);
    expect(result.stdout).toMatch(/# fail 0/);
    const tsc = exec([tscPath, '-p', path.join(copy, 'tsconfig.json')], copy);
    expect(tsc.status, explain(tsc)).toBe(0);
  });

  it('stops the losers, leaves no timer and hears the caller after the migration', async () => {
    const after = probe();
    measured.after = after;
    expect(after.openAfterRace).toBe(0);
    expect(after.abortOutcome).toBe('AbortError');
    expect(after.openAfterAbort).toBe(0);
    expect(after.handlerRequests).toEqual(['summary']);
    const linger = await oneShotLinger(copy);
    measured.lingerAfterMs = Math.round(linger);
    // Generous: only the 8 s timer left armed can make it; the exit itself takes milliseconds.
    expect(linger).toBeLessThan(4000);
  });

  it('changes nothing on a second run', async () => {
    const before = read('src/client.ts');
    const result = migrate('--write');
    expect(result.status, explain(result)).toBe(0);
    const results = await fixSignals();
    expect(results.flatMap((r) => r.messages)).toEqual([]);
    expect(read('src/client.ts')).toBe(before);
  });
});
