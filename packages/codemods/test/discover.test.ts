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
});
