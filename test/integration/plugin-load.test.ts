import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const repoRoot = path.join(import.meta.dirname, '..', '..');

/**
 * Every oxlint run, and every ESLint start, loads the plugin afresh: what its import pulls in is paid
 * each time. Parsers, scope analysis and TypeScript are the host's business (or the codemods', which
 * load them on first parse); the plugin must not load them just by being imported.
 */
it('importing the built plugin loads no parser, no scope analysis and not TypeScript', () => {
  const script = `
    require(${JSON.stringify(path.join(repoRoot, 'packages', 'eslint-plugin', 'dist', 'index.cjs'))});
    console.log(JSON.stringify(Object.keys(require.cache)));`;
  // A plain child process: no test-runner conditions, the package as users install it.
  const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
  const heavy = loaded.filter((file) =>
    /[\\/]node_modules[\\/](typescript|@typescript-eslint[\\/](typescript-estree|scope-manager|parser)|ts-api-utils)[\\/]/.test(file),
  );
  expect(heavy).toEqual([]);
  // And it did load what it runs on, so the check above looked at a real module graph.
  expect(loaded.some((file) => file.includes(`${path.sep}analysis${path.sep}dist${path.sep}`))).toBe(true);
});
