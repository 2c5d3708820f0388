import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverFiles } from '../src/discover';
import { PathError } from '../src/errors';
import { gitInit, removeTempProjects, tempProject } from './helpers';

afterEach(removeTempProjects);

const relative = (root: string, files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

describe('discoverFiles', () => {
  it('finds parsable files and skips node_modules, dist, .git, declarations and other extensions', async () => {
    const root = tempProject({
      'src/a.ts': '',
      'src/b.tsx': '',
      'src/c.mjs': '',
      'src/d.cts': '',
      'src/types.d.ts': '',
      'src/readme.md': '',
      'src/data.json': '{}',
      'node_modules/pkg/index.js': '',
      'packages/x/node_modules/y/index.ts': '',
      'dist/out.js': '',
      '.storybook/main.ts': '',
    });
    expect(relative(root, await discoverFiles(['.'], root))).toEqual([
      '.storybook/main.ts',
      'src/a.ts',
      'src/b.tsx',
      'src/c.mjs',
      'src/d.cts',
    ]);
  });

  it("honours the root's and nested .gitignore files, with negations, inside a git work tree", async () => {
    const root = tempProject({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'src/keep.ts': '',
      'src/types.gen.ts': '',
      'generated/api.ts': '',
      'packages/app/.gitignore': 'legacy/\n!important.gen.ts\n',
      'packages/app/legacy/old.ts': '',
      'packages/app/important.gen.ts': '',
      'packages/app/index.ts': '',
    });
    gitInit(root);
    expect(relative(root, await discoverFiles(['.'], root))).toEqual([
      'packages/app/important.gen.ts',
      'packages/app/index.ts',
      'src/keep.ts',
    ]);
    // Searching below the repository root still applies the root's .gitignore.
    expect(relative(root, await discoverFiles(['src'], root))).toEqual(['src/keep.ts']);
  });

  it('always includes a file named explicitly, even an ignored one', async () => {
    const root = tempProject({ '.gitignore': '*.gen.ts\n', 'a.gen.ts': '', 'node_modules/x/y.ts': '' });
    expect(relative(root, await discoverFiles(['a.gen.ts', 'node_modules/x/y.ts', '.'], root))).toEqual([
      'a.gen.ts',
      'node_modules/x/y.ts',
    ]);
  });

  it('searches a directory named explicitly even when it is ignored, with only its own .gitignore files', async () => {
    const root = tempProject({
      '.gitignore': 'generated/\n',
      'generated/api.ts': '',
      'generated/.gitignore': 'scratch.ts\n',
      'generated/scratch.ts': '',
      'src/keep.ts': '',
    });
    gitInit(root);
    expect(relative(root, await discoverFiles(['.'], root))).toEqual(['src/keep.ts']);
    expect(relative(root, await discoverFiles(['generated'], root))).toEqual(['generated/api.ts']);
  });

  it('rejects paths that do not exist and explicit files it cannot parse', async () => {
    const root = tempProject({ 'notes.md': '' });
    await expect(discoverFiles(['missing'], root)).rejects.toThrow(PathError);
    await expect(discoverFiles(['missing'], root)).rejects.toThrow('No such file or directory: missing');
    await expect(discoverFiles(['notes.md'], root)).rejects.toThrow('Not a JavaScript or TypeScript file: notes.md');
  });

  it('rejects a named path that is neither a regular file nor a directory, such as /dev/null or a FIFO', async () => {
    const root = tempProject({ 'a.ts': '' });
    await expect(discoverFiles(['/dev/null'], root)).rejects.toThrow('Not a regular file or directory: /dev/null (a character device)');
    await expect(discoverFiles(['/dev/null'], root)).rejects.toMatchObject({ problem: 'not-file-or-directory' });
    expect(spawnSync('mkfifo', [path.join(root, 'pipe.ts')]).status).toBe(0);
    await expect(discoverFiles(['pipe.ts'], root)).rejects.toThrow('Not a regular file or directory: pipe.ts (a named pipe)');
  });

  it('lists a file reached through a symlink once, by the path named on the command line', async () => {
    const root = tempProject({ 'src/a.ts': '', 'src/b.ts': '' });
    symlinkSync('src/a.ts', path.join(root, 'link.ts'));
    expect(relative(root, await discoverFiles(['link.ts', 'src'], root))).toEqual(['link.ts', 'src/b.ts']);
    expect(relative(root, await discoverFiles(['src', 'link.ts'], root))).toEqual(['link.ts', 'src/b.ts']);
  });

  it('lists the files of a folder named twice (once through a symlink) once, by their own paths', async () => {
    const root = tempProject({ 'src/a.ts': '' });
    symlinkSync('src', path.join(root, 'alias'));
    expect(relative(root, await discoverFiles(['alias', 'src'], root))).toEqual(['src/a.ts']);
    expect(relative(root, await discoverFiles(['alias'], root))).toEqual(['alias/a.ts']);
  });

  it('never follows a symlink inside a searched folder: to a file or folder outside, back up, in a loop or dangling', async () => {
    const base = tempProject({ 'outside/o.ts': '', 'outside/deep/p.ts': '', 'root/src/a.ts': '', 'root/src/d/b.ts': '' });
    const root = path.join(base, 'root');
    symlinkSync('../../outside/o.ts', path.join(root, 'src/out.ts'));
    symlinkSync('../../outside', path.join(root, 'src/outdir'));
    symlinkSync('a.ts', path.join(root, 'src/in.ts'));
    symlinkSync('..', path.join(root, 'src/d/up'));
    symlinkSync('self.ts', path.join(root, 'src/self.ts'));
    symlinkSync('loop-b.ts', path.join(root, 'src/loop-a.ts'));
    symlinkSync('loop-a.ts', path.join(root, 'src/loop-b.ts'));
    symlinkSync('missing.ts', path.join(root, 'src/dangling.ts'));
    expect(relative(root, await discoverFiles(['.'], root))).toEqual(['src/a.ts', 'src/d/b.ts']);
    // A folder named through a symlink is the user's own choice, and is searched.
    expect(relative(root, await discoverFiles(['src/outdir'], root))).toEqual(['src/outdir/deep/p.ts', 'src/outdir/o.ts']);
  });

  it('names a symlink loop or a dangling link given on the command line as what it is', async () => {
    const root = tempProject({});
    symlinkSync('self.ts', path.join(root, 'self.ts'));
    symlinkSync('missing.ts', path.join(root, 'dangling.ts'));
    for (const link of ['self.ts', 'dangling.ts']) {
      await expect(discoverFiles([link], root)).rejects.toMatchObject({
        problem: 'broken-symlink',
        message: `Cannot follow the symlink ${link}: it leads to itself (a loop) or to nothing; name its target instead`,
      });
    }
  });

  it("never takes asyncwise's temp files for source", async () => {
    const root = tempProject({ 'src/a.ts': '', 'src/.a.ts.asyncwise-123-0123abcd.tmp': '' });
    expect(relative(root, await discoverFiles(['.'], root))).toEqual(['src/a.ts']);
    await expect(discoverFiles(['src/.a.ts.asyncwise-123-0123abcd.tmp'], root)).rejects.toThrow('Not a JavaScript or TypeScript file');
  });
});
