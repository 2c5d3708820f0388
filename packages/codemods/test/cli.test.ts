/**
 * The built `asyncwise` bin, spawned as a user would run it, on temporary copies. Build first:
 * `pnpm --filter @asyncwise/analysis build && pnpm --filter @asyncwise/codemods build` (the root
 * `pnpm test` does).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codemods } from '../src/registry';
import type { Report } from '../src/report';
import { git, gitInit, loadThree, loadThreeRewritten, packageRoot, removeTempProjects, tempProject } from './helpers';

const cli = path.join(packageRoot, 'bin/asyncwise.js');
const packageVersion = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

function asyncwise(cwd: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  // A hang (as --report under /proc once did) fails the test instead of stalling the suite.
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env, timeout: 30_000, killSignal: 'SIGKILL' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const broken = 'export async function f() {\n  const a = await ;\n}\n';

beforeAll(() => {
  const built = path.join(packageRoot, 'dist/cli.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run pnpm --filter @asyncwise/codemods build first.`);
});
afterEach(removeTempProjects);

describe('asyncwise migrate', () => {
  it('prints a uniform diff in a dry run and writes nothing', () => {
    const root = tempProject({ 'src/a.ts': loadThree, 'src/b.ts': 'export const b = 1;\n' });
    const { code, stdout, stderr } = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,6 +1,8 @@\n');
    expect(stdout).toContain('-  const user = await getUser(id);\n');
    expect(stdout).toContain('+  const [user, posts, settings] = await Promise.all([\n');
    expect(stdout).toContain('2 files scanned, 1 would change, 0 errors (level review, dry run)');
    expect(stdout).toContain('Dry run: nothing written. Rerun with --write to apply.');
    expect(stdout).not.toContain('\x1b[');
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(loadThree);
  });

  it('changes nothing with --write at the default level, and says how to apply review changes', () => {
    const root = tempProject({ 'a.ts': loadThree });
    const { code, stdout } = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--write');
    expect(code).toBe(0);
    expect(stdout).toContain('1 review change listed, not applied; rerun with --level review');
    expect(stdout).toContain('a.ts:2:3  3 awaits → Promise.all: getUser(), getPosts(), getSettings()');
    expect(stdout).toContain('Nothing written.');
    expect(stdout).not.toContain('--- a/');
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe(loadThree);
  });

  it('rewrites with --write --level review, and a second run changes nothing', () => {
    const root = tempProject({ 'src/a.ts': loadThree });
    const first = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'src', '--write', '--level', 'review');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Runs rewritten: 1 review, 0 safe');
    expect(first.stdout).toContain('Wrote 1 file.');
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(loadThreeRewritten);

    const second = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'src', '--write', '--level', 'review');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('1 file scanned, 0 changed, 0 errors');
    expect(second.stdout).toContain('Runs rewritten: 0 review, 0 safe');
    expect(second.stdout).toContain('Nothing written.');
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(loadThreeRewritten);
  });

  it('reports a file with a syntax error at file:line:col, leaves it byte-identical, still writes the others, exits 1', () => {
    const root = tempProject({ 'src/a.ts': loadThree, 'src/broken.ts': broken, 'src/c.ts': loadThree });
    const { code, stdout, stderr } = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--write', '--level', 'review');
    expect(code).toBe(1);
    expect(stdout).toContain('1 file failed and was left unchanged:\n  src/broken.ts:2:19: Unexpected token');
    expect(stdout).toContain('Wrote 2 files.');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(root, 'src/broken.ts'), 'utf8')).toBe(broken);
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(loadThreeRewritten);
    expect(readFileSync(path.join(root, 'src/c.ts'), 'utf8')).toBe(loadThreeRewritten);
  });

  it("skips .gitignore'd files, node_modules and dist, but processes a file named explicitly", () => {
    const root = tempProject({
      '.gitignore': 'generated/\n',
      'src/a.ts': loadThree,
      'generated/client.ts': loadThree,
      'node_modules/dep/index.js': loadThree,
      'dist/a.js': loadThree,
    });
    const all = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--write', '--level', 'review');
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('1 file scanned, 1 changed');
    for (const skipped of ['generated/client.ts', 'node_modules/dep/index.js', 'dist/a.js']) {
      expect(readFileSync(path.join(root, skipped), 'utf8')).toBe(loadThree);
    }
    const explicit = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'generated/client.ts', '--write', '--level', 'review');
    expect(explicit.code).toBe(0);
    expect(readFileSync(path.join(root, 'generated/client.ts'), 'utf8')).toBe(loadThreeRewritten);
  });

  it('writes a JSON report with the documented shape', () => {
    const refused = 'export async function f(api: Api) {\n  const a: A = await api.a();\n  const b = await api.b();\n}\n';
    const root = tempProject({ 'a.ts': loadThree, 'broken.ts': broken, 'refused.ts': refused, 'same.ts': 'export {};\n' });
    const { code } = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--report', 'out/report.json', '--quiet');
    expect(code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(root, 'out/report.json'), 'utf8')) as Report;
    expect(report).toMatchObject({
      version: 2,
      asyncwiseVersion: packageVersion,
      codemods: ['sequential-to-concurrent'],
      level: 'safe',
      write: false,
    });
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ['a.ts', 'unchanged'],
      ['broken.ts', 'error'],
      ['refused.ts', 'unchanged'],
      ['same.ts', 'unchanged'],
    ]);
    expect(report.files[0]?.changes).toEqual([
      {
        codemod: 'sequential-to-concurrent',
        line: 2,
        column: 3,
        level: 'review',
        description: '3 awaits → Promise.all: getUser(), getPosts(), getSettings()',
        applied: false,
      },
    ]);
    expect(report.files[1]?.error).toEqual({ kind: 'parse', line: 2, column: 19, message: 'Unexpected token' });
    expect(report.files[2]?.refusals).toEqual([
      expect.objectContaining({ codemod: 'sequential-to-concurrent', line: 2, column: 3, reason: 'partial-type-annotations' }),
    ]);
    expect(report.summary).toEqual({
      filesScanned: 4,
      filesChanged: 0,
      filesWritten: 0,
      filesErrored: 1,
      changesApplied: { safe: 0, review: 0 },
      changesNotApplied: { safe: 0, review: 1 },
      refusals: { 'partial-type-annotations': 1 },
      asyncwiseBugs: 0,
      errors: [{ path: 'broken.ts', kind: 'parse', line: 2, column: 19, message: 'Unexpected token' }],
      filesSkipped: 0,
      skipped: [],
    });
  });

  it('skips a file that is not UTF-8: listed in the summary and the report, byte-identical, exit 0', () => {
    const root = tempProject({ 'src/a.ts': loadThree });
    const latin1 = Buffer.concat([Buffer.from(loadThree), Buffer.from('// r\xe9sum\xe9\n', 'latin1')]);
    writeFileSync(path.join(root, 'src/latin1.ts'), latin1);
    const run = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--write', '--report', 'report.json', '--quiet');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('2 files scanned, 1 changed, 1 skipped, 0 errors (level review)');
    expect(run.stdout).toContain('1 file skipped and left unchanged (not an error):\n  src/latin1.ts:7:5: not-utf8: not valid UTF-8 (byte 0xE9');
    expect(run.stdout).toContain('Wrote 1 file.');
    expect(readFileSync(path.join(root, 'src/latin1.ts'))).toEqual(latin1);
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(loadThreeRewritten);
    const report = JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')) as Report;
    expect(report.files.find((f) => f.path === 'src/latin1.ts')).toMatchObject({
      status: 'skipped',
      written: false,
      skip: { reason: 'not-utf8', line: 7, column: 5 },
    });
    expect(report.summary).toMatchObject({ filesScanned: 2, filesChanged: 1, filesSkipped: 1, filesErrored: 0 });
    expect(report.summary.skipped).toEqual([expect.objectContaining({ path: 'src/latin1.ts', reason: 'not-utf8' })]);
  });

  it('skips files over --max-file-size and binary files, and reports why', () => {
    const root = tempProject({ 'src/a.ts': loadThree, 'src/big.ts': `${loadThree}// ${'x'.repeat(600 * 1024)}\n` });
    writeFileSync(path.join(root, 'src/clip.ts'), Buffer.from([0x47, 0x40, 0x00, 0x10, 0x00]));
    const run = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--quiet', '--max-file-size', '512KB', '--report', 'r.json');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 files scanned, 1 would change, 2 skipped, 0 errors');
    expect(run.stdout).toContain('  src/big.ts: too-large: 600.2 KB, more than --max-file-size (512.0 KB)');
    expect(run.stdout).toContain('  src/clip.ts: binary: a NUL byte at byte 3');
    const report = JSON.parse(readFileSync(path.join(root, 'r.json'), 'utf8')) as Report;
    expect(report.summary.skipped.map((s) => [s.path, s.reason])).toEqual([
      ['src/big.ts', 'too-large'],
      ['src/clip.ts', 'binary'],
    ]);
    const raised = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--quiet', '--max-file-size', '1mb');
    expect(raised.stdout).toContain('3 files scanned, 2 would change, 1 skipped');
  });

  it('prints only counts and errors with --quiet', () => {
    const root = tempProject({ 'a.ts': loadThree });
    const { code, stdout } = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--quiet');
    expect(code).toBe(0);
    expect(stdout).not.toContain('--- a/');
    expect(stdout).toContain('1 file scanned, 1 would change, 0 errors');
  });

  it('reads files as ESLint does by default, or as --source-type says', () => {
    const source = 'let a, b;\nasync function f() {\n  a = await getA();\n  b = await getB();\n}\nf();\n';
    const root = tempProject({ 'a.js': source });
    const asModule = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--quiet');
    expect(asModule.stdout).toContain('1 file scanned, 1 would change');
    const asScript = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--quiet', '--source-type', 'script');
    expect(asScript.stdout).toContain('1 file scanned, 0 would change');
    const bad = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--source-type', 'esm');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--source-type: Invalid source type "esm": expected module, commonjs, script.');
  });

  it('takes --ignore, --min-run and --include-bare-awaits', () => {
    const source = 'export async function f() {\n  await audit.log();\n  await a();\n  await b();\n}\n';
    const root = tempProject({ 'a.ts': source });
    const bareKept = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--write');
    expect(bareKept.code).toBe(0);
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe(source);
    const flags = ['--level', 'review', '--include-bare-awaits', '--write'];
    const ignored = asyncwise(root, 'migrate', 'sequential-to-concurrent', ...flags, '--ignore', 'audit.*');
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe(
      'export async function f() {\n  await audit.log();\n  await Promise.all([a(), b()]);\n}\n',
    );
    expect(ignored.code).toBe(0);
    writeFileSync(path.join(root, 'a.ts'), source);
    const longRuns = asyncwise(root, 'migrate', 'sequential-to-concurrent', ...flags, '--ignore', 'audit.*', '--min-run', '3');
    expect(longRuns.code).toBe(0);
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe(source);
  });
});

describe('--jobs', () => {
  it('prints the same diff and writes the same report with --jobs 1 and --jobs 2', () => {
    // Enough files for two worker threads (see minFilesPerWorker), of every outcome.
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) {
      const name = `src/m${String(i).padStart(2, '0')}.ts`;
      files[name] = i % 10 === 3 ? broken : i % 10 === 7 ? 'export const same = 1;\n' : loadThree.replace('load', `load${i}`);
    }
    files['src/refused.ts'] = 'export async function f(api: Api) {\n  const a: A = await api.a();\n  const b = await api.b();\n}\n';
    const root = tempProject(files);
    writeFileSync(path.join(root, 'src/latin1.ts'), Buffer.from('// r\xe9sum\xe9\n', 'latin1'));
    const one = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--jobs', '1', '--report', 'one.json');
    const two = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--jobs', '2', '--report', 'two.json');
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout.replace('two.json', 'one.json')).toBe(one.stdout);
    expect(one.stdout).toContain('82 files scanned, 64 would change, 1 skipped, 8 errors (level review, dry run)');
    expect(readFileSync(path.join(root, 'two.json'), 'utf8')).toBe(readFileSync(path.join(root, 'one.json'), 'utf8'));
  });

  it('leaves the parsers to the workers: the main thread loads neither oxc-parser, scope-manager, typescript-estree nor TypeScript', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 70; i++) files[`src/f${String(i).padStart(2, '0')}.ts`] = loadThree;
    const root = tempProject(files);
    // At exit, the main thread's CommonJS modules (all four are CommonJS, however they are
    // imported); each worker thread has a module cache of its own.
    const probe = path.join(root, 'probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => { const loaded = Object.keys(require.cache); process.stderr.write(JSON.stringify(['/oxc-parser/', '/scope-manager/', '/typescript-estree/', '/typescript/lib/typescript.js'].map((m) => loaded.some((k) => k.includes(m)))) + '\\n'); });\n",
    );
    const run = (jobs: string) =>
      spawnSync(process.execPath, ['--require', probe, cli, 'migrate', 'sequential-to-concurrent', 'src', '--level', 'review', '--quiet', '-j', jobs], { cwd: root, encoding: 'utf8' });
    const inWorkers = run('2');
    expect(inWorkers.status).toBe(0);
    expect(inWorkers.stderr).toBe('[false,false,false,false]\n');
    // The probe sees the codemods' parser and scopes when this thread does the work.
    expect(run('1').stderr).toMatch(/^\[true,true,/);
  });

  it('writes the same files with --jobs 2 as with --jobs 1', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 70; i++) files[`m${i}.ts`] = i % 2 === 0 ? loadThree : 'export const same = 1;\n';
    const one = tempProject(files);
    const two = tempProject(files);
    expect(asyncwise(one, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--write', '-j', '1').code).toBe(0);
    const run = asyncwise(two, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--write', '-j', '2');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote 35 files.');
    for (const name of Object.keys(files)) expect(readFileSync(path.join(two, name), 'utf8')).toBe(readFileSync(path.join(one, name), 'utf8'));
  });
});

describe('--shard and report merge', () => {
  function mixedProject(): string {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`src/f${i}.ts`] = i % 7 === 0 ? broken : i % 3 === 0 ? 'export {};\n' : loadThree;
    return tempProject(files);
  }

  it('covers every file exactly once over the shards, and the merged report is the single run\'s', () => {
    const root = mixedProject();
    const flags = ['--level', 'review', '--quiet', '-j', '1'];
    expect(asyncwise(root, 'migrate', 'sequential-to-concurrent', ...flags, '--report', 'all.json').code).toBe(1);
    const shardFiles: string[][] = [];
    for (const i of [1, 2, 3]) {
      const run = asyncwise(root, 'migrate', 'sequential-to-concurrent', ...flags, '--shard', `${i}/3`, '--report', `s${i}.json`);
      expect(run.stdout).toMatch(new RegExp(`^Shard ${i}/3: \\d+ of 30 files; merge`, 'm'));
      const report = JSON.parse(readFileSync(path.join(root, `s${i}.json`), 'utf8')) as Report;
      expect(report.shard).toEqual({ index: i, count: 3 });
      shardFiles.push(report.files.map((f) => f.path));
    }
    const all = (JSON.parse(readFileSync(path.join(root, 'all.json'), 'utf8')) as Report).files.map((f) => f.path);
    expect(shardFiles.flat().sort()).toEqual(all);
    expect(shardFiles.every((files) => files.length > 0 && files.length < 30)).toBe(true);

    // Printed, in any order of the arguments; and written with --report, summarised like the run.
    const printed = asyncwise(root, 'report', 'merge', 's3.json', 's1.json', 's2.json');
    expect(printed.code).toBe(1);
    expect(printed.stdout).toBe(readFileSync(path.join(root, 'all.json'), 'utf8'));
    const written = asyncwise(root, 'report', 'merge', 's1.json', 's2.json', 's3.json', '--report', 'merged.json');
    expect(written.code).toBe(1);
    expect(readFileSync(path.join(root, 'merged.json'), 'utf8')).toBe(readFileSync(path.join(root, 'all.json'), 'utf8'));
    expect(written.stdout).toContain('30 files scanned, 17 would change, 5 errors (level review, dry run)');
  });

  it('keeps a file in its shard when other files are added', () => {
    const root = mixedProject();
    const before = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--quiet', '--shard', '2/3', '--report', 'before.json');
    expect(before.code).toBe(1);
    for (let i = 0; i < 10; i++) writeFileSync(path.join(root, `src/new${i}.ts`), 'export {};\n');
    asyncwise(root, 'migrate', 'sequential-to-concurrent', '--quiet', '--shard', '2/3', '--report', 'after.json');
    const paths = (file: string) => (JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Report).files.map((f) => f.path);
    expect(paths('after.json').filter((p) => !p.startsWith('src/new'))).toEqual(paths('before.json'));
  });

  it('refuses reports that do not make one run', () => {
    const root = mixedProject();
    asyncwise(root, 'migrate', 'sequential-to-concurrent', '--quiet', '--shard', '1/2', '--report', 'a1.json');
    asyncwise(root, 'migrate', 'sequential-to-concurrent', '--quiet', '--shard', '2/2', '--report', 'a2.json');
    asyncwise(root, 'migrate', 'sequential-to-concurrent', '--quiet', '--shard', '2/2', '--level', 'review', '--report', 'b2.json');
    asyncwise(root, 'migrate', 'sequential-to-concurrent', '--quiet', '--report', 'whole.json');
    const cases: [string[], string][] = [
      [['a1.json'], 'shard 2/2 missing'],
      [['a1.json', 'a1.json'], 'a1.json and a1.json are both shard 1/2'],
      [['a1.json', 'b2.json'], 'b2.json and a1.json differ in level ("review" and "safe")'],
      [['whole.json'], 'whole.json is not the report of a --shard run'],
      [['src/f1.ts'], 'cannot read the report src/f1.ts'],
    ];
    for (const [args, message] of cases) {
      const run = asyncwise(root, 'report', 'merge', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(message);
      expect(run.stdout).toBe('');
    }
    expect(asyncwise(root, 'migrate', 'sequential-to-concurrent', '--shard', '3/2').stderr).toContain('--shard: invalid value "3/2": expected i/n with 1 ≤ i ≤ n');
  });
});

describe('--cache', () => {
  const refused = 'export async function f(api: Api) {\n  const a: A = await api.a();\n  const b = await api.b();\n}\n';
  const cacheLine = /^Cache: (\d+) of (\d+) files unchanged since an earlier run, taken from (.+)\.$/m;
  const hits = (stdout: string) => Number(cacheLine.exec(stdout)?.[1]);

  it('takes unchanged files from the cache: the same output and report, and a changed file is analysed again', () => {
    const root = tempProject({ 'a.ts': loadThree, 'b.ts': refused, 'c.ts': 'export {};\n', 'broken.ts': broken });
    const first = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--cache', '--report', 'r1.json');
    expect(first.code).toBe(1);
    expect(hits(first.stdout)).toBe(0);
    expect(existsSync(path.join(root, '.asyncwise-cache'))).toBe(true);
    const second = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--cache', '--report', 'r2.json');
    // a.ts (a review change listed, not applied), b.ts (refused) and c.ts; broken.ts is read every time.
    expect(hits(second.stdout)).toBe(3);
    expect(second.stdout.replace(cacheLine, '').replace('r2.json', 'r1.json')).toBe(first.stdout.replace(cacheLine, ''));
    expect(readFileSync(path.join(root, 'r2.json'), 'utf8')).toBe(readFileSync(path.join(root, 'r1.json'), 'utf8'));

    writeFileSync(path.join(root, 'c.ts'), loadThree);
    const third = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--cache', '--quiet', '--report', 'r3.json');
    const report = JSON.parse(readFileSync(path.join(root, 'r3.json'), 'utf8')) as Report;
    expect(report.files.find((f) => f.path === 'c.ts')?.changes).toHaveLength(1);
    expect(third.stdout).not.toMatch(cacheLine);
    const fourth = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--cache');
    expect(hits(fourth.stdout)).toBe(3);
  });

  it('starts afresh for other options or level, and does not keep files it changed', () => {
    const root = tempProject({ 'a.ts': loadThree, 'c.ts': 'export {};\n' });
    asyncwise(root, 'migrate', 'sequential-to-concurrent', '--cache');
    expect(hits(asyncwise(root, 'migrate', 'sequential-to-concurrent', '--cache', '--min-run', '3').stdout)).toBe(0);
    expect(hits(asyncwise(root, 'migrate', 'sequential-to-concurrent', '--cache', '--min-run', '3').stdout)).toBe(2);
    const written = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--cache', '--level', 'review', '--write');
    expect(hits(written.stdout)).toBe(0);
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe(loadThreeRewritten);
    // a.ts was written, so its new text is analysed once more before it is kept.
    expect(hits(asyncwise(root, 'migrate', 'sequential-to-concurrent', '--cache', '--level', 'review').stdout)).toBe(1);
    expect(hits(asyncwise(root, 'migrate', 'sequential-to-concurrent', '--cache', '--level', 'review').stdout)).toBe(2);
  });

  it('keeps the cache where --cache-location says, a file or a folder', () => {
    const root = tempProject({ 'src/a.ts': loadThree });
    mkdirSync(path.join(root, 'tmp'));
    const inFolder = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'src', '--cache', '--cache-location', 'tmp');
    expect(cacheLine.exec(inFolder.stdout)?.[3]).toBe('tmp/.asyncwise-cache');
    expect(existsSync(path.join(root, 'tmp/.asyncwise-cache'))).toBe(true);
    asyncwise(root, 'migrate', 'sequential-to-concurrent', 'src', '--cache', '--cache-location', 'tmp/my-cache.json');
    expect(existsSync(path.join(root, 'tmp/my-cache.json'))).toBe(true);
    const alone = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--cache-location', 'tmp');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--cache-location applies with --cache only');
  });

  it("removes a killed run's temp file of the cache, in a folder no source file is in", () => {
    const root = tempProject({ 'src/a.ts': loadThree });
    mkdirSync(path.join(root, '.cache'));
    const deadPid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const stray = `.asyncwise-cache.asyncwise-${deadPid}-0123abcd.tmp`;
    writeFileSync(path.join(root, '.cache', stray), '{"half":');
    const run = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'src', '--cache', '--cache-location', '.cache/');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`asyncwise: removed .cache/${stray}, a temp file left by an interrupted asyncwise run\n`);
    expect(readdirSync(path.join(root, '.cache'))).toEqual(['.asyncwise-cache']);
  });
});

describe('SIGINT', () => {
  it('stops a run with workers cleanly: no file half-written, no temp file left, the report says what happened to each', async () => {
    const files: Record<string, string> = {};
    // Enough files that the run is still going when the interrupt lands, even with a fast parser on an idle machine.
    for (let i = 0; i < 2400; i++) files[`src/f${String(i).padStart(4, '0')}.ts`] = loadThree;
    const root = tempProject(files);
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    const child = spawn(process.execPath, [cli, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--write', '--quiet', '--progress', '-j', '2', '--report', 'r.json'], { cwd: root, env });
    let stderr = '';
    let sent = false;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      // Once files are being analysed (the progress line counts them), interrupt.
      if (!sent && /asyncwise [1-9]\d*\/2400 files/.test(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await exited;
    expect(code).toBe(130);
    expect(stderr).toContain('SIGINT: stopping after the file in hand');
    expect(stderr).toMatch(/interrupted by SIGINT: \d+ files written, \d+ changed files not written, [1-9]\d* files not analysed/);
    const report = JSON.parse(readFileSync(path.join(root, 'r.json'), 'utf8')) as Report;
    expect(report.files).toHaveLength(2400);
    expect(report.summary.skipped.some((s) => s.reason === 'interrupted')).toBe(true);
    for (const file of report.files) {
      const text = readFileSync(path.join(root, file.path), 'utf8');
      expect(text, file.path).toBe(file.written ? loadThreeRewritten : loadThree);
    }
    expect(readdirSync(path.join(root, 'src')).filter((f) => f.includes('.asyncwise-'))).toEqual([]);
  }, 60_000);
});

describe('clean-git gate', () => {
  it('refuses --write on uncommitted changes unless --allow-dirty; dry runs are not gated', () => {
    const root = tempProject({ 'src/a.ts': loadThree });
    gitInit(root);
    const dirty = `${loadThree}// wip\n`;
    writeFileSync(path.join(root, 'src/a.ts'), dirty);

    const dry = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review');
    expect(dry.code).toBe(0);

    const refused = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--write');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refusing to write: 1 file to rewrite has uncommitted changes');
    expect(refused.stderr).toContain('src/a.ts');
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(dirty);

    const allowed = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--write', '--allow-dirty');
    expect(allowed.code).toBe(0);
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toContain('await Promise.all([');
  });

  it('writes in a clean work tree', () => {
    const root = tempProject({ 'src/a.ts': loadThree });
    gitInit(root);
    const { code } = asyncwise(root, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--write');
    expect(code).toBe(0);
    expect(git(root, 'status', '--porcelain')).toBe(' M src/a.ts\n');
  });
});

describe('bad usage', () => {
  const cases: [string, string[], string][] = [
    ['an unknown flag', ['migrate', 'sequential-to-concurrent', '--frobnicate'], 'Unknown option --frobnicate.'],
    ['a bad --level', ['migrate', 'sequential-to-concurrent', '--level', 'yolo'], '--level: Invalid level "yolo": expected safe or review.'],
    ['a flag without its value', ['migrate', 'sequential-to-concurrent', '--level'], 'Option --level needs a value.'],
    ['a bad --min-run', ['migrate', 'sequential-to-concurrent', '--min-run', '1'], '--min-run: invalid value "1": expected a whole number of at least 2.'],
    ['a codemod option without its value', ['migrate', 'sequential-to-concurrent', '--min-run'], 'Option --min-run needs a value.'],
    ['a mistyped codemod', ['migrate', 'sequential-to-concurent'], 'Unknown codemod "sequential-to-concurent". Did you mean "sequential-to-concurrent"?'],
    ['an unknown codemod', ['migrate', 'no-such-codemod', '.'], 'Unknown codemod "no-such-codemod". The nearest known: loop-to-bounded, pipe-to-pipeline, sync-to-async-io.'],
    ['a missing path', ['migrate', 'sequential-to-concurrent', 'nowhere/'], 'No such file or directory: nowhere/'],
    ['a device as the path', ['migrate', 'sequential-to-concurrent', '/dev/null'], 'Not a regular file or directory: /dev/null (a character device)'],
    ['--report on an input file', ['migrate', 'sequential-to-concurrent', '--report', 'src/a.ts'], '--report src/a.ts: is one of the files this run migrates'],
    ['--report on a directory', ['migrate', 'sequential-to-concurrent', '--report', 'src'], '--report src: is a directory; name a file in it'],
    ['--report on a device', ['migrate', 'sequential-to-concurrent', '--report', '/dev/null'], 'is a character device, not a regular file'],
    ['--report where no folder can be made', ['migrate', 'sequential-to-concurrent', '--report', '/proc/asyncwise/report.json'], 'cannot create the folder /proc/asyncwise (ENOENT'],
    ['an unknown command', ['frobnicate'], 'Unknown command "frobnicate".'],
    ['no command', [], 'No command given.'],
    ['explain without a name', ['explain'], '"explain" takes one codemod name'],
    ['explain of an unknown codemod', ['explain', 'nope'], 'Unknown codemod "nope".'],
    ['a bad --max-file-size', ['migrate', 'sequential-to-concurrent', '--max-file-size', 'huge'], '--max-file-size: invalid value "huge": expected a size such as 500KB'],
    ['a bad --jobs', ['migrate', 'sequential-to-concurrent', '--jobs', '0'], '--jobs: invalid value "0": expected a whole number of at least 1.'],
    ['a migrate flag on list', ['list', '--write'], '--write only applies to "asyncwise migrate".'],
    ['a codemod option on list', ['list', '--settled'], '--settled only applies to "asyncwise migrate".'],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 2 on ${what}`, () => {
      const root = tempProject({ 'src/a.ts': loadThree });
      const { code, stdout, stderr } = asyncwise(root, ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(message);
      expect(stderr).toContain('asyncwise --help');
      expect(stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(loadThree);
    });
  }
});

describe('migrate without a codemod', () => {
  for (const args of [['migrate'], ['migrate', 'src']]) {
    it(`lists the codemods and exits 2: asyncwise ${args.join(' ')}`, () => {
      const root = tempProject({ 'src/a.ts': loadThree });
      const { code, stdout, stderr } = asyncwise(root, ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(args.length === 1 ? 'No codemod given: asyncwise migrate <codemod…> [paths…]. The codemods:' : 'No codemod given ("src" is a path)');
      for (const codemod of codemods) expect(stderr).toMatch(new RegExp(`^  ${codemod.name} +${codemod.description}$`, 'm'));
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('paths and --report', () => {
  it('keeps a report path that would replace a source file, a FIFO or a non-report file from being written', () => {
    const root = tempProject({ 'src/a.ts': loadThree, 'package.json': '{ "name": "app" }\n', 'scripts/build.ts': 'build();\n' });
    symlinkSync('src/a.ts', path.join(root, 'report-link.json'));
    expect(spawnSync('mkfifo', [path.join(root, 'fifo.json')]).status).toBe(0);
    const refusals: [string, string][] = [
      ['report-link.json', 'is one of the files this run migrates'],
      ['fifo.json', 'is a named pipe, not a regular file'],
      ['package.json', 'exists and is not an asyncwise report; only an earlier report is replaced'],
      ['scripts/build.ts', 'exists and is not an asyncwise report'],
    ];
    for (const [target, message] of refusals) {
      const run = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'src', '--level', 'review', '--write', '--report', target);
      expect(run.code, target).toBe(2);
      expect(run.stderr, target).toContain(`--report ${target}: ${message}`);
      expect(run.stdout, target).toBe('');
    }
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(loadThree);
    expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toBe('{ "name": "app" }\n');
    expect(readFileSync(path.join(root, 'scripts/build.ts'), 'utf8')).toBe('build();\n');
    expect(lstatSync(path.join(root, 'report-link.json')).isSymbolicLink()).toBe(true);
  });

  it('replaces an earlier report, and writes one into a folder it creates', () => {
    const root = tempProject({ 'src/a.ts': loadThree });
    for (let round = 0; round < 2; round++) {
      const run = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'src', '--report', 'out/deep/report.json', '--quiet');
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    }
    expect((JSON.parse(readFileSync(path.join(root, 'out/deep/report.json'), 'utf8')) as Report).summary.filesScanned).toBe(1);
  });

  it('migrates a file named through a symlink and found by the folder scan once, without a false "changed during the run"', () => {
    const root = tempProject({ 'src/a.ts': loadThree });
    mkdirSync(path.join(root, 'links'));
    symlinkSync('../src/a.ts', path.join(root, 'links/a.ts'));
    const run = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'links/a.ts', 'src', '--level', 'review', '--write');
    expect(run.stdout).toContain('1 file scanned, 1 changed, 0 errors');
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^--- a\//gm)).toEqual(['--- a/']);
    expect(run.stdout).toContain('--- a/links/a.ts');
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(loadThreeRewritten);
    expect(lstatSync(path.join(root, 'links/a.ts')).isSymbolicLink()).toBe(true);
  });
});

describe('symlinks', () => {
  it('skips a named symlink to a file outside the given paths (outside-paths), and rewrites through it once its target is given', () => {
    const base = tempProject({ 'project/src/a.ts': loadThree, 'elsewhere/shared.ts': loadThree });
    const root = path.join(base, 'project');
    symlinkSync('../../elsewhere/shared.ts', path.join(root, 'src/shared.ts'));
    const run = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'src/a.ts', 'src/shared.ts', '--level', 'review', '--write', '--report', 'r.json');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 files scanned, 1 changed, 1 skipped, 0 errors');
    expect(run.stdout).toContain(
      `  src/shared.ts: outside-paths: a symlink to ${path.join(base, 'elsewhere/shared.ts')}, outside the paths given, so it was left as it is; name the target (or its folder) to migrate it`,
    );
    expect(readFileSync(path.join(base, 'elsewhere/shared.ts'), 'utf8')).toBe(loadThree);
    expect(readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(loadThreeRewritten);
    const report = JSON.parse(readFileSync(path.join(root, 'r.json'), 'utf8')) as Report;
    expect(report.files.map((f) => [f.path, f.status, f.skip?.reason])).toEqual([
      ['src/a.ts', 'changed', undefined],
      ['src/shared.ts', 'skipped', 'outside-paths'],
    ]);

    // Its target's folder is given too: the link is rewritten through, once, and stays a link.
    const both = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'src/shared.ts', '../elsewhere', '--level', 'review', '--write');
    expect(both.code).toBe(0);
    expect(both.stdout).toContain('1 file scanned, 1 changed, 0 errors');
    expect(readFileSync(path.join(base, 'elsewhere/shared.ts'), 'utf8')).toBe(loadThreeRewritten);
    expect(lstatSync(path.join(root, 'src/shared.ts')).isSymbolicLink()).toBe(true);
  });

  it('skips it in worker threads too, in its place among the other files, and a folder scan never follows a link out or in a loop', () => {
    const files: Record<string, string> = { 'elsewhere/shared.ts': loadThree };
    for (let i = 0; i < 70; i++) files[`project/src/f${String(i).padStart(2, '0')}.ts`] = loadThree;
    const base = tempProject(files);
    const root = path.join(base, 'project');
    symlinkSync('../../elsewhere/shared.ts', path.join(root, 'src/f35-shared.ts'));
    symlinkSync('../../elsewhere', path.join(root, 'src/elsewhere'));
    symlinkSync('..', path.join(root, 'src/up'));
    symlinkSync('loop.ts', path.join(root, 'src/loop.ts'));
    const named = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'src', 'src/f35-shared.ts', '--level', 'review', '-j', '2', '--report', 'r.json', '--quiet');
    expect(named.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(root, 'r.json'), 'utf8')) as Report;
    expect(report.files).toHaveLength(71);
    // In path order: after f34.ts, before f35.ts ('-' sorts before '.').
    expect(report.files.slice(34, 37).map((f) => f.path)).toEqual(['src/f34.ts', 'src/f35-shared.ts', 'src/f35.ts']);
    expect(report.files[35]).toMatchObject({ status: 'skipped', written: false, skip: { reason: 'outside-paths' } });
    expect(report.files.filter((f) => f.status === 'changed')).toHaveLength(70);
    const scanned = asyncwise(root, 'migrate', 'sequential-to-concurrent', 'src', '--level', 'review', '-j', '2', '--report', 'scan.json', '--quiet');
    expect(scanned.code).toBe(0);
    expect((JSON.parse(readFileSync(path.join(root, 'scan.json'), 'utf8')) as Report).files.map((f) => f.path)).toEqual(
      Array.from({ length: 70 }, (_, i) => `src/f${String(i).padStart(2, '0')}.ts`),
    );
  });
});

describe('list, explain, help, version', () => {
  it('lists every codemod with its description', () => {
    const { code, stdout } = asyncwise(packageRoot, 'list');
    expect(code).toBe(0);
    for (const codemod of codemods) expect(stdout).toMatch(new RegExp(`^${codemod.name} +${codemod.description}$`, 'm'));
  });

  it('explains a codemod: description, levels, options and docs', () => {
    const { code, stdout } = asyncwise(packageRoot, 'explain', 'sequential-to-concurrent');
    expect(code).toBe(0);
    expect(stdout).toContain('sequential-to-concurrent: Run independent sequential awaits together with one Promise.all');
    expect(stdout).toContain('Levels: review (applied only with --level review)');
    expect(stdout).toContain('--min-run <n>');
    expect(stdout).toContain('the fewest awaits that make a run (default 2)');
    expect(stdout).toContain('--ignore <pattern>');
    expect(stdout).toContain('Docs: docs/codemods/sequential-to-concurrent.md');
  });

  it('prints help with the codemods from the registry, and the version', () => {
    const help = asyncwise(packageRoot, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('asyncwise migrate <codemod…> [paths…] [options]');
    for (const codemod of codemods) expect(help.stdout).toContain(codemod.name);
    expect(help.stdout).toContain('Files that are not UTF-8 are skipped\n(not-utf8)');
    expect(help.stdout).toContain('0 done (also when nothing changed or files were skipped), 1 a file failed');
    const version = asyncwise(packageRoot, '--version');
    expect(version).toEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: '' });
  });

  it('is an executable node script, which says what to do when the CLI is not built', () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(cli).mode & 0o111).toBe(0o111);
    const unbuilt = tempProject({ 'package.json': '{ "type": "module" }\n', 'bin/asyncwise.js': readFileSync(cli, 'utf8') });
    const result = spawnSync(process.execPath, [path.join(unbuilt, 'bin/asyncwise.js'), '--version'], { encoding: 'utf8' });
    expect(result).toMatchObject({ status: 1, stdout: '' });
    expect(result.stderr).toBe('asyncwise: the CLI is not built (dist/cli.js is missing); run pnpm build in the asyncwise repository first.\n');
  });
});
