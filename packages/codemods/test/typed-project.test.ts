/**
 * `--project`: the codemods read types from a TypeScript program. The fixture project
 * (`__testfixtures__/typed-project`) holds values only the checker can judge: promises made by a
 * generic factory or kept in a `Map`, and thenables that are no promise (a query builder, a
 * jQuery-style deferred) or no thenable at all (a zod-like `.catch`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codemods } from '../src/registry';
import type { Report } from '../src/report';
import thenToAwaitModule, { run as thenToAwait } from '../src/transforms/then-to-await';
import { run as sequentialToConcurrent } from '../src/transforms/sequential-to-concurrent';
import { casesOf, gitInit, packageRoot, removeTempProjects, tempProject } from './helpers';

const project = path.join(packageRoot, 'test/__testfixtures__/typed-project');
const tsconfig = path.join(project, 'tsconfig.json');
const source = (name: string) => path.join(project, 'src', name);
const read = (file: string) => readFileSync(file, 'utf8');

afterAll(removeTempProjects);

describe('then-to-await with --project', () => {
  it('converts chains on values the checker shows are promises, which the syntax cannot show', () => {
    const file = source('converted.ts');
    const input = read(file);
    const typed = thenToAwait(input, file, { level: 'review', project: tsconfig });
    expect(typed.output).toBe(read(path.join(project, 'expected/converted.ts')));
    expect(typed.changes.map((c) => `${c.line}:${c.column} ${c.applied}`)).toEqual(['5:23 true', '10:40 true', '13:54 true']);
    expect(typed.types).toEqual({ source: 'types', project: tsconfig });
    // Without the program, the same chains are refused: nothing in the file shows a promise.
    const untyped = thenToAwait(input, file, { level: 'review' });
    expect(untyped.output).toBe(input);
    expect(untyped.refusals.map((r) => r.reason)).toEqual(['receiver-not-known-promise', 'receiver-not-known-promise', 'receiver-not-known-promise']);
    expect(untyped.types).toBeUndefined();
  });

  it('is idempotent: its output, read with the program brought up to date for it, changes no more', () => {
    const file = source('converted.ts');
    const once = thenToAwait(read(file), file, { level: 'review', project: tsconfig }).output;
    const twice = thenToAwait(once, file, { level: 'review', project: tsconfig });
    expect(twice.output).toBe(once);
    expect(twice.changes).toEqual([]);
    // No chain is left, so no type question was asked (and no program brought up to date).
    expect(twice.types).toBeUndefined();
  });

  it('refuses thenables and values the checker shows are no promises, with the reason, byte for byte', () => {
    const file = source('refused.ts');
    const input = read(file);
    const typed = thenToAwait(input, file, { level: 'review', project: tsconfig });
    expect(typed.output).toBe(input);
    expect(typed.changes).toEqual([]);
    expect(typed.refusals.map((r) => `${r.line} ${r.reason}`)).toEqual(['5 receiver-not-promise', '10 receiver-not-promise', '15 receiver-not-promise']);
    expect(typed.refusals[0]?.message).toMatch(/thenable that is not a built-in promise/);
    expect(typed.refusals[2]?.message).toMatch(/whose type is no promise, so its `\.catch` is another method/);
    // The syntax alone knows the deferred's declared `then`, but not the query builder's class
    // behind a factory's inferred type, nor what `nameSchema` is.
    const untyped = thenToAwait(input, file, { level: 'review' });
    expect(untyped.refusals.map((r) => `${r.line} ${r.reason}`)).toEqual(['5 receiver-not-known-promise', '10 receiver-not-promise', '15 receiver-not-known-promise']);
  });

  it('takes --project as a jscodeshift option too, relative to the working directory', () => {
    const file = source('converted.ts');
    const fileInfo = { path: file, source: read(file) };
    expect(thenToAwaitModule(fileInfo, {}, { level: 'review', project: path.relative(process.cwd(), tsconfig) })).toBe(read(path.join(project, 'expected/converted.ts')));
    expect(thenToAwaitModule(fileInfo, {}, { level: 'review' })).toBeUndefined();
  });

  it('reads a file the program does not hold without types, and says so', () => {
    const file = source('plain.js');
    const result = thenToAwait(read(file), file, { level: 'review', project: tsconfig });
    expect(result.output).toBe(read(file));
    expect(result.refusals.map((r) => r.reason)).toEqual(['receiver-not-known-promise']);
    expect(result.types).toEqual(expect.objectContaining({ source: 'syntax', reason: 'not-in-project', project: tsconfig }));
  });
});

describe('the other codemods with --project', () => {
  it('gives sequential-to-concurrent the checker: an await of a value typed as no promise is not part of a run', () => {
    const code = [
      "import { loadUser } from './store';",
      '',
      'const sizes = new Map<string, number>();',
      '',
      'export async function both(a: string, b: string) {',
      '  const first = await loadUser(a);',
      '  const size = await sizes.get(b);',
      '  return [first, size];',
      '}',
      '',
    ].join('\n');
    // Any path the program holds: the text is not the file's, so the program is updated for it.
    const file = source('converted.ts');
    const untyped = sequentialToConcurrent(code, file, { level: 'review' });
    expect(untyped.changes.map((c) => c.description)).toEqual(['2 awaits → Promise.all: loadUser(), sizes.get()']);
    const typed = sequentialToConcurrent(code, file, { level: 'review', project: tsconfig });
    expect(typed.types?.source).toBe('types');
    expect(typed.output).toBe(code);
    expect(typed.changes).toEqual([]);
  });
});

describe('every codemod over every fixture input with a program', () => {
  it('never throws, and reads each file with the checker', async () => {
    // Every input in one project that holds them all: .js, .jsx, .mjs, .cjs and .tsx included.
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'preserve', allowJs: true, noEmit: true, skipLibCheck: true }, include: ['**/*'] }),
    };
    const fixtures = path.join(packageRoot, 'src/transforms/__testfixtures__');
    for (const codemod of codemods) for (const c of casesOf(path.join(fixtures, codemod.name))) files[`${codemod.name}/${path.basename(c.inputPath)}`] = read(c.inputPath);
    const root = tempProject(files);
    const config = path.join(root, 'tsconfig.json');
    for (const codemod of codemods) {
      const { run } = await codemod.load();
      for (const c of casesOf(path.join(fixtures, codemod.name))) {
        const file = path.join(root, codemod.name, path.basename(c.inputPath));
        const result = run(read(file), file, { ...c.options, level: 'review', project: config });
        expect([undefined, 'types'], `${codemod.name}/${path.basename(file)}`).toContain(result.types?.source);
      }
    }
  });
});

describe('asyncwise migrate --project', () => {
  const cli = path.join(packageRoot, 'bin/asyncwise.js');
  const asyncwise = (cwd: string, ...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env['FORCE_COLOR'];
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env, timeout: 120_000, killSignal: 'SIGKILL' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(() => {
    if (!existsSync(path.join(packageRoot, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run pnpm --filter @asyncwise/codemods build first.');
  });

  /** A git repository holding a copy of the fixture project, with `copies` more copies of converted.ts. */
  const copyProject = (copies = 0): string => {
    const root = tempProject({});
    cpSync(project, root, { recursive: true });
    for (let i = 0; i < copies; i++) writeFileSync(path.join(root, `src/converted-${i}.ts`), read(source('converted.ts')));
    gitInit(root);
    return root;
  };

  it('converts with the program, lists the files it read without types, and rejects a missing tsconfig', () => {
    const root = copyProject();
    const result = asyncwise(root, 'migrate', 'then-to-await', 'src', '--level', 'review', '--project', 'tsconfig.json', '--report', 'report.json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Chains rewritten: 3 review, 0 safe');
    expect(result.stdout).toContain('Types: 2 files read with the program\'s checker, 1 without it:');
    expect(result.stdout).toContain('src/plain.js: not-in-project: tsconfig.json does not include the file');
    const report = JSON.parse(read(path.join(root, 'report.json'))) as Report;
    expect(report.summary.types).toEqual({ typed: 2, untyped: [expect.objectContaining({ path: 'src/plain.js', reason: 'not-in-project' })] });
    expect(report.files.find((f) => f.path === 'src/converted.ts')?.types).toEqual({ source: 'types', project: 'tsconfig.json' });

    const missing = asyncwise(root, 'migrate', 'then-to-await', 'src', '--project', 'nope/tsconfig.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--project: nope/tsconfig.json does not exist');
    // A folder stands for its tsconfig.json, as `tsc -p` reads it; `auto` finds the nearest one.
    expect(asyncwise(root, 'migrate', 'then-to-await', 'src', '--level', 'review', '--project', '.').stdout).toContain('Chains rewritten: 3 review');
    expect(asyncwise(root, 'migrate', 'then-to-await', 'src', '--level', 'review', '--project', 'auto').stdout).toContain('Chains rewritten: 3 review');
  });

  it('gives each worker thread its own program, with the outcome of one thread', () => {
    const root = copyProject(70);
    const one = asyncwise(root, 'migrate', 'then-to-await', 'src', '--level', 'review', '--project', 'tsconfig.json', '--quiet', '--jobs', '1');
    const two = asyncwise(root, 'migrate', 'then-to-await', 'src', '--level', 'review', '--project', 'tsconfig.json', '--quiet', '--jobs', '2');
    expect(one.stdout).toContain('Chains rewritten: 213 review, 0 safe');
    expect(two.stdout).toBe(one.stdout);
  });

  it('never takes a typed outcome from an untyped run in the cache, nor one from before a project file changed', () => {
    const root = copyProject();
    const hits = (stdout: string) => Number(/^Cache: (\d+) of/m.exec(stdout)?.[1]);
    asyncwise(root, 'migrate', 'then-to-await', 'src', '--cache');
    expect(hits(asyncwise(root, 'migrate', 'then-to-await', 'src', '--cache').stdout)).toBe(4);
    expect(hits(asyncwise(root, 'migrate', 'then-to-await', 'src', '--cache', '--project', 'tsconfig.json').stdout)).toBe(0);
    expect(hits(asyncwise(root, 'migrate', 'then-to-await', 'src', '--cache', '--project', 'tsconfig.json').stdout)).toBe(4);
    // store.ts decides what refused.ts's values are: a change to it is a change to their outcome.
    writeFileSync(path.join(root, 'src/store.ts'), `${read(path.join(root, 'src/store.ts'))}\nexport const added = 1;\n`);
    expect(hits(asyncwise(root, 'migrate', 'then-to-await', 'src', '--cache', '--project', 'tsconfig.json').stdout)).toBe(0);
  });
});
