/**
 * `add-abort-signal`, a project transform, on fixture projects from disk:
 * `__testfixtures__/add-abort-signal/<case>/{input,output}/` with the entries in `entry.json`. Each
 * case is copied to a temp folder, migrated and written as the CLI does (with `--typecheck`), and
 * compared file by file with `output/`; a second run must change nothing. The apply phase's
 * all-or-nothing gates are tested on plans made by hand.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { planSignalChain, type SignalChainPlan } from '@asyncwise/analysis';
import { afterAll, describe, expect, it } from 'vitest';
import { entriesOf } from '../src/project/add-abort-signal';
import { migrateProject } from '../src/project/migrate-project';
import { cliIn, packageRoot, removeTempProjects, tempProject } from './helpers';

const casesDir = path.join(packageRoot, 'test/__testfixtures__/add-abort-signal');

afterAll(removeTempProjects);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function run(dir: string, from: readonly string[]) {
  const configPath = path.join(dir, 'tsconfig.json');
  const plan = planSignalChain(configPath, entriesOf({ from, allExports: false, cwd: dir }));
  const result = await migrateProject(plan, { codemod: 'add-abort-signal', configPath, level: 'review', write: true, allowDirty: true, typecheck: true });
  return { plan, result };
}

describe('add-abort-signal fixture projects', () => {
  for (const name of readdirSync(casesDir)) {
    const caseDir = path.join(casesDir, name);
    const { from } = JSON.parse(readFileSync(path.join(caseDir, 'entry.json'), 'utf8')) as { from: string[] };
    it(name, async () => {
      const dir = tempProject({});
      cpSync(path.join(caseDir, 'input'), dir, { recursive: true });
      const { result } = await run(dir, from);
      expect(result.typeErrors).toEqual([]);
      expect(result.heldBack).toBeNull();
      const expected = path.join(caseDir, 'output');
      expect(filesUnder(dir)).toEqual(filesUnder(expected));
      for (const file of filesUnder(expected)) expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(readFileSync(path.join(expected, file), 'utf8'));
      // Idempotence: the migrated project already takes and passes every signal.
      const again = await run(dir, from);
      expect(again.plan.changes).toEqual([]);
      expect(again.result.outcomes.filter((o) => o.status === 'changed')).toEqual([]);
    });
  }

  it('lists every refusal reason of the refusals project once, at the function or call it names', async () => {
    const dir = tempProject({});
    cpSync(path.join(casesDir, 'refusals/input'), dir, { recursive: true });
    const { plan } = await run(dir, ['src/entry.ts#entry']);
    expect(plan.refusals.map((r) => r.reason).sort()).toEqual([
      'dynamic-access',
      'function-used-as-value',
      'interface-member',
      'opaque-signal-options',
      'options-not-inline',
      'overloaded-function',
      'rest-parameter',
      'signal-name-taken',
      'spread-call',
    ]);
    // `opaque` is on the chain but its one request is refused, so it is left out: no signal would reach anything through it.
    expect(plan.functions).toEqual(['src/entry.ts#entry']);
  });

  it('threads no method another one would have to change with, and lists each at its call', async () => {
    const dir = tempProject({});
    cpSync(path.join(casesDir, 'methods-refused/input'), dir, { recursive: true });
    const { plan } = await run(dir, ['src/entry.ts#entry']);
    // An implementation of an interface's member (a class's, a typed object literal's), a method
    // overriding and one overridden, one called on a union.
    expect(plan.refusals.map((r) => [r.reason, r.description.split('(…)')[0]])).toEqual([
      ['interface-member', 'new HttpLoader().load'],
      ['method-override', 'base.fetchPage'],
      ['method-override', 'cached.fetchPage'],
      ['union-receiver', 'either.fetchPage'],
      ['interface-member', 'memory.load'],
    ]);
    expect(plan.functions).toEqual(['src/entry.ts#entry']);
  });

  it('names an entry it cannot find instead of planning nothing silently', () => {
    const dir = tempProject({});
    cpSync(path.join(casesDir, 'three-level-chain/input'), dir, { recursive: true });
    const plan = planSignalChain(path.join(dir, 'tsconfig.json'), entriesOf({ from: ['src/service.ts#nope'], allExports: false, cwd: dir }));
    expect(plan.refusals.map((r) => r.reason)).toEqual(['entry-not-found']);
    expect(plan.changes).toEqual([]);
  });

  it('follows an entry named where it is re-exported to the function it leads to', () => {
    const dir = tempProject({ 'src/index.ts': "export { handle as run } from './service.js';\n" });
    cpSync(path.join(casesDir, 'three-level-chain/input'), dir, { recursive: true });
    const plan = planSignalChain(path.join(dir, 'tsconfig.json'), entriesOf({ from: ['src/index.ts#run'], allExports: false, cwd: dir }));
    expect(plan.functions[0]).toBe('src/service.ts#handle');
    expect(plan.edits.has(path.join(dir, 'src/index.ts'))).toBe(false);
  });

  it('with --all-exports, starts from every exported function the checker shows returns a promise', () => {
    const dir = tempProject({});
    cpSync(path.join(casesDir, 'three-level-chain/input'), dir, { recursive: true });
    const plan = planSignalChain(path.join(dir, 'tsconfig.json'), entriesOf({ from: [], allExports: true, cwd: dir }));
    expect([...plan.functions].sort()).toEqual(['src/http.ts#getJson', 'src/http.ts#getLater', 'src/http.ts#getText', 'src/service.ts#handle', 'src/service.ts#handleOne', 'src/service.ts#report', 'src/users.ts#loadUser']);
  });
});

describe('the apply phase writes all or nothing', () => {
  const project = () =>
    tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['*.ts'] }),
      'a.ts': 'export const n: number = 1;\n',
      'b.ts': 'export const m = 2;\n',
    });
  const planOf = (dir: string, edits: Record<string, { range: [number, number]; text: string }>): SignalChainPlan => {
    const texts = new Map(Object.keys(edits).map((f) => [path.join(dir, f), readFileSync(path.join(dir, f), 'utf8')]));
    return {
      edits: new Map(Object.entries(edits).map(([f, e]) => [path.join(dir, f), [e]])),
      texts,
      changes: Object.keys(edits).map((f) => ({ file: path.join(dir, f), start: 0, plan: `${f}#x`, kind: 'function' as const, description: 'an edit' })),
      refusals: [],
      functions: [],
    };
  };

  it('writes no file when one planned file would not parse', async () => {
    const dir = project();
    const plan = planOf(dir, { 'a.ts': { range: [0, 0], text: '' }, 'b.ts': { range: [17, 18], text: '2 +' } });
    const result = await migrateProject(plan, { codemod: 'add-abort-signal', configPath: path.join(dir, 'tsconfig.json'), level: 'review', write: true, allowDirty: true, typecheck: false });
    expect(result.heldBack).toMatch(/would not parse/);
    expect(result.outcomes.find((o) => o.file.endsWith('b.ts'))?.error?.kind).toBe('output-parse');
    expect(readFileSync(path.join(dir, 'b.ts'), 'utf8')).toBe('export const m = 2;\n');
    expect(result.outcomes.every((o) => !o.written)).toBe(true);
  });

  it('with typecheck, writes no file when the project would gain a TypeScript error, and names it and its plan', async () => {
    const dir = project();
    const plan = planOf(dir, { 'a.ts': { range: [25, 26], text: "'one'" }, 'b.ts': { range: [17, 18], text: '3' } });
    const result = await migrateProject(plan, { codemod: 'add-abort-signal', configPath: path.join(dir, 'tsconfig.json'), level: 'review', write: true, allowDirty: true, typecheck: true });
    expect(result.typeErrors.map((e) => [path.basename(e.file ?? ''), e.code, e.line, e.plans])).toEqual([['a.ts', 2322, 1, ['a.ts#x']]]);
    expect(readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe('export const n: number = 1;\n');
    expect(readFileSync(path.join(dir, 'b.ts'), 'utf8')).toBe('export const m = 2;\n');
  });

  it('at level safe lists the review changes and writes nothing', async () => {
    const dir = project();
    const plan = planOf(dir, { 'b.ts': { range: [17, 18], text: '3' } });
    const result = await migrateProject(plan, { codemod: 'add-abort-signal', configPath: path.join(dir, 'tsconfig.json'), level: 'safe', write: true, allowDirty: true, typecheck: false });
    expect(result.outcomes.map((o) => [o.status, o.changes.map((c) => c.applied)])).toEqual([['unchanged', [false]]]);
    expect(readFileSync(path.join(dir, 'b.ts'), 'utf8')).toBe('export const m = 2;\n');
  });
});

describe('asyncwise migrate add-abort-signal', () => {
  const cli = cliIn;

  it('needs one tsconfig and its entries, and runs alone', async () => {
    const dir = tempProject({});
    cpSync(path.join(casesDir, 'three-level-chain/input'), dir, { recursive: true });
    expect((await cli(dir, 'migrate', 'add-abort-signal', '--from', 'src/service.ts#handle')).stderr).toMatch(/give --project <tsconfig.json>/);
    expect((await cli(dir, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json')).stderr).toMatch(/--from path\/file.ts#name .* or --all-exports/);
    expect((await cli(dir, 'migrate', 'add-abort-signal', 'then-to-await', '--project', 'tsconfig.json', '--all-exports')).stderr).toMatch(/runs alone/);
    const perFile = await cli(dir, 'migrate', 'then-to-await', 'src', '--from', 'src/service.ts#handle');
    expect([perFile.code, perFile.stderr]).toEqual([2, expect.stringMatching(/--from applies to the project codemods/) as unknown]);
  });

  it('prints the diff and the chain on a dry run, and writes nothing', async () => {
    const dir = tempProject({});
    cpSync(path.join(casesDir, 'three-level-chain/input'), dir, { recursive: true });
    const result = await cli(dir, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json', '--from', 'src/service.ts#handle', '--level', 'review');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+export async function handle(ids: string[], options?: { signal?: AbortSignal }) {');
    expect(result.stdout).toContain('Chain: 5 functions (src/service.ts#handle, src/users.ts#loadUser');
    expect(readFileSync(path.join(dir, 'src/service.ts'), 'utf8')).toBe(readFileSync(path.join(casesDir, 'three-level-chain/input/src/service.ts'), 'utf8'));
  });
});
