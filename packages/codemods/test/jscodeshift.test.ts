/**
 * Every transform is also a jscodeshift transform module: jscodeshift's own CLI, given the built
 * CommonJS transform, must write exactly what `asyncwise migrate` writes. `--no-babel` because the
 * transform is already compiled: with babel on, jscodeshift compiles every module the transform
 * requires, TypeScript included (about 40 seconds), for the same result.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { fixturesDir, packageRoot, removeTempProjects, tempProject } from './helpers';

const jscodeshiftBin = createRequire(path.join(packageRoot, 'package.json')).resolve('jscodeshift/bin/jscodeshift.js');
const transformModule = path.join(packageRoot, 'dist/transforms/sequential-to-concurrent.cjs');
const cli = path.join(packageRoot, 'bin/asyncwise.js');

const cases = [
  'independent-fetches.input.ts',
  'comments-preserved.input.ts',
  'tsx-component-file.input.tsx',
  'plain-js.input.js',
  'refuses-when-second-uses-first.input.ts',
];

/** The fixtures as a small project: `<case>.input.ts` becomes `src/<case>.ts`. */
function fixtureProject(): string {
  return tempProject(
    Object.fromEntries(cases.map((c) => [`src/${c.replace('.input', '')}`, readFileSync(path.join(fixturesDir, c), 'utf8')])),
  );
}

function node(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  for (const built of [transformModule, path.join(packageRoot, 'dist/cli.js')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run pnpm --filter @asyncwise/codemods build first.`);
  }
});
afterEach(removeTempProjects);

it("writes the same files under jscodeshift's CLI as under asyncwise migrate", () => {
  const viaJscodeshift = fixtureProject();
  const viaAsyncwise = fixtureProject();
  const jscodeshift = node(
    [jscodeshiftBin, '--no-babel', '-t', transformModule, '--level=review', '--extensions=ts,tsx,js', '--parser=ts', 'src'],
    viaJscodeshift,
  );
  expect(jscodeshift.output).toContain('0 errors');
  expect(jscodeshift.output).toContain('4 ok');
  expect(jscodeshift.code).toBe(0);
  const asyncwise = node([cli, 'migrate', 'sequential-to-concurrent', 'src', '--write', '--level', 'review'], viaAsyncwise);
  expect(asyncwise.code).toBe(0);

  for (const c of cases) {
    const file = `src/${c.replace('.input', '')}`;
    const written = readFileSync(path.join(viaJscodeshift, file), 'utf8');
    expect(written, file).toBe(readFileSync(path.join(viaAsyncwise, file), 'utf8'));
    const expectedOutput = path.join(fixturesDir, c.replace('.input', '.output'));
    const expected = existsSync(expectedOutput) ? expectedOutput : path.join(fixturesDir, c);
    expect(written, file).toBe(readFileSync(expected, 'utf8'));
  }
});

it('passes jscodeshift command-line options through: the default level changes nothing, --ignore keeps callees in order', () => {
  const project = fixtureProject();
  const before = readFileSync(path.join(project, 'src/independent-fetches.ts'), 'utf8');
  const atSafe = node([jscodeshiftBin, '--no-babel', '-t', transformModule, '--extensions=ts,tsx,js', 'src'], project);
  expect(atSafe.code).toBe(0);
  expect(atSafe.output).toContain('0 ok');
  expect(readFileSync(path.join(project, 'src/independent-fetches.ts'), 'utf8')).toBe(before);

  const ignoring = node(
    [jscodeshiftBin, '--no-babel', '-t', transformModule, '--level=review', '--ignore=getSettings,getPosts', '--extensions=ts', 'src/independent-fetches.ts'],
    project,
  );
  expect(ignoring.code).toBe(0);
  const after = readFileSync(path.join(project, 'src/independent-fetches.ts'), 'utf8');
  expect(after).toContain('  const user = await getUser(id);\n  const posts = await getPosts(id);\n');
  expect(after).toContain('const [left, right] = await Promise.all([getUser(a), getUser(b)]);');
});

it('runs then-to-await as a jscodeshift transform module too, writing the fixture outputs', () => {
  const thenFixtures = path.join(fixturesDir, '..', 'then-to-await');
  const thenCases = ['fetch-json-then-catch.input.ts', 'tsx-component-loader.input.tsx', 'zero-parameter-callbacks.input.js', 'refuses-name-clash.input.ts'];
  const project = tempProject(Object.fromEntries(thenCases.map((c) => [`src/${c.replace('.input', '')}`, readFileSync(path.join(thenFixtures, c), 'utf8')])));
  const module = path.join(packageRoot, 'dist/transforms/then-to-await.cjs');
  const result = node([jscodeshiftBin, '--no-babel', '-t', module, '--level=review', '--extensions=ts,tsx,js', '--parser=ts', 'src'], project);
  expect(result.output).toContain('0 errors');
  expect(result.output).toContain('3 ok');
  expect(result.code).toBe(0);
  for (const c of thenCases) {
    const expectedOutput = path.join(thenFixtures, c.replace('.input', '.output'));
    const expected = existsSync(expectedOutput) ? expectedOutput : path.join(thenFixtures, c);
    expect(readFileSync(path.join(project, `src/${c.replace('.input', '')}`), 'utf8'), c).toBe(readFileSync(expected, 'utf8'));
  }
});

it('runs foreach-async-to-for-of as a jscodeshift transform module too, writing the fixture outputs', () => {
  const forEachFixtures = path.join(fixturesDir, '..', 'foreach-async-to-for-of');
  const forEachCases = ['block-body.input.ts', 'plain-js.input.js', 'nested-foreach.input.ts', 'refuses-unknown-receiver.input.ts'];
  const project = tempProject(
    Object.fromEntries(forEachCases.map((c) => [`src/${c.replace('.input', '')}`, readFileSync(path.join(forEachFixtures, c), 'utf8')])),
  );
  const module = path.join(packageRoot, 'dist/transforms/foreach-async-to-for-of.cjs');
  const result = node([jscodeshiftBin, '--no-babel', '-t', module, '--level=review', '--extensions=ts,js', '--parser=ts', 'src'], project);
  expect(result.output).toContain('0 errors');
  expect(result.output).toContain('3 ok');
  expect(result.code).toBe(0);
  for (const c of forEachCases) {
    const expectedOutput = path.join(forEachFixtures, c.replace('.input', '.output'));
    const expected = existsSync(expectedOutput) ? expectedOutput : path.join(forEachFixtures, c);
    expect(readFileSync(path.join(project, `src/${c.replace('.input', '')}`), 'utf8'), c).toBe(readFileSync(expected, 'utf8'));
  }
});

it('reads a JavaScript file given by a relative path as JavaScript (loop-to-bounded writes no `as const` into it)', () => {
  const source = "import { stat } from 'node:fs/promises';\n\nexport async function sizes(files) {\n  const out = {};\n  for (const file of files) {\n    out[file] = (await stat(file)).size;\n  }\n  return out;\n}\n";
  const project = tempProject({ 'package.json': '{ "type": "module", "dependencies": { "p-map": "7.1.1" } }\n', 'src/sizes.js': source });
  const module = path.join(packageRoot, 'dist/transforms/loop-to-bounded.cjs');
  const result = node([jscodeshiftBin, '--no-babel', '-t', module, '--limiter=p-map', '--level=review', '--extensions=js', 'src/sizes.js'], project);
  expect(result.output).toContain('0 errors');
  expect(result.output).toContain('1 ok');
  expect(readFileSync(path.join(project, 'src/sizes.js'), 'utf8')).toContain(
    '  for (const [file, size] of await pMap(files, async (file) => [file, (await stat(file)).size], { concurrency: 8 })) out[file] = size;\n',
  );
});
