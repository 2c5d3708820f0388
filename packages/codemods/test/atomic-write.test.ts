import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAsyncwiseTempFile, makeDirectory, removeStaleTempFiles, tempPathFor, writeFileAtomically } from '../src/atomic-write';
import { discoverFiles } from '../src/discover';
import { loadThree, loadThreeRewritten, packageRoot, removeTempProjects, tempProject } from './helpers';

afterEach(removeTempProjects);

const cli = path.join(packageRoot, 'bin/asyncwise.js');
beforeAll(() => {
  const built = path.join(packageRoot, 'dist/cli.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: run pnpm --filter @asyncwise/codemods build first.`);
});

/** Starts the child that writes `target` and stops before the rename; resolves with its temp path once it waits. */
function writeUntilKilled(target: string, text: string): Promise<{ temp: string; kill: () => Promise<NodeJS.Signals | null> }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(packageRoot, 'test/kill-mid-write.child.ts'), target, text], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.endsWith('\n')) {
        resolve({
          temp: stdout.trim(),
          kill: () => {
            child.kill('SIGKILL');
            return exited;
          },
        });
      }
    });
    void exited.then(() => reject(new Error(`the child exited before writing: ${stderr}`)));
  });
}

describe('temp files', () => {
  it('are named .<name>.asyncwise-<pid>-<hex>.tmp beside their target, and shortened when the name is long', () => {
    const temp = tempPathFor('/x/src/a.ts', 4242);
    expect(path.dirname(temp)).toBe('/x/src');
    expect(path.basename(temp)).toMatch(/^\.a\.ts\.asyncwise-4242-[0-9a-f]{8}\.tmp$/);
    expect(isAsyncwiseTempFile(path.basename(temp))).toBe(true);
    expect(Buffer.byteLength(path.basename(tempPathFor(`/x/${'é'.repeat(127)}.ts`)))).toBeLessThanOrEqual(255);
    for (const other of ['a.ts', '.a.ts.tmp', 'a.ts.1a2b3c4d', '.a.ts.asyncwise-x-0123abcd.tmp']) expect(isAsyncwiseTempFile(other)).toBe(false);
  });

  it('SIGKILL before the rename leaves the target intact; the next run removes the stray and never reads it as source', async () => {
    const root = tempProject({ 'src/a.ts': loadThree });
    const target = path.join(root, 'src/a.ts');
    const { temp, kill } = await writeUntilKilled(target, 'half of a rewrite');
    expect(await kill()).toBe('SIGKILL');
    expect(readFileSync(temp, 'utf8')).toBe('half of a rewrite');
    expect(readFileSync(target, 'utf8')).toBe(loadThree);
    expect(await discoverFiles(['.'], root)).toEqual([target]);

    const result = spawnSync(process.execPath, [cli, 'migrate', 'sequential-to-concurrent', '--level', 'review', '--write'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`asyncwise: removed src/${path.basename(temp)}, a temp file left by an interrupted asyncwise run\n`);
    expect(result.stdout).toContain('1 file scanned, 1 changed, 0 errors');
    expect(readdirSync(path.join(root, 'src'))).toEqual(['a.ts']);
    expect(readFileSync(target, 'utf8')).toBe(loadThreeRewritten);
  });

  it("removes only stale files of the pattern: never a live process's, another name, or a symlink", async () => {
    const root = tempProject({ 'a.ts': '' });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    const stale = path.join(root, `.a.ts.asyncwise-${deadPid}-0123abcd.tmp`);
    const live = path.join(root, `.a.ts.asyncwise-${process.pid}-0123abcd.tmp`);
    const parentsTemp = path.join(root, `.a.ts.asyncwise-${process.ppid}-0123abcd.tmp`);
    const lookalike = path.join(root, `.a.ts.asyncwise-${deadPid}-0123abcd.tmp.bak`);
    const link = path.join(root, `.b.ts.asyncwise-${deadPid}-0123abcd.tmp`);
    for (const file of [stale, live, parentsTemp, lookalike]) writeFileSync(file, 'x');
    symlinkSync('a.ts', link);
    expect(await removeStaleTempFiles([root])).toEqual([stale]);
    expect(readdirSync(root).sort()).toEqual([path.basename(parentsTemp), path.basename(live), path.basename(link), path.basename(lookalike), 'a.ts'].sort());
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
});

describe('writeFileAtomically', () => {
  it('replaces the file a symlink points at, keeping the link and the mode, and leaves no temp file', async () => {
    const root = tempProject({ 'real.ts': 'old' });
    chmodSync(path.join(root, 'real.ts'), 0o751);
    symlinkSync('real.ts', path.join(root, 'link.ts'));
    await writeFileAtomically(path.join(root, 'link.ts'), Buffer.from('new'));
    expect(lstatSync(path.join(root, 'link.ts')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(root, 'real.ts'), 'utf8')).toBe('new');
    expect(statSync(path.join(root, 'real.ts')).mode & 0o777).toBe(0o751);
    expect(readdirSync(root).sort()).toEqual(['link.ts', 'real.ts']);
  });

  it('removes its temp file when the write fails', async () => {
    const root = tempProject({ 'a.ts': 'old' });
    await expect(
      writeFileAtomically(path.join(root, 'a.ts'), Buffer.from('new'), {
        beforeRename: () => {
          throw new Error('disk gone');
        },
      }),
    ).rejects.toThrow('disk gone');
    expect(readdirSync(root)).toEqual(['a.ts']);
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe('old');
  });
});

describe('makeDirectory', () => {
  it('creates missing parents, and fails at once where recursive mkdir would loop forever', async () => {
    const root = tempProject({});
    await makeDirectory(path.join(root, 'a/b/c'));
    expect(statSync(path.join(root, 'a/b/c')).isDirectory()).toBe(true);
    // mkdir answers ENOENT under /proc although /proc exists; { recursive: true } retries forever there.
    await expect(makeDirectory('/proc/asyncwise-test/x')).rejects.toMatchObject({ code: 'ENOENT' });
    writeFileSync(path.join(root, 'file'), '');
    await expect(makeDirectory(path.join(root, 'file/x'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});
