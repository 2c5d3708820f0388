import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A project that installs the plugin and lints with a plain eslint.config.js, through ESLint's own CLI.
// The project lives under .tmp/ inside the repo so `eslint-plugin-asyncwise` resolves to the built
// package (its `exports`, as a user gets it), not to its sources.
const root = path.join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
mkdirSync(path.join(root, '.tmp'), { recursive: true });
const project = mkdtempSync(path.join(root, '.tmp', 'eslint-project-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const source = [
  'export async function load(id: string) {',
  '  const user = await getUser(id);',
  '  const posts = await getPosts(id);',
  '  return { user, posts };',
  '}',
  'declare function getUser(id: string): Promise<string>;',
  'declare function getPosts(id: string): Promise<string[]>;',
  '',
].join('\n');

function lint(configName: string, config: string) {
  writeFileSync(path.join(project, configName), config);
  const result = spawnSync(process.execPath, [eslintBin, '--config', configName, '--format', 'json', 'src'], {
    cwd: project,
    encoding: 'utf8',
  });
  return result;
}

describe('eslint-plugin-asyncwise in a flat config', () => {
  mkdirSync(path.join(project, 'src'), { recursive: true });
  writeFileSync(path.join(project, 'src', 'load.ts'), source);
  writeFileSync(path.join(project, 'src', 'plain.js'), source.split('\n').slice(0, 5).join('\n').replace('id: string', 'id'));

  it.each([
    [
      'eslint.config.mjs',
      "import asyncwise from 'eslint-plugin-asyncwise';\nimport tseslint from 'typescript-eslint';\nexport default [\n  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },\n  asyncwise.configs.recommended,\n];\n",
    ],
    [
      'eslint.config.cjs',
      "const asyncwise = require('eslint-plugin-asyncwise');\nconst tseslint = require('typescript-eslint');\nmodule.exports = [\n  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },\n  asyncwise.configs.recommended,\n];\n",
    ],
  ])('loads from %s and reports in TypeScript and JavaScript files', (configName, config) => {
    const result = lint(configName, config);
    expect(result.stderr).toBe('');
    const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number; message: string }[] }[];
    const byFile = Object.fromEntries(files.map((f) => [path.basename(f.filePath), f.messages]));
    for (const name of ['load.ts', 'plain.js']) {
      const messages = byFile[name] ?? [];
      expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['asyncwise/prefer-promise-all', 2]]);
      expect(messages[0]?.message).toContain('`getUser()` and `getPosts()`');
    }
    expect(result.status).toBe(1);
  });
});
