// `pnpm start`: the main job on the embedded default. Lints fixtures/ with asyncwise's recommended
// config, then prints the `sequential-to-concurrent` codemod's dry-run diff for the same files.
// Pass another folder to run it there instead: `pnpm start path/to/project`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import asyncwise from 'eslint-plugin-asyncwise';
import tseslint from 'typescript-eslint';

const root = path.join(import.meta.dirname, '..');
const target = path.resolve(process.argv[2] ?? path.join(root, 'fixtures'));

const eslint = new ESLint({
  cwd: target,
  overrideConfigFile: true,
  overrideConfig: [
    { ignores: ['**/node_modules/**', '**/dist/**'] },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser } },
    asyncwise.configs.recommended as Linter.Config,
  ],
});
console.log(`▶ eslint with asyncwise/recommended on ${path.relative(process.cwd(), target) || '.'}\n`);
const results = await eslint.lintFiles(['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}']);
const formatter = await eslint.loadFormatter('stylish');
const text = await formatter.format(results);
console.log(text.trim() === '' ? 'No problems found.\n' : text);

console.log(`▶ asyncwise migrate sequential-to-concurrent --level review (dry run)\n`);
const cli = path.join(root, 'packages', 'codemods', 'bin', 'asyncwise.js');
const migrate = spawnSync(process.execPath, [cli, 'migrate', 'sequential-to-concurrent', target, '--level', 'review'], {
  stdio: 'inherit',
});
process.exitCode = migrate.status ?? 1;
