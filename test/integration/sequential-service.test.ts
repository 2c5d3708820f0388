/**
 * Migrates the fixture project `fixtures/sequential-service` with the built `asyncwise` CLI and
 * checks the promise of the codemod end to end: the independent runs become `Promise.all`, the
 * dependent and ordered awaits stay as they were, the project's own tests pass before and after,
 * and a second run changes nothing.
 *
 * Runs the `asyncwise` bin (`packages/codemods/bin/asyncwise.js`, which imports the built CLI): `pnpm test` builds first.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile, walk } from '@asyncwise/analysis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtureDir = path.join(repoRoot, 'fixtures/sequential-service');
const cliPath = path.join(repoRoot, 'packages/codemods/bin/asyncwise.js');
const builtCli = path.join(repoRoot, 'packages/codemods/dist/cli.js');
const tscPath = path.join(repoRoot, 'node_modules/typescript/bin/tsc');

/** Handlers (function, method or route names) with a run of independent awaits, by file. */
const rewritten: Record<string, string[]> = {
  'dashboard.ts': ['getDashboard', 'getAccountSummary'],
  'orders.ts': ['getOrderDetails'],
  'storefront.ts': ['getStorefront'],
  'session.ts': ['loadHeader'],
  'routes.ts': ['GET /health'],
};
const expectedRuns = Object.values(rewritten).flat().length;

/**
 * Handlers whose awaits depend on each other, sit behind control flow (`try`, `for await`), must
 * stay ordered (the audit appends), or are bare awaits kept for their effect (`warmUp`).
 */
const leftAlone: Record<string, string[]> = {
  'dashboard.ts': ['getRecommendations', 'summarizeActivity'],
  'orders.ts': ['getOrderHistory', 'placeOrder'],
  'session.ts': ['loadOrders'],
  'storefront.ts': ['warmUp'],
};

/** Files without any run: they must come back byte-identical. */
const untouchedFiles = ['clients.ts', 'errors.ts', 'types.ts', 'index.ts'];

interface Report {
  version: number;
  codemods: string[];
  level: string;
  write: boolean;
  files: {
    path: string;
    status: 'changed' | 'unchanged' | 'error';
    changes: { line: number; column: number; level: string; description: string; applied: boolean }[];
    refusals: unknown[];
    error?: unknown;
  }[];
  summary: Record<string, unknown>;
}

interface Exec {
  status: number | null;
  stdout: string;
  stderr: string;
}

function exec(args: readonly string[], cwd: string): Exec {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function explain(result: Exec): string {
  return `exit ${result.status}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

function readSources(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')] as const),
  );
}

/**
 * The source text of each named function, method or route handler (an object property such as
 * `'GET /health'`) in a file, found through the AST rather than by searching text.
 */
function handlerTexts(file: string, text: string): Map<string, string> {
  const parsed = parseFile(text, file);
  const found = new Map<string, string>();
  walk(parsed.ast, parsed.visitorKeys, (node) => {
    let name: string | null = null;
    if (node.type === 'FunctionDeclaration' && node.id) name = node.id.name;
    else if (node.type === 'MethodDefinition' && node.key.type === 'Identifier') name = node.key.name;
    else if (node.type === 'Property' && node.key.type === 'Literal' && typeof node.key.value === 'string') name = node.key.value;
    if (name !== null) found.set(name, text.slice(node.range[0], node.range[1]));
    return true;
  });
  return found;
}

function handlerText(sources: Map<string, string>, file: string, handler: string): string {
  const text = handlerTexts(file, sources.get(file) ?? '').get(handler);
  if (text === undefined) throw new Error(`${handler} not found in ${file}`);
  return text;
}

describe('migrating fixtures/sequential-service with sequential-to-concurrent', () => {
  let copy = '';
  let srcDir = '';
  let srcFiles: string[] = [];
  let original = new Map<string, string>();
  let migrated = new Map<string, string>();
  let report: Report | null = null;

  const testFiles = () => readdirSync(path.join(copy, 'test')).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `test/${f}`);
  const runFixtureTests = () => exec(['--import', 'tsx', '--test', ...testFiles()], copy);
  // The files are named one by one: the copy lies in the gitignored `.tmp/`, and the CLI skips
  // gitignored files when it searches a directory (a file named explicitly is always processed).
  const migrate = (...flags: string[]) => exec([cliPath, 'migrate', 'sequential-to-concurrent', ...srcFiles, ...flags], repoRoot);

  beforeAll(() => {
    if (!existsSync(builtCli)) {
      throw new Error(`${path.relative(repoRoot, builtCli)} is missing: build first (pnpm build, or pnpm test which builds).`);
    }
    // Inside the repository, so `tsx` and `@types/node` resolve from the root's node_modules.
    mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
    copy = mkdtempSync(path.join(repoRoot, '.tmp', 'sequential-service-'));
    cpSync(fixtureDir, copy, { recursive: true, filter: (source) => path.basename(source) !== 'node_modules' });
    srcDir = path.join(copy, 'src');
    original = readSources(srcDir);
    srcFiles = [...original.keys()].map((f) => path.join(srcDir, f));
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it("passes its own tests before the migration", () => {
    const result = runFixtureTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# fail 0/);
  });

  it('dry run: prints the diff and writes nothing', () => {
    const result = migrate('--level', 'review');
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toContain('+++ ');
    expect(result.stdout).toContain('await Promise.all([');
    expect(readSources(srcDir)).toEqual(original);
  });

  it('rewrites the independent runs with --write --level review', () => {
    const reportPath = path.join(copy, 'report.json');
    const result = migrate('--write', '--level', 'review', '--report', reportPath);
    expect(result.status, explain(result)).toBe(0);
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    migrated = readSources(srcDir);

    expect(report).toMatchObject({ codemods: ['sequential-to-concurrent'], level: 'review', write: true });
    expect(report.version).toEqual(expect.any(Number));
    expect(report.files).toHaveLength(original.size);
    expect(report.files.filter((f) => f.status === 'error')).toEqual([]);
    const applied = report.files.flatMap((f) => f.changes.filter((c) => c.applied));
    expect(applied.length).toBeGreaterThanOrEqual(expectedRuns);
    for (const change of applied) expect(change.level).toBe('review');

    // Every file with runs is changed, with one applied change per run.
    for (const [file, handlers] of Object.entries(rewritten)) {
      const entry = report.files.find((f) => f.path.endsWith(`/src/${file}`));
      expect(entry?.status, file).toBe('changed');
      expect(entry?.changes.filter((c) => c.applied)).toHaveLength(handlers.length);
    }
    for (const file of untouchedFiles) {
      expect(report.files.find((f) => f.path.endsWith(`/src/${file}`))?.status, file).toBe('unchanged');
    }
  });

  it('leaves the source as expected: Promise.all where independent, untouched where not', () => {
    for (const [file, handlers] of Object.entries(rewritten)) {
      for (const handler of handlers) {
        expect(handlerText(migrated, file, handler), `${file} ${handler}`).toContain('await Promise.all([');
      }
    }
    for (const [file, handlers] of Object.entries(leftAlone)) {
      for (const handler of handlers) {
        expect(handlerText(migrated, file, handler), `${file} ${handler}`).toBe(handlerText(original, file, handler));
      }
    }
    for (const file of untouchedFiles) expect(migrated.get(file), file).toBe(original.get(file));

    const dashboard = migrated.get('dashboard.ts') ?? '';
    // Type annotations become one tuple annotation.
    expect(dashboard).toContain('const [user, prefs, notifications]: [User, Prefs, Notification[]] = await Promise.all([');
    // The user lookup stays first: balance and orders need its account id. The await inside `if` stays.
    expect(handlerText(migrated, 'dashboard.ts', 'getAccountSummary')).toMatch(
      /const user = await db\.getUser\(userId\);[\s\S]*const \[balance, orders\] = await Promise\.all\(\[[\s\S]*if \(options\.includeInvoices\) \{\s*invoices = await db\.listInvoices\(user\.accountId\);/,
    );
    // Assignments to `this` become one destructuring assignment, comments survive.
    expect(handlerText(migrated, 'session.ts', 'loadHeader')).toContain('[this.user, this.prefs, this.notifications] = await Promise.all([');
    expect(migrated.get('session.ts')).toContain('// The unread badge.');
    const storefront = migrated.get('storefront.ts') ?? '';
    expect(storefront).toContain('const [{ items: featured }, { banners }, categories] = await Promise.all([');
    expect(storefront).toContain('// marketing owns the banners');
    expect(storefront).toContain('/* Categories live in our own database. */');
    // The audit appends stay strictly sequential.
    expect(handlerText(migrated, 'orders.ts', 'placeOrder')).not.toContain('Promise.all');
  });

  it('passes its own tests after the migration', () => {
    const result = runFixtureTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# fail 0/);
  });

  it('still type-checks after the migration', () => {
    const result = exec([tscPath, '-p', path.join(copy, 'tsconfig.json')], copy);
    expect(result.status, explain(result)).toBe(0);
  });

  it('changes nothing on a second run (idempotence)', () => {
    const reportPath = path.join(copy, 'report-2.json');
    const result = migrate('--write', '--level', 'review', '--report', reportPath);
    expect(result.status, explain(result)).toBe(0);
    const second = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    expect(second.files.map((f) => f.status)).toEqual(second.files.map(() => 'unchanged'));
    expect(second.files.flatMap((f) => f.changes)).toEqual([]);
    expect(readSources(srcDir)).toEqual(migrated);
  });
});
