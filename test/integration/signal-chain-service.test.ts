/**
 * Migrates the fixture `fixtures/signal-chain-service` (a TypeScript service whose three-level chain
 * ends in `fetch` and a `timers/promises` pause, with a fake upstream on 127.0.0.1) as a user would:
 * the built `asyncwise` CLI's project codemod `add-abort-signal --from src/dashboard.ts#loadDashboard
 * --typecheck --write`. The service's own `node:test` suite passes after it, tsc passes, a second run
 * changes nothing, and what the migration is for is measured on the running code, before and after:
 * a caller that aborts the entry call 100 ms in leaves no request open on the upstream, and the
 * process has no timer left to keep it alive once its work is done.
 *
 * Runs the `asyncwise` bin (which imports the built CLI): `pnpm test` builds first.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli, cliPath, exec, explain, repoRoot, tscPath } from './fixture-process';

const fixtureDir = path.join(repoRoot, 'fixtures/signal-chain-service');


/**
 * Calls the entry with a signal the caller aborts 100 ms in (the first account answers after
 * 300 ms) and reports how the call ended, the requests still open 100 ms after the abort and the
 * requests sent after it; then prints `done`. Before the migration the entry ignores the extra
 * argument (tsx does not type-check).
 */
const probeScript = `import { loadDashboard } from '../src/dashboard.js';
import { startUpstream } from '../src/upstream.js';

const upstream = await startUpstream();
const caller = new AbortController();
let atAbort = 0;
let openAfterAbort = -1;
setTimeout(() => {
  caller.abort();
  atAbort = upstream.requests();
  setTimeout(() => (openAfterAbort = upstream.openRequests()), 100);
}, 100);
const entry = loadDashboard as (...args: unknown[]) => Promise<unknown>;
const outcome = await entry(upstream.url, ['ada', 'bob'], { signal: caller.signal }).then(() => 'resolved', (error: Error) => error.name);
await new Promise<void>((resolve) => setTimeout(resolve, 200));
const sentAfterAbort = upstream.requests() - atAbort;
await upstream.close();
process.stdout.write(JSON.stringify({ outcome, openAfterAbort, sentAfterAbort }) + '\\ndone\\n');
`;

interface Probe {
  outcome: string;
  openAfterAbort: number;
  sentAfterAbort: number;
  /** From the probe's `done` to its exit: what a timer left armed adds. */
  lingerMs: number;
}

function probe(cwd: string): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'probe/probe.ts'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let doneAt: number | null = null;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (doneAt === null && stdout.includes('done')) doneAt = performance.now();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 || doneAt === null) reject(new Error(`probe exited ${code} without "done":\n${stderr}`));
      else resolve({ ...(JSON.parse(stdout.split('\n')[0] ?? '{}') as Omit<Probe, 'lingerMs'>), lingerMs: performance.now() - doneAt });
    });
  });
}

describe('migrating fixtures/signal-chain-service with add-abort-signal', () => {
  let copy = '';
  const read = (file: string) => readFileSync(path.join(copy, file), 'utf8');
  const migrate = (...flags: string[]) =>
    exec([cliPath, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json', '--from', 'src/dashboard.ts#loadDashboard', '--level', 'review', '--typecheck', ...flags], copy);
  const measured: Record<string, unknown> = {};

  beforeAll(() => {
    if (!existsSync(builtCli)) throw new Error('The CLI is not built: build first (pnpm build).');
    mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
    // Inside the repository, so `tsx` and `@types/node` resolve from the root's node_modules.
    copy = mkdtempSync(path.join(repoRoot, '.tmp', 'signal-chain-service-'));
    cpSync(fixtureDir, copy, { recursive: true });
    // Outside the tsconfig's `include`: the probe takes the entry as a value (to call it with a signal
    // before it takes one), which would make add-abort-signal refuse it (function-used-as-value).
    mkdirSync(path.join(copy, 'probe'), { recursive: true });
    writeFileSync(path.join(copy, 'probe/probe.ts'), probeScript);
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    console.log(`signal-chain-service, before and after the migration: ${JSON.stringify(measured)}`);
  });

  it('leaves the request open and sends the rest when its caller aborts, before the migration', async () => {
    const before = await probe(copy);
    measured.before = before;
    expect(before.outcome).toBe('resolved');
    expect(before.openAfterAbort).toBe(1);
    // The settings of the first account and both requests of the second went out after the caller gave up.
    expect(before.sentAfterAbort).toBe(3);
  });

  it('threads the signal from the entry to fetch and the pause, across the three files', () => {
    const reportPath = path.join(copy, 'report.json');
    const result = migrate('--write', '--allow-dirty', '--report', reportPath);
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toContain('Chain: 3 functions (src/dashboard.ts#loadDashboard, src/account.ts#loadAccount, src/http.ts#getJson)');
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { files: { refusals: unknown[] }[]; typeErrors: unknown[] };
    expect(report.files.flatMap((f) => f.refusals)).toEqual([]);
    expect(report.typeErrors).toEqual([]);
    expect(read('src/dashboard.ts')).toContain('loadDashboard(base: string, names: readonly string[], options?: { signal?: AbortSignal })');
    expect(read('src/dashboard.ts')).toContain('await loadAccount(base, name, { signal: options?.signal })');
    expect(read('src/account.ts')).toContain('await pause(2000, undefined, { signal: options?.signal })');
    expect(read('src/account.ts')).toContain('getJson(`${base}/slow?ms=300&name=${name}`, undefined, { signal: options?.signal })');
    expect(read('src/http.ts')).toContain("fetch(url, { headers: { accept: 'application/json' }, signal: options?.signal })");
    expect(read('src/http.ts')).toContain('await pause(5000, undefined, { signal: options?.signal })');
    expect(read('src/upstream.ts')).toBe(readFileSync(path.join(fixtureDir, 'src/upstream.ts'), 'utf8'));
  });

  it('changes nothing on a second run', () => {
    const result = migrate();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/0 would change/);
  });

  it('passes its own tests and type-checks after the migration', () => {
    const tests = exec(['--import', 'tsx', '--test', 'test/dashboard.test.ts'], copy);
    expect(tests.status, explain(tests)).toBe(0);
    expect(tests.stdout).toMatch(/# pass 2/);
    const tsc = exec([tscPath, '-p', path.join(copy, 'tsconfig.json')], copy);
    expect(tsc.status, explain(tsc)).toBe(0);
  });

  it('stops the request in flight and leaves no timer once the caller aborts, after the migration', async () => {
    const after = await probe(copy);
    measured.after = after;
    expect(after.outcome).toBe('AbortError');
    expect(after.openAfterAbort).toBe(0);
    expect(after.sentAfterAbort).toBe(0);
    // Nothing is left armed: the process exits right after `done`; the 2 s pause left armed could not
    // (bounded generously, as the cancellable-client test bounds its timer).
    expect(after.lingerMs).toBeLessThan(1500);
  });
});
