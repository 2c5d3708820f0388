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

  it("never takes asyncwise's temp files for source", async () => {
    const root = tempProject({ 'src/a.ts': '', 'src/.a.ts.asyncwise-123-0123abcd.tmp': '' });
    expect(relative(root, await discoverFiles(['.'], root))).toEqual(['src/a.ts']);
    await expect(discoverFiles(['src/.a.ts.asyncwise-123-0123abcd.tmp'], root)).rejects.toThrow('Not a JavaScript or TypeScript file');
  });
});
