/**
 * Migrates the fixture `fixtures/callback-library` (a callback-era CommonJS file store) with the
 * built `asyncwise` CLI's `sync-to-async-io`: the blocking calls inside async functions become awaited
 * promise twins, the refused ones (`existsSync`, `execSync`) and the sync API, the module's top
 * level and the CLI stay as written, the library's own `node:test` suite passes before and after
 * (unchanged), and a second run changes nothing.
 *
 * Runs the `asyncwise` bin (`packages/codemods/bin/asyncwise.js`, which imports the built CLI): `pnpm test` builds first.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, copyOfFixture, exec, explain, repoRoot } from './fixture-process';

const fixtureDir = path.join(repoRoot, 'fixtures/callback-library');


describe('migrating fixtures/callback-library with sync-to-async-io', () => {
  let copy = '';
  let files: string[] = [];
  const read = (file: string) => readFileSync(path.join(copy, file), 'utf8');
  // Files are named one by one: the copy lies in the gitignored `.tmp/`, which a directory search skips.
  const migrate = (...flags: string[]) => exec([cliPath, 'migrate', 'sync-to-async-io', ...files, '--level', 'review', ...flags], repoRoot);
  const runLibraryTests = () => exec(['--test', 'test/'], copy);

  beforeAll(() => {
    copy = copyOfFixture(fixtureDir);
    files = ['lib/store.js', 'bin/store.js', 'test/store.test.js'].map((f) => path.join(copy, f));
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('passes its own tests before the migration', () => {
    const result = runLibraryTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# fail 0/);
  });

  it('rewrites the blocking calls of the async functions, and refuses the two whose twin differs', () => {
    const before = { bin: read('bin/store.js'), test: read('test/store.test.js') };
    const reportPath = path.join(copy, 'report.json');
    const result = migrate('--write', '--report', reportPath);
    expect(result.status, explain(result)).toBe(0);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
      files: { path: string; status: string; changes: { applied: boolean; level: string }[]; refusals: { reason: string }[] }[];
    };
    const lib = report.files.find((f) => f.path.endsWith('lib/store.js'));
    expect(lib?.status).toBe('changed');
    expect(lib?.changes.filter((c) => c.applied)).toHaveLength(7);
    expect(lib?.changes.every((c) => c.level === 'review')).toBe(true);
    expect(lib?.refusals.map((r) => r.reason)).toEqual(['twin-value-differs', 'twin-value-differs']);

    const store = read('lib/store.js');
    expect(store).toContain("const { scryptSync, randomBytes, scrypt } = require('crypto');\n");
    expect(store).toContain("const { promisify } = require('util');\n");
    expect(store).toContain('await fs.promises.mkdir(dir, { recursive: true });');
    expect(store).toContain('const body = await promisify(zlib.gzip)(Buffer.from(JSON.stringify(value)));');
    expect(store).toContain('return JSON.parse((await promisify(zlib.gunzip)(body)).toString(\'utf8\'));');
    expect(store).toContain('return (await promisify(scrypt)(secret, salt, 16)).toString(\'hex\');');
    // Refused, top level and the sync API stay as written.
    expect(store).toContain('if (!fs.existsSync(entryPath(dir, key))) return fallback;');
    expect(store).toContain("return execSync('git rev-parse --short HEAD'");
    expect(store).toContain("const defaults = JSON.parse(fs.readFileSync(path.join(__dirname, 'defaults.json'), 'utf8'));");
    expect(store).toContain('return JSON.parse(zlib.gunzipSync(fs.readFileSync(entryPath(dir, key))).toString(\'utf8\'));');
    // The CLI (shebang, and the package's bin) and the tests are left alone.
    expect(read('bin/store.js')).toBe(before.bin);
    expect(read('test/store.test.js')).toBe(before.test);
  });

  it('passes its own tests after the migration, unchanged', () => {
    const result = runLibraryTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# pass 24/);
    expect(result.stdout).toMatch(/# fail 0/);
  });

  it('changes nothing on a second run', () => {
    const before = read('lib/store.js');
    const result = migrate('--write');
    expect(result.status, explain(result)).toBe(0);
    expect(read('lib/store.js')).toBe(before);
  });
});

describe('migrating fixtures/callback-library with sync-to-async-io, callback-to-promise-api, promise-wrapper-to-promisify and pipe-to-pipeline', () => {
  let copy = '';
  let files: string[] = [];
  const read = (file: string) => readFileSync(path.join(copy, file), 'utf8');
  const codemods = ['sync-to-async-io', 'callback-to-promise-api', 'promise-wrapper-to-promisify', 'pipe-to-pipeline'];
  const migrate = (...flags: string[]) => exec([cliPath, 'migrate', ...codemods, ...files, '--level', 'review', ...flags], repoRoot);
  const runLibraryTests = () => exec(['--test', 'test/'], copy);
  const sources = ['lib/store.js', 'lib/archive.js', 'bin/store.js', 'test/store.test.js', 'test/archive.test.js'];

  beforeAll(() => {
    copy = copyOfFixture(fixtureDir);
    files = sources.map((f) => path.join(copy, f));
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('passes its own tests before the migration', () => {
    const result = runLibraryTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# pass 24/);
  });

  it('awaits the callbacks of async functions, replaces the forwarding wrappers, and refuses the rest by name', () => {
    const before = { bin: read('bin/store.js'), tests: read('test/store.test.js'), archiveTests: read('test/archive.test.js') };
    const reportPath = path.join(copy, 'report.json');
    const result = migrate('--write', '--report', reportPath);
    expect(result.status, explain(result)).toBe(0);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
      files: { path: string; changes: { codemod: string; applied: boolean; level: string }[]; refusals: { codemod: string; reason: string }[] }[];
    };
    const archive = report.files.find((f) => f.path.endsWith('lib/archive.js'));
    const store = report.files.find((f) => f.path.endsWith('lib/store.js'));
    const applied = (file: typeof archive, codemod: string) => file?.changes.filter((c) => c.applied && c.codemod === codemod).length;
    const refused = (file: typeof archive, codemod: string) => file?.refusals.filter((r) => r.codemod === codemod).map((r) => r.reason).sort();
    // bundle's three nested calls (in three passes, reported once at the outer call, where the user wrote them) and
    // removeEntry's handled error. The inner calls' first-pass refusals (not-awaitable-here) stay listed.
    expect(applied(archive, 'callback-to-promise-api')).toBe(2);
    expect(refused(archive, 'callback-to-promise-api')).toEqual(['callback-not-inline', 'inside-promise-executor', 'inside-promise-executor', 'not-awaitable-here', 'not-awaitable-here', 'not-awaitable-here', 'not-awaitable-here']);
    // bundleAsync (promisify), entrySize (the twin), runtimeVersion (promisify(…).call); entryBytes's executor does more.
    expect(applied(archive, 'promise-wrapper-to-promisify')).toBe(3);
    expect(refused(archive, 'promise-wrapper-to-promisify')).toEqual(['executor-does-more']);
    // store.js: readRaw becomes the twin; newSalt's callback converts the value, so it stays.
    expect(applied(store, 'promise-wrapper-to-promisify')).toBe(1);
    expect(refused(store, 'promise-wrapper-to-promisify')).toEqual(['not-a-forwarding-wrapper']);
    // exportEntry's chain becomes await pipeline(…), copyEntry's new Promise pipeline(…); dumpEntry is a callback API, not async.
    expect(applied(archive, 'pipe-to-pipeline')).toBe(2);
    expect(refused(archive, 'pipe-to-pipeline')).toEqual(['not-awaitable-here']);
    expect(report.files.flatMap((f) => f.changes).every((c) => c.level === 'review')).toBe(true);

    const archived = read('lib/archive.js');
    expect(archived).toContain("const { promisify } = require('util');\n");
    expect(archived).toContain('    names = await fs.promises.readdir(dir);\n  } catch (err) {\n    done(err);\n    return;\n  }\n');
    expect(archived).toContain('  const packed = await promisify(zlib.gzip)(Buffer.from(JSON.stringify(keys)));\n  await fs.promises.writeFile(target, packed);\n  done(null, keys.length);\n');
    expect(archived).toContain('  return promisify(bundle)(dir, target);\n');
    expect(archived).toContain('  return fs.promises.stat(path.join(dir, `${key}.json.gz`)).then((stats) => stats.size);\n');
    expect(archived).toContain('  return promisify(runtime.version).call(runtime).then((out) => out.trim());\n');
    expect(archived).toContain("const { pipeline } = require('stream/promises');\n");
    expect(archived).toContain(
      '  try {\n    await pipeline(fs.createReadStream(path.join(dir, `${key}.json.gz`)), zlib.createGunzip(), fs.createWriteStream(target));\n' +
        '  } catch (err) {\n    done(err);\n    return;\n  }\n  done(null, target);\n',
    );
    expect(archived).toContain('  await pipeline(fs.createReadStream(path.join(dir, `${key}.json.gz`)), fs.createWriteStream(target));\n  return target;\n');
    expect(archived).toContain('.pipe(zlib.createGunzip()).pipe(out).on(\'finish\', done);\n');
    // readBundle is not async: its callbacks stay.
    expect(archived).toContain('  fs.readFile(file, (err, packed) => {\n');
    expect(read('lib/store.js')).toContain('  return fs.promises.readFile(entryPath(dir, key));\n');
    // The CLI and the tests are left alone.
    expect(read('bin/store.js')).toBe(before.bin);
    expect(read('test/store.test.js')).toBe(before.tests);
    expect(read('test/archive.test.js')).toBe(before.archiveTests);
  });

  it('passes its own tests after the migration, unchanged', () => {
    const result = runLibraryTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# pass 24/);
    expect(result.stdout).toMatch(/# fail 0/);
  });

  it('hands a missing entry\'s read error to exportEntry\'s callback and copyEntry\'s rejection, where it used to be thrown as an uncaught exception', () => {
    const script =
      "require('./lib/archive').exportEntry('no-such-folder', 'no-such-entry', 'exported.json', (err) => console.log(err && err.code));";
    const result = exec(['-e', script], copy);
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toBe('ENOENT\n');
    const copied = exec(['-e', "require('./lib/archive').copyEntry('no-such-folder', 'no-such-entry', 'copied.gz').catch((err) => console.log(err.code));"], copy);
    expect(copied.status, explain(copied)).toBe(0);
    expect(copied.stdout).toBe('ENOENT\n');
  });

  it('changes nothing on a second run', () => {
    const before = sources.map(read);
    const result = migrate('--write');
    expect(result.status, explain(result)).toBe(0);
    expect(sources.map(read)).toEqual(before);
  });
});

describe('migrating fixtures/callback-library with callback-to-async', () => {
  let copy = '';
  const read = (file: string) => readFileSync(path.join(copy, file), 'utf8');
  // A project codemod: the jsconfig (allowJs) names the files, the checker finds every caller.
  const migrate = (...flags: string[]) => exec([cliPath, 'migrate', 'callback-to-async', '--project', path.join(copy, 'jsconfig.json'), '--level', 'review', ...flags], repoRoot);
  const runLibraryTests = () => exec(['--test', 'test/'], copy);

  beforeAll(() => {
    copy = copyOfFixture(fixtureDir);
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('passes its own tests before the migration', () => {
    const result = runLibraryTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# pass 24/);
  });

  it('makes the manifest functions async with their callers in bin/ and test/, and refuses the callback API used as a value', () => {
    const before = { store: read('lib/store.js'), archive: read('lib/archive.js') };
    const reportPath = path.join(copy, 'report.json');
    const result = migrate('--write', '--allow-dirty', '--report', reportPath);
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toContain('Made async: 4 functions (lib/manifest.js#readManifest, lib/manifest.js#writeManifest, lib/manifest.js#addKey, lib/manifest.js#keyCount)');
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { files: { path: string; status: string; refusals: { reason: string; message: string }[] }[] };
    expect(report.files.filter((f) => f.status === 'changed').map((f) => path.relative(copy, path.resolve(repoRoot, f.path))).sort()).toEqual(['bin/store.js', 'lib/manifest.js', 'test/manifest.test.js']);
    // `readBundle` is handed to the tests' `viaCallback` helper; the `runtime.version` method hands its `done`
    // to `execFile`, which calls back with stdout and stderr. (`dumpEntry` hands its `done` to a stream's
    // `finish`, which shows no error-first callback: it is not a candidate.)
    expect(report.files.flatMap((f) => f.refusals.map((r) => [r.reason, r.message.split(':')[0]]))).toEqual([
      ['used-as-value', 'readBundle is used as a value at archive.test.js'],
      ['several-values', 'The callback is handed to execFile(…), which calls back with several values; its promise twin resolves to an object of them.'],
    ]);

    const manifest = read('lib/manifest.js');
    expect(manifest).toContain("async function readManifest(dir) {\n  const text = await fs.promises.readFile(manifestPath(dir), 'utf8');\n  return JSON.parse(text);\n}");
    expect(manifest).toContain("  if (!Array.isArray(manifest.keys)) throw new TypeError('a manifest lists its keys');");
    expect(manifest).toContain('  const manifest = await readManifest(dir);\n  const keys = [...new Set([...manifest.keys, key])].sort();\n  return writeManifest(dir, { ...manifest, keys });');
    // The CLI's main is async: it awaits, its error branch a `catch`.
    expect(read('bin/store.js')).toContain('      count = await manifest.keyCount(dir);\n    } catch (err) {');
    // The tests' callbacks run from one `.then` with both handlers.
    expect(read('test/manifest.test.js')).toContain("  keyCount(tempDir()).then(() => {\n    done(new Error('expected an error'));\n  }, (err) => {");
    expect(read('lib/store.js')).toBe(before.store);
    expect(read('lib/archive.js')).toBe(before.archive);
  });

  it('passes its own tests after the migration', () => {
    const result = runLibraryTests();
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/# pass 24/);
    expect(result.stdout).toMatch(/# fail 0/);
  });

  it('changes nothing on a second run', () => {
    const before = read('test/manifest.test.js');
    const result = migrate('--write', '--allow-dirty');
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout).toContain('Made async: 0 functions');
    expect(read('test/manifest.test.js')).toBe(before);
  });
});
