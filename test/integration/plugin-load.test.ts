import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const repoRoot = path.join(import.meta.dirname, '..', '..');
const dist = path.join(repoRoot, 'packages', 'eslint-plugin', 'dist');
const work = mkdtempSync(path.join(tmpdir(), 'asyncwise-load-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Records every ES module the child resolves (a module-loader hook, which runs off the main thread
// and appends to a file), and at exit every CommonJS module it loaded (`require` inside CommonJS
// bypasses the hooks).
const log = path.join(work, 'loaded.txt');
writeFileSync(
  path.join(work, 'hooks.mjs'),
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}
`,
);
writeFileSync(
  path.join(work, 'register.mjs'),
  `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
register(${JSON.stringify(pathToFileURL(path.join(work, 'hooks.mjs')).href)});
const require = createRequire(import.meta.url);
process.on('exit', () => {
  appendFileSync(${JSON.stringify(log)}, Object.keys(require('node:module')._cache).join('\\n') + '\\n');
});
`,
);

function loadedBy(entry: string, how: 'import' | 'require'): string[] {
  writeFileSync(log, '');
  const code = how === 'import' ? `await import(${JSON.stringify(pathToFileURL(entry).href)});` : `require(${JSON.stringify(entry)});`;
  // A plain child process: no test-runner conditions, the package as users install it.
  const args = ['--import', pathToFileURL(path.join(work, 'register.mjs')).href, ...(how === 'import' ? ['--input-type=module'] : []), '-e', code];
  execFileSync(process.execPath, args, { encoding: 'utf8' });
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((entryOrUrl) => (entryOrUrl.startsWith('file:') ? fileURLToPath(entryOrUrl) : entryOrUrl));
}

/**
 * Every oxlint run, and every ESLint start, loads the plugin afresh: what its import pulls in is paid
 * each time. Parsers, scope analysis and TypeScript are the host's business (or the codemods', which
 * load them on first parse); the plugin must not load them just by being imported.
 */
it.each([
  ['ESM, as oxlint and ESLint import it', path.join(dist, 'index.js'), 'import'],
  ['CommonJS, as require() in a config loads it', path.join(dist, 'index.cjs'), 'require'],
] as const)('importing the built plugin (%s) loads no parser, no scope analysis and not TypeScript', (_how, entry, how) => {
  const loaded = loadedBy(entry, how);
  const heavy = loaded.filter((file) =>
    /[\\/]node_modules[\\/](typescript|@typescript-eslint[\\/](typescript-estree|scope-manager|parser)|ts-api-utils)[\\/]/.test(file),
  );
  expect(heavy).toEqual([]);
  // And it did load what it runs on, so the check above looked at a real module graph.
  expect(loaded.some((file) => file.includes(`${path.sep}analysis${path.sep}dist${path.sep}`))).toBe(true);
  expect(loaded.some((file) => file.includes(`${path.sep}@typescript-eslint${path.sep}utils${path.sep}`))).toBe(true);
});
