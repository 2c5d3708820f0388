/**
 * The project codemods in the CLI's sharded and incremental runs: `--shard i/n` (every shard plans
 * the whole program, writes and reports its own files; the merged reports are the unsharded one),
 * `--cache` (a fingerprint of every file of the program) and `--jobs` (refused, with the reason).
 * Each shard of a CI matrix runs in its own checkout, so each shard here runs in its own copy.
 */
import { cpSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { planCallbackToAsync, planSignalChain, type ProjectPlan } from '@asyncwise/analysis';
import { afterAll, describe, expect, it } from 'vitest';
import { entriesOf } from '../src/project/add-abort-signal';
import { migrateProject } from '../src/project/migrate-project';
import { shardOf } from '../src/shard';
import { cliIn, packageRoot, removeTempProjects, tempProject } from './helpers';

afterAll(removeTempProjects);

const tsconfig = JSON.stringify({
  compilerOptions: { target: 'ES2022', lib: ['ES2022', 'DOM'], module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: [] },
  include: ['src'],
});
const resources = ['users', 'posts', 'teams', 'orders', 'invoices', 'notes'];

/** A service whose entry calls six loaders in six files, each ending in `fetch`; one loader is also used as a value (refused). */
function serviceFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'tsconfig.json': tsconfig,
    'src/http.ts': 'export async function get(url: string): Promise<unknown> {\n  const res = await fetch(url);\n  return res.json();\n}\n',
    'src/service.ts': [
      ...resources.map((r) => `import { load_${r} } from './${r}';`),
      '',
      'export async function handle(id: string) {',
      ...resources.map((r) => `  const ${r} = await load_${r}(id);`),
      `  return { ${resources.join(', ')} };`,
      '}',
      '',
      'export const loaders = [load_users];',
      '',
    ].join('\n'),
  };
  for (const r of resources) files[`src/${r}.ts`] = `import { get } from './http';\n\nexport async function load_${r}(id: string) {\n  return get(\`/${r}/\${id}\`);\n}\n`;
  return files;
}

const entry = ['--from', 'src/service.ts#handle'];

function sourcesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(path.join(dir, 'src'))
      .sort()
      .map((f) => [`src/${f}`, readFileSync(path.join(dir, 'src', f), 'utf8')]),
  );
}

/** A plan with its paths relative to `dir`: two copies of one project must plan the same. */
function relativePlan(plan: ProjectPlan, dir: string) {
  const rel = (file: string) => path.relative(dir, file);
  const relPlan = (name: string) => name.replace(dir + path.sep, '');
  return {
    edits: [...plan.edits].map(([file, edits]) => [rel(file), edits]).sort(),
    texts: [...plan.texts.keys()].map(rel).sort(),
    changes: plan.changes.map((c) => ({ ...c, file: rel(c.file), plan: relPlan(c.plan) })),
    refusals: plan.refusals.map((r) => ({ ...r, file: rel(r.file), plan: relPlan(r.plan) })),
    functions: plan.functions.map(relPlan),
  };
}

describe('--shard with a project codemod', () => {
  it('plans the same in every copy of the project (each copy its own program), so every shard plans alike', () => {
    const [a, b] = [tempProject(serviceFiles()), tempProject(serviceFiles())] as [string, string];
    const signal = (dir: string) => planSignalChain(path.join(dir, 'tsconfig.json'), entriesOf({ from: ['src/service.ts#handle'], allExports: false, cwd: dir }));
    const planA = relativePlan(signal(a), a);
    expect(planA.changes.length).toBeGreaterThan(0);
    expect(planA.refusals.length).toBeGreaterThan(0);
    expect(relativePlan(signal(b), b)).toEqual(planA);
    const callbacks = (name: string) => {
      const dir = tempProject({});
      cpSync(path.join(packageRoot, 'test/__testfixtures__/callback-to-async', name, 'input'), dir, { recursive: true });
      return relativePlan(planCallbackToAsync(path.join(dir, 'tsconfig.json')), dir);
    };
    const first = callbacks('cross-file');
    expect(first.changes.length).toBeGreaterThan(0);
    expect(callbacks('cross-file')).toEqual(first);
  });

  it('merges the shards\' reports into the unsharded run\'s report, byte for byte, with its summary', async () => {
    const whole = tempProject(serviceFiles());
    const single = await cliIn(whole, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json', ...entry, '--level', 'review', '--report', 'whole.json', '-q');
    expect(single.code).toBe(0);
    const expected = readFileSync(path.join(whole, 'whole.json'), 'utf8');
    for (const count of [2, 3]) {
      const reports: string[] = [];
      for (let index = 1; index <= count; index++) {
        const result = await cliIn(whole, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json', ...entry, '--level', 'review', '--shard', `${index}/${count}`, '--report', `shard-${index}-of-${count}.json`, '-q');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`Shard ${index}/${count}: \\d+ of 8 planned files`));
        reports.push(`shard-${index}-of-${count}.json`);
      }
      // A shard lists only its own files: the split is real.
      const listed = reports.map((r) => (JSON.parse(readFileSync(path.join(whole, r), 'utf8')) as { files: { path: string }[] }).files.map((f) => f.path));
      expect(listed.filter((files) => files.length > 0).length).toBeGreaterThan(1);
      for (const [i, files] of listed.entries()) for (const file of files) expect(shardOf(file, count)).toBe(i + 1);
      const merged = await cliIn(whole, 'report', 'merge', ...reports, '--report', `merged-${count}.json`, '-q');
      expect(merged.code).toBe(0);
      expect(readFileSync(path.join(whole, `merged-${count}.json`), 'utf8')).toBe(expected);
    }
  });

  it('merges shards whose outcome came from their caches as it merges planned ones', async () => {
    const dir = tempProject(serviceFiles());
    await cliIn(dir, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json', ...entry, '--report', 'whole.json', '-q');
    for (const index of [1, 2]) {
      for (const round of [1, 2]) {
        await cliIn(dir, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json', ...entry, '--shard', `${index}/2`, '--cache', '--cache-location', `shard-${index}.cache`, '--report', `shard-${index}.json`, '-q');
        expect((JSON.parse(readFileSync(path.join(dir, `shard-${index}.json`), 'utf8')) as { planFromCache: boolean }).planFromCache).toBe(round === 2);
      }
    }
    expect((await cliIn(dir, 'report', 'merge', 'shard-1.json', 'shard-2.json', '--report', 'merged.json', '-q')).code).toBe(0);
    expect(readFileSync(path.join(dir, 'merged.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'whole.json'), 'utf8'));
  });

  it('writes only its own files; the shards written in their own checkouts make up the unsharded rewrite', async () => {
    const whole = tempProject(serviceFiles());
    expect((await cliIn(whole, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json', ...entry, '--level', 'review', '--write', '--allow-dirty', '-q')).code).toBe(0);
    const original = serviceFiles();
    const assembled: Record<string, string> = {};
    for (const index of [1, 2]) {
      const checkout = tempProject(serviceFiles());
      const result = await cliIn(checkout, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json', ...entry, '--level', 'review', '--write', '--allow-dirty', '--shard', `${index}/2`, '-q');
      expect(result.code).toBe(0);
      for (const [file, text] of Object.entries(sourcesOf(checkout))) {
        if (shardOf(file, 2) === index) assembled[file] = text;
        else expect(text, `${file} belongs to the other shard`).toBe(original[file]);
      }
    }
    expect(assembled).toEqual(sourcesOf(whole));
  });

  it('with --typecheck, judges every shard\'s edits: an error in another shard\'s file holds this shard back too', async () => {
    const dir = tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['*.ts'] }),
      'a.ts': 'export const n: number = 1;\n',
      'b.ts': 'export const m = 2;\n',
    });
    const file = (f: string) => path.join(dir, f);
    const plan: ProjectPlan = {
      edits: new Map([
        [file('a.ts'), [{ range: [25, 26], text: "'one'" }]],
        [file('b.ts'), [{ range: [17, 18], text: '3' }]],
      ]),
      texts: new Map(['a.ts', 'b.ts'].map((f) => [file(f), readFileSync(file(f), 'utf8')])),
      changes: ['a.ts', 'b.ts'].map((f) => ({ file: file(f), start: 0, plan: `${f}#x`, kind: 'function' as const, description: 'an edit' })),
      refusals: [],
      functions: [],
    };
    const options = { codemod: 'add-abort-signal', configPath: file('tsconfig.json'), level: 'review' as const, write: true, allowDirty: true, typecheck: true };
    const onlyB = await migrateProject(plan, { ...options, owns: (f) => f === file('b.ts') });
    expect(onlyB.outcomes.map((o) => path.basename(o.file))).toEqual(['b.ts']);
    expect(onlyB.typeErrors.map((e) => [path.basename(e.file ?? ''), e.code])).toEqual([['a.ts', 2322]]);
    expect(onlyB.heldBack).toMatch(/would add 1 TypeScript error/);
    expect(readFileSync(file('b.ts'), 'utf8')).toBe('export const m = 2;\n');
    // Without the error the same shard writes its own file and leaves the other's.
    const fine = { ...plan, edits: new Map([...plan.edits].filter(([f]) => f === file('b.ts'))) };
    const written = await migrateProject(fine, { ...options, owns: (f) => f === file('b.ts') });
    expect(written.heldBack).toBeNull();
    expect(readFileSync(file('b.ts'), 'utf8')).toBe('export const m = 3;\n');
    expect(readFileSync(file('a.ts'), 'utf8')).toBe('export const n: number = 1;\n');
  });
});

describe('--cache with a project codemod', () => {
  const run = (dir: string, ...more: string[]) => cliIn(dir, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json', ...entry, '--cache', '--report', 'report.json', ...more);
  const reportOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { planFromCache?: boolean; summary: unknown; files: unknown };

  it('skips building the program while every file of it is the same, and reports what the planning run found', async () => {
    const dir = tempProject(serviceFiles());
    // At level safe every change is listed, none applied: nothing to apply.
    const first = await run(dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('the project\'s fingerprint is kept');
    const planned = reportOf(dir);
    expect(planned.planFromCache).toBe(false);
    const second = await run(dir);
    expect(second.stdout).toContain('the program was not built');
    const reused = reportOf(dir);
    expect(reused.planFromCache).toBe(true);
    expect({ files: reused.files, summary: reused.summary }).toEqual({ files: planned.files, summary: planned.summary });
    expect(second.stdout.replace(/^Cache:.*\n/m, '').replace(/^Report.*\n/m, '')).toBe(first.stdout.replace(/^Cache:.*\n/m, '').replace(/^Report.*\n/m, ''));
  });

  it('plans again when a file of the program changes, a file is added, or the bytes change under the same time stamps', async () => {
    const dir = tempProject(serviceFiles());
    await run(dir);
    const cachedAfter = async (change: () => void) => {
      change();
      await run(dir);
      const first = reportOf(dir).planFromCache;
      await run(dir);
      return [first, reportOf(dir).planFromCache];
    };
    const http = path.join(dir, 'src/http.ts');
    // A new comment: same plan, but a changed file is never trusted.
    expect(await cachedAfter(() => writeFileSync(http, `// the client\n${readFileSync(http, 'utf8')}`))).toEqual([false, true]);
    expect(await cachedAfter(() => writeFileSync(path.join(dir, 'src/extra.ts'), 'export const extra = 1;\n'))).toEqual([false, true]);
    // Same size, time stamps put back: content hashes decide, not mtimes.
    const { atime, mtime } = statSync(http);
    expect(
      await cachedAfter(() => {
        writeFileSync(http, readFileSync(http, 'utf8').replace('the client', 'THE CLIENT'));
        utimesSync(http, atime, mtime);
      }),
    ).toEqual([false, true]);
    // Touched, bytes the same: still the same project.
    const now = new Date();
    expect(await cachedAfter(() => utimesSync(http, now, now))).toEqual([true, true]);
  });

  it('plans again when a declaration file the program reaches outside the tsconfig\'s files changes', async () => {
    const dir = tempProject({
      ...serviceFiles(),
      'node_modules/config-lib/package.json': JSON.stringify({ name: 'config-lib', types: 'index.d.ts' }),
      'node_modules/config-lib/index.d.ts': 'export declare const base: string;\n',
    });
    writeFileSync(path.join(dir, 'src/base.ts'), "import { base } from 'config-lib';\nexport const url = base;\n");
    await run(dir);
    await run(dir);
    expect(reportOf(dir).planFromCache).toBe(true);
    writeFileSync(path.join(dir, 'node_modules/config-lib/index.d.ts'), 'export declare const base: string | undefined;\n');
    await run(dir);
    expect(reportOf(dir).planFromCache).toBe(false);
  });

  it('plans again when the package manifest changes: an installed package can give an import a file the program lacked', async () => {
    const dir = tempProject({ ...serviceFiles(), 'package.json': JSON.stringify({ name: 'service', dependencies: {} }) });
    await run(dir);
    await run(dir);
    expect(reportOf(dir).planFromCache).toBe(true);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'service', dependencies: { 'config-lib': '1.0.0' } }));
    await run(dir);
    expect(reportOf(dir).planFromCache).toBe(false);
  });

  it('keeps no fingerprint after a run with changes to apply, nor across other options', async () => {
    const dir = tempProject(serviceFiles());
    const review = await run(dir, '--level', 'review');
    expect(review.stdout).toContain('no fingerprint is kept');
    await run(dir, '--level', 'review');
    expect(reportOf(dir).planFromCache).toBe(false);
    await run(dir);
    await run(dir, '--from', 'src/users.ts#load_users');
    expect(reportOf(dir).planFromCache).toBe(false);
    // Each shard keeps its own fingerprint of its own outcome.
    await run(dir, '--shard', '1/2', '--cache-location', 'shard-1.cache');
    await run(dir, '--shard', '1/2', '--cache-location', 'shard-1.cache');
    expect(reportOf(dir).planFromCache).toBe(true);
  });
});

describe('--jobs with a project codemod', () => {
  it('is refused with the reason and what to do instead', async () => {
    const dir = tempProject(serviceFiles());
    const result = await cliIn(dir, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json', ...entry, '--jobs', '2');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--jobs does not apply to add-abort-signal: it plans over one TypeScript program in one thread\. To split a large run, use --shard i\/n/);
  });
});
