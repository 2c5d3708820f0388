/**
 * `callback-to-async`, a project transform, on fixture projects from disk:
 * `__testfixtures__/callback-to-async/<case>/{input,output}/`. Each case is copied to a temp folder
 * (its tsconfig given Node's types from the repository), migrated and written as the CLI does (with
 * `--typecheck`), and compared file by file with `output/`; a second run must change nothing.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { type CallbackToAsyncOptions, planCallbackToAsync } from '@asyncwise/analysis';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateProject } from '../src/project/migrate-project';
import { cliIn, packageRoot, removeTempProjects, tempProject } from './helpers';

const casesDir = path.join(packageRoot, 'test/__testfixtures__/callback-to-async');
const typeRoots = [path.join(packageRoot, '../../node_modules/@types')];

afterAll(removeTempProjects);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/^[jt]sconfig\.json$/.test(entry.name))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A copy of a case's input whose config sees Node's types. */
function copyOf(name: string): { dir: string; configPath: string } {
  const dir = tempProject({});
  cpSync(path.join(casesDir, name, 'input'), dir, { recursive: true });
  const configName = readdirSync(dir).find((f) => /^[jt]sconfig\.json$/.test(f)) ?? 'tsconfig.json';
  const configPath = path.join(dir, configName);
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { compilerOptions: Record<string, unknown> };
  config.compilerOptions = { ...config.compilerOptions, types: ['node'], typeRoots };
  writeFileSync(configPath, JSON.stringify(config));
  return { dir, configPath };
}

/** The options a case runs with: its `options.json`, if it has one. */
function optionsOf(name: string): CallbackToAsyncOptions {
  const file = path.join(casesDir, name, 'options.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CallbackToAsyncOptions) : {};
}

async function run(configPath: string, options: CallbackToAsyncOptions = {}) {
  const plan = planCallbackToAsync(configPath, options);
  const result = await migrateProject(plan, { codemod: 'callback-to-async', configPath, level: 'review', write: true, allowDirty: true, typecheck: true });
  return { plan, result };
}

describe('callback-to-async fixture projects', () => {
  for (const name of readdirSync(casesDir)) {
    it(name, async () => {
      const { dir, configPath } = copyOf(name);
      const { result } = await run(configPath, optionsOf(name));
      expect(result.typeErrors).toEqual([]);
      expect(result.heldBack).toBeNull();
      const expected = path.join(casesDir, name, 'output');
      if (process.env.UPDATE_OUTPUT) for (const f of filesUnder(dir)) cpSync(path.join(dir, f), path.join(expected, f));
      expect(filesUnder(dir)).toEqual(filesUnder(expected));
      for (const file of filesUnder(expected)) expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(readFileSync(path.join(expected, file), 'utf8'));
      // Idempotence: nothing of the migrated project ends with a callback any more.
      const again = await run(configPath, optionsOf(name));
      expect(again.plan.changes).toEqual([]);
      expect(again.result.outcomes.filter((o) => o.status === 'changed')).toEqual([]);
    });
  }
});

describe('what callback-to-async refuses', () => {
  it('names every refusal of the refusals project once, at the function it keeps', () => {
    const { configPath } = copyOf('refusals');
    const plan = planCallbackToAsync(configPath);
    expect(plan.changes).toEqual([]);
    expect(plan.refusals.map((r) => [r.plan.split('#')[1], r.reason]).sort()).toEqual(
      [
        ['typed', 'return-type-annotated'],
        ['handler', 'used-as-value'],
        ['spread', 'dynamic-call'],
        ['over', 'overloaded-function'],
        ['twice', 'called-more-than-once'],
        ['maybe', 'not-called-on-some-path'],
        ['early', 'callback-not-in-tail-position'],
        ['later', 'callback-escapes'],
        ['pass', 'error-may-be-falsy'],
        ['pair', 'several-values'],
        ['both', 'returns-value'],
        ['strict', 'throws-synchronously'],
        ['tried', 'callback-in-unsupported-statement'],
        ['visit', 'not-error-first'],
        ['clash', 'nested-callback-not-migratable'],
        ['unexpected', 'nested-callback-not-migratable'],
        ['used', 'result-used'],
        ['logged', 'caller-not-migratable'],
      ].sort(),
    );
  });

  it('refuses a function whose callee it depends on is refused, and says why (the CommonJS project)', () => {
    const { configPath } = copyOf('commonjs');
    const plan = planCallbackToAsync(configPath);
    expect([...plan.functions].sort()).toEqual(['lib/config.js#loadConfig', 'lib/config.js#setting']);
    const byName: Partial<Record<string, (typeof plan.refusals)[number]>> = Object.fromEntries(plan.refusals.map((r) => [r.plan.split('#')[1] ?? '', r]));
    expect(byName.readRaw?.reason).toBe('arguments-differ');
    // `fs.access`'s callback reads the error as a value: no `throw` can stand for it.
    expect(byName.hasConfig?.reason).toBe('nested-callback-not-migratable');
    // Their callers forward a callback to a function that stays callback-style.
    expect(byName.check?.description).toMatch(/handed to `config\.hasConfig\(…\)`, which has no promise form/);
    // `partial` hands its `done` to `readRaw`, which the checker already refused: nothing shows `done` is a callback.
    expect(byName.partial).toBeUndefined();
  });
});

describe('methods', () => {
  it('refuses a method that is not the one declaration its calls run, with the add-abort-signal judgement', () => {
    const { configPath } = copyOf('methods');
    const plan = planCallbackToAsync(configPath);
    expect([...plan.functions].sort()).toEqual(['src/store.ts#Store.open', 'src/store.ts#Store.read', 'src/store.ts#Store.readJson', 'src/store.ts#sizes.of']);
    expect(plan.refusals.map((r) => [r.plan.split('#')[1], r.reason]).sort()).toEqual(
      [
        ['FileReader.load', 'interface-member'],
        ['Base.fetch', 'method-override'],
        ['Derived.fetch', 'method-override'],
        ['Disk.size', 'union-receiver'],
        ['Memory.size', 'union-receiver'],
      ].sort(),
    );
  });

  it('refuses a method called on a value of no known type, which may be it (JavaScript)', () => {
    const dir = tempProject({
      'jsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2022', module: 'commonjs', types: [] }, include: ['lib'] }),
      'lib/store.js': `'use strict';
const fs = require('fs');

class Store {
  read(file, cb) {
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text);
    });
  }
}

function readWith(store, file) {
  store.read(file, (err, text) => {
    if (err) throw err;
    console.log(text);
  });
}

module.exports = { Store, readWith };
`,
    });
    const plan = planCallbackToAsync(path.join(dir, 'jsconfig.json'));
    expect(plan.functions).toEqual([]);
    expect(plan.refusals.map((r) => [r.plan.split('#')[1], r.reason])).toEqual([['Store.read', 'union-receiver']]);
  });

  it('refuses two functions whose calls are written alike in one file', () => {
    const dir = tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, noEmit: true, types: ['node'], typeRoots }, include: ['src'] }),
      'src/two.ts': `import * as fs from 'node:fs';

type Callback<T> = (err: Error | null, value?: T) => void;

export class Left {
  read(file: string, cb: Callback<string>) {
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text);
    });
  }
  show(file: string) {
    this.read(file, (err, text) => {
      if (err) return;
      console.log(text);
    });
  }
}

export class Right {
  read(file: string, cb: Callback<string>) {
    cb(null, file);
  }
  show(file: string) {
    this.read(file, (err, text) => {
      if (err) return;
      console.log(text);
    });
  }
}
`,
    });
    const plan = planCallbackToAsync(path.join(dir, 'tsconfig.json'));
    expect(plan.functions).toEqual([]);
    expect(plan.refusals.map((r) => [r.plan.split('#')[1], r.reason]).sort()).toEqual([['Left.read', 'callee-written-alike'], ['Right.read', 'callee-written-alike']]);
  });
});

describe('--keep-callback-api', () => {
  it('refuses an exported function that calls back before it returns on some path, and keeps its callers', () => {
    const { configPath } = copyOf('keep-callback-api');
    const plan = planCallbackToAsync(configPath, { keepCallbackApi: true });
    expect(plan.refusals.map((r) => [r.plan.split('#')[1], r.reason])).toEqual([
      ['readStrict', 'calls-back-synchronously'],
      ['readEntry', 'kept-api-not-writable'],
    ]);
    expect([...plan.functions].sort()).toEqual(['src/app.ts#describePort', 'src/config.ts#portOf', 'src/config.ts#readConfig', 'src/config.ts#readPort']);
    // Only the call inside a function made async is migrated; `show` keeps its callback.
    expect(plan.changes.filter((c) => c.kind === 'caller').map((c) => c.description)).toEqual(['portOf(…) is migrated with describePort', 'readConfig(…) is migrated with readPort', 'readPort(…) returns readPort\'s promise']);
  });

  // What a callback caller sees, before and after: each event the callback and the process get, run by Node.
  const probe = `'use strict';
const store = require('./lib/store');
const events = [];
process.on('uncaughtException', (e) => events.push('uncaught: ' + e.message));
process.on('unhandledRejection', (e) => events.push('unhandled rejection: ' + (e && e.message)));
process.on('exit', () => console.log(JSON.stringify(events)));
for (const file of ['package.json', 'missing.json']) {
  let returned = false;
  store.readName(file, (err, name) => {
    events.push(file + ': ' + (err ? err.code : name) + (returned ? ' after the call returned' : ' before the call returned'));
    throw new Error('thrown by the callback of ' + file);
  });
  returned = true;
}
`;

  it('calls an existing callback caller\'s callback as before: once, after the call returned, its throw uncaught', async () => {
    const events = async (dir: string) => {
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'demo', version: '1.0.0' }));
      writeFileSync(path.join(dir, 'probe.js'), probe);
      const { stdout } = await promisify(execFile)(process.execPath, ['probe.js'], { cwd: dir });
      return (JSON.parse(stdout) as string[]).sort();
    };
    const before = copyOf('keep-callback-api-commonjs');
    const after = copyOf('keep-callback-api-commonjs');
    await run(after.configPath, { keepCallbackApi: true });
    expect(readFileSync(path.join(after.dir, 'lib/store.js'), 'utf8')).toContain('async function readNameAsync(file) {');
    const expected = [
      'missing.json: ENOENT after the call returned',
      'package.json: demo after the call returned',
      'uncaught: thrown by the callback of missing.json',
      'uncaught: thrown by the callback of package.json',
    ];
    expect(await events(before.dir)).toEqual(expected);
    expect(await events(after.dir)).toEqual(expected);
  });

  it('is an option of callback-to-async only, declared in its registry row', async () => {
    const { dir } = copyOf('cross-file');
    expect((await cliIn(dir, 'explain', 'callback-to-async')).stdout).toMatch(/--keep-callback-api +exported functions keep their callback API/);
    expect((await cliIn(dir, '--help')).stdout).toContain('Options of callback-to-async:\n  --keep-callback-api');
    const other = await cliIn(dir, 'migrate', 'add-abort-signal', '--project', 'tsconfig.json', '--all-exports', '--keep-callback-api');
    expect([other.code, other.stderr]).toEqual([2, expect.stringMatching(/--keep-callback-api applies to callback-to-async only/) as unknown]);
  });
});

describe('asyncwise migrate callback-to-async', () => {
  const cli = cliIn;

  it('needs one tsconfig, takes no entries, and runs alone', async () => {
    const { dir } = copyOf('cross-file');
    expect((await cli(dir, 'migrate', 'callback-to-async')).stderr).toMatch(/give --project <tsconfig.json>/);
    expect((await cli(dir, 'migrate', 'callback-to-async', '--project', 'tsconfig.json', '--from', 'src/app.ts#show')).stderr).toMatch(/--from and --all-exports choose add-abort-signal's entries/);
    expect((await cli(dir, 'migrate', 'callback-to-async', 'then-to-await', '--project', 'tsconfig.json')).stderr).toMatch(/runs alone/);
    const perFile = await cli(dir, 'migrate', 'then-to-await', 'src', '--keep-callback-api');
    expect([perFile.code, perFile.stderr]).toEqual([2, expect.stringMatching(/--keep-callback-api applies to the project codemods/) as unknown]);
  });

  it('prints the diff and the functions on a dry run, and writes nothing', async () => {
    const { dir } = copyOf('cross-file');
    const result = await cli(dir, 'migrate', 'callback-to-async', '--project', 'tsconfig.json', '--level', 'review');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+export async function readLines(file: string) {');
    expect(result.stdout).toContain('+  const lines = await readLines(file);');
    expect(result.stdout).toMatch(/Made async: 4 functions \(/);
    expect(readFileSync(path.join(dir, 'src/store.ts'), 'utf8')).toBe(readFileSync(path.join(casesDir, 'cross-file/input/src/store.ts'), 'utf8'));
  });

  it('at level safe changes nothing and lists every change as review', async () => {
    const { dir } = copyOf('cross-file');
    const result = await cli(dir, 'migrate', 'callback-to-async', '--project', 'tsconfig.json', '--write');
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, 'src/store.ts'), 'utf8')).toBe(readFileSync(path.join(casesDir, 'cross-file/input/src/store.ts'), 'utf8'));
  });
});
