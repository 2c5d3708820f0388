import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { planOf } from '@asyncwise/analysis';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPlans } from '../src/apply-plans';
import { DirtyWorkTreeError } from '../src/errors';
import { migrate, migrateFile } from '../src/migrate';
import type { LoadedCodemod } from '../src/registry';
import { run } from '../src/transforms/sequential-to-concurrent';
import { gitInit, loadThree, loadThreeRewritten, removeTempProjects, tempProject } from './helpers';

afterEach(removeTempProjects);

const sequential: LoadedCodemod = { name: 'sequential-to-concurrent', run };

function fakeCodemod(name: string, transform: LoadedCodemod['run']): LoadedCodemod {
  return { name, run: transform };
}

describe('migrate', () => {
  it('writes nothing in a dry run, but reports what would change', async () => {
    const root = tempProject({ 'a.ts': loadThree });
    const file = path.join(root, 'a.ts');
    const [outcome] = await migrate({ codemods: [sequential], files: [file], level: 'review', write: false, allowDirty: false });
    expect(outcome).toMatchObject({ status: 'changed', written: false, before: loadThree, after: loadThreeRewritten });
    expect(readFileSync(file, 'utf8')).toBe(loadThree);
  });

  it('writes changed files atomically, keeping their mode, and leaves failed files byte-identical', async () => {
    const broken = 'export async function f() {\n  const a = await ;\n}\n';
    const root = tempProject({ 'a.ts': loadThree, 'b.ts': broken, 'c.ts': 'export const c = 1;\n' });
    chmodSync(path.join(root, 'a.ts'), 0o640);
    const files = ['a.ts', 'b.ts', 'c.ts'].map((f) => path.join(root, f));
    const outcomes = await migrate({ codemods: [sequential], files, level: 'review', write: true, allowDirty: false });
    expect(outcomes.map((o) => [o.status, o.written])).toEqual([
      ['changed', true],
      ['error', false],
      ['unchanged', false],
    ]);
    expect(outcomes[1]?.error).toEqual({ kind: 'parse', line: 2, column: 19, message: 'Unexpected token' });
    expect(readFileSync(files[0] as string, 'utf8')).toBe(loadThreeRewritten);
    expect(statSync(files[0] as string).mode & 0o777).toBe(0o640);
    expect(readFileSync(files[1] as string, 'utf8')).toBe(broken);
  });

  it('lists review changes without applying them at level safe', async () => {
    const root = tempProject({ 'a.ts': loadThree });
    const [outcome] = await migrate({ codemods: [sequential], files: [path.join(root, 'a.ts')], write: true, allowDirty: false });
    expect(outcome).toMatchObject({ status: 'unchanged', written: false });
    expect(outcome?.changes).toEqual([expect.objectContaining({ codemod: 'sequential-to-concurrent', level: 'review', applied: false })]);
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe(loadThree);
  });

  it('refuses a codemod whose output changes again on a second run', async () => {
    const root = tempProject({ 'a.ts': 'a();\n' });
    const growing = fakeCodemod('grows', (source) => ({ output: `${source}b();\n`, changes: [], refusals: [] }));
    const outcome = await migrateFile(path.join(root, 'a.ts'), [growing], {});
    expect(outcome.status).toBe('error');
    expect(outcome.error?.kind).toBe('not-idempotent');
  });

  it('reports a rewrite that would not parse, with its position', async () => {
    const root = tempProject({ 'a.ts': 'const a = 1;\n' });
    const breaking = fakeCodemod('breaks', (source, file) =>
      applyPlans(source, file, 'safe', () => [{ start: 0, description: 'x', plan: planOf('safe', [{ range: [0, 5], text: 'const (' }]) }]),
    );
    const outcome = await migrateFile(path.join(root, 'a.ts'), [breaking], {});
    expect(outcome).toMatchObject({ status: 'error', error: { kind: 'output-parse', line: 1 } });
    expect(outcome.error?.message).toContain('would not parse');
  });

  it('reports a file that cannot be read', async () => {
    const root = tempProject({});
    const outcome = await migrateFile(path.join(root, 'gone.ts'), [sequential], {});
    expect(outcome).toMatchObject({ status: 'error', error: { kind: 'read' } });
  });

  it('migrates and writes a file given twice (once through a symlink) once, under the first path', async () => {
    const root = tempProject({ 'src/a.ts': loadThree });
    const target = path.join(root, 'src/a.ts');
    const link = path.join(root, 'link.ts');
    symlinkSync('src/a.ts', link);
    const seen: string[] = [];
    const outcomes = await migrate({
      codemods: [sequential],
      files: [link, target, path.join(root, 'src/../src/a.ts')],
      level: 'review',
      write: true,
      allowDirty: true,
      onFile: (o) => seen.push(o.file),
    });
    expect(seen).toEqual([link]);
    expect(outcomes.map((o) => [o.file, o.status, o.written])).toEqual([[link, 'changed', true]]);
    expect(readFileSync(target, 'utf8')).toBe(loadThreeRewritten);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('never overwrites a file edited while the codemods ran', async () => {
    const root = tempProject({ 'a.ts': loadThree });
    const file = path.join(root, 'a.ts');
    const outcomes = await migrate({
      codemods: [sequential],
      files: [file],
      level: 'review',
      write: true,
      allowDirty: false,
      onFile: () => writeFileSync(file, '// edited by someone\n'),
    });
    expect(outcomes[0]).toMatchObject({ status: 'error', written: false, error: { kind: 'changed-during-run' } });
    expect(readFileSync(file, 'utf8')).toBe('// edited by someone\n');
  });

  it('never brings back a file deleted while the codemods ran, nor overwrites one made unparsable meanwhile', async () => {
    const root = tempProject({ 'deleted.ts': loadThree, 'broken.ts': loadThree, 'kept.ts': loadThree });
    const [deleted, broken, kept] = ['deleted.ts', 'broken.ts', 'kept.ts'].map((f) => path.join(root, f)) as [string, string, string];
    const outcomes = await migrate({
      codemods: [sequential],
      files: [broken, deleted, kept],
      level: 'review',
      write: true,
      allowDirty: false,
      onFile: (o) => {
        if (o.file === deleted) rmSync(deleted);
        if (o.file === broken) writeFileSync(broken, 'export async function load( {\n');
      },
    });
    expect(outcomes.map((o) => [path.basename(o.file), o.status, o.written, o.error?.kind])).toEqual([
      ['broken.ts', 'error', false, 'changed-during-run'],
      ['deleted.ts', 'error', false, 'changed-during-run'],
      ['kept.ts', 'changed', true, undefined],
    ]);
    expect(outcomes[1]?.error?.message).toContain('deleted during the run');
    expect(outcomes.slice(0, 2).every((o) => o.changes.every((c) => !c.applied))).toBe(true);
    expect(existsSync(deleted)).toBe(false);
    expect(readFileSync(broken, 'utf8')).toBe('export async function load( {\n');
    expect(readdirSync(root).sort()).toEqual(['broken.ts', 'kept.ts']);
  });
});

describe('file encodings', () => {
  // `load` with a Latin-1 comment and string: 0xE9 is "é" in Latin-1 and invalid on its own in UTF-8.
  const latin1 = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\nexport const label = "d${'\xe9'}j${'\xe0'}";\n`, 'latin1'), Buffer.from(loadThree)]);

  it('skips a file that is not UTF-8 with reason not-utf8, and never writes it', async () => {
    const root = tempProject({});
    const file = path.join(root, 'latin1.ts');
    writeFileSync(file, latin1);
    const [outcome] = await migrate({ codemods: [sequential], files: [file], level: 'review', write: true, allowDirty: true });
    expect(outcome).toMatchObject({ status: 'skipped', written: false, skip: { reason: 'not-utf8', line: 1, column: 7 } });
    expect(outcome?.error).toBeUndefined();
    expect(outcome?.skip?.message).toContain('byte 0xE9');
    expect(readFileSync(file)).toEqual(latin1);
  });

  it('skips a UTF-16 file with its byte-order mark', async () => {
    const root = tempProject({});
    const file = path.join(root, 'utf16.ts');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(loadThree, 'utf16le')]);
    writeFileSync(file, utf16);
    const [outcome] = await migrate({ codemods: [sequential], files: [file], level: 'review', write: true, allowDirty: true });
    expect(outcome).toMatchObject({ status: 'skipped', skip: { reason: 'not-utf8' } });
    expect(readFileSync(file)).toEqual(utf16);
  });

  it('writes exactly the UTF-8 bytes of the rewrite, keeping a byte-order mark and non-ASCII text', async () => {
    const root = tempProject({});
    const file = path.join(root, 'bom.ts');
    const text = (body: string) => `// Grüße, 日本, 😀\n${body}`;
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(loadThree), 'utf8')]));
    const [outcome] = await migrate({ codemods: [sequential], files: [file], level: 'review', write: true, allowDirty: true });
    expect(outcome).toMatchObject({ status: 'changed', written: true });
    expect(readFileSync(file)).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(loadThreeRewritten), 'utf8')]));
  });
});

describe('clean-git gate', () => {
  it('refuses to write files with uncommitted changes, and writes nothing', async () => {
    const root = tempProject({ 'a.ts': loadThree, 'b.ts': loadThree });
    gitInit(root);
    const dirtyText = `${loadThree}// work in progress\n`;
    writeFileSync(path.join(root, 'b.ts'), dirtyText);
    const files = [path.join(root, 'a.ts'), path.join(root, 'b.ts')];
    const attempt = migrate({ codemods: [sequential], files, level: 'review', write: true, allowDirty: false });
    await expect(attempt).rejects.toThrow(DirtyWorkTreeError);
    await expect(attempt).rejects.toMatchObject({ files: [path.join(root, 'b.ts')] });
    expect(readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe(loadThree);
    expect(readFileSync(path.join(root, 'b.ts'), 'utf8')).toBe(dirtyText);

    const outcomes = await migrate({ codemods: [sequential], files, level: 'review', write: true, allowDirty: true });
    expect(outcomes.map((o) => o.written)).toEqual([true, true]);
  });

  it('counts untracked files as uncommitted, and ignores dirty files it will not touch', async () => {
    const root = tempProject({ 'a.ts': loadThree, 'notes.txt': 'x' });
    gitInit(root);
    writeFileSync(path.join(root, 'notes.txt'), 'changed');
    writeFileSync(path.join(root, 'new.ts'), loadThree);
    await expect(
      migrate({ codemods: [sequential], files: [path.join(root, 'new.ts')], level: 'review', write: true, allowDirty: false }),
    ).rejects.toThrow(DirtyWorkTreeError);
    const outcomes = await migrate({ codemods: [sequential], files: [path.join(root, 'a.ts')], level: 'review', write: true, allowDirty: false });
    expect(outcomes[0]?.written).toBe(true);
  });

  it('skips the check outside a git work tree', async () => {
    const root = tempProject({ 'a.ts': loadThree });
    const outcomes = await migrate({ codemods: [sequential], files: [path.join(root, 'a.ts')], level: 'review', write: true, allowDirty: false });
    expect(outcomes[0]?.written).toBe(true);
  });
});

describe('asyncwise bugs caught by the invariant', () => {
  it('counts would-lose-code refusals as bugs and says so in the summary', async () => {
    const { summarize } = await import('../src/report');
    const { formatSummary, colorsFor } = await import('../src/output');
    const outcome = {
      file: '/p/a.ts',
      status: 'unchanged' as const,
      changes: [],
      refusals: [
        { codemod: 'sequential-to-concurrent', line: 2, column: 3, reason: 'would-lose-code' as const, message: 'lost' },
        { codemod: 'sequential-to-concurrent', line: 9, column: 3, reason: 'promise-shadowed' as const, message: 'shadowed' },
      ],
      written: false,
    };
    const summary = summarize([outcome], '/p');
    expect(summary.asyncwiseBugs).toBe(1);
    const text = formatSummary(summary, [outcome], { cwd: '/p', level: 'review', write: false, quiet: true, codemods: [] }, colorsFor({}));
    expect(text).toContain('1 rewrite refused by the invariant (would-lose-code)');
    expect(text).toContain('asyncwise bug');
  });
});

describe('earlier changes of the pass', () => {
  const twoEdits = (source: string, file: string, earlierChanges: readonly (readonly [number, number])[]) =>
    applyPlans(
      source,
      file,
      'safe',
      // Each plan only while its letter is still there, so a second pass finds nothing.
      (file) => [
        ...(file.text[6] === 'a' ? [{ start: 0, description: 'a → x', plan: planOf('safe', [{ range: [6, 7], text: 'x' }]) }] : []),
        ...(file.text[19] === 'b' ? [{ start: 13, description: 'b → yy', plan: planOf('safe', [{ range: [19, 20], text: 'yy' }]) }] : []),
      ],
      { earlierChanges },
    );

  it('refuses a plan that touches what an earlier codemod wrote, and applies one beside it', () => {
    const result = twoEdits('const a = 1;\nconst b = 2;\n', 'a.ts', [[17, 24]]);
    expect(result.output).toBe('const x = 1;\nconst b = 2;\n');
    expect(result.refusals).toEqual([expect.objectContaining({ line: 2, column: 1, reason: 'overlaps-earlier-change' })]);
    // The earlier range and this pass's own edit, in the output's coordinates.
    expect(result.written).toEqual([[6, 7], [17, 24]]);
  });

  it('shifts the earlier ranges past its own edits', () => {
    const result = twoEdits('const a = 1;\nconst b = 2;\n', 'a.ts', [[0, 2]]);
    expect(result.output).toBe('const x = 1;\nconst yy = 2;\n');
    expect(result.written).toEqual([[0, 2], [6, 7], [19, 21]]);
    expect(result.inputOffsetOf?.(22)).toBe(21);
  });
});

describe('files that are not source', () => {
  it('skips a file over the size limit (too-large) and a binary .ts (binary), leaving both byte-identical', async () => {
    const root = tempProject({ 'a.ts': loadThree });
    const big = path.join(root, 'big.ts');
    writeFileSync(big, `${loadThree}// ${'x'.repeat(3 * 1024 * 1024)}\n`);
    // An MPEG transport stream (.ts): sync bytes, NULs and bytes that are not UTF-8.
    const video = Buffer.from([0x47, 0x40, 0x00, 0x10, 0x00, 0x00, 0xb0, 0x0d, 0x00, 0x01, 0xc1, 0x00, 0x00]);
    const binary = path.join(root, 'clip.ts');
    writeFileSync(binary, video);
    const files = [path.join(root, 'a.ts'), big, binary];
    const outcomes = await migrate({ codemods: [sequential], files, level: 'review', write: true, allowDirty: true });
    expect(outcomes.map((o) => [o.status, o.skip?.reason])).toEqual([
      ['changed', undefined],
      ['skipped', 'too-large'],
      ['skipped', 'binary'],
    ]);
    expect(outcomes[1]?.skip?.message).toContain('3.0 MB, more than --max-file-size (2.0 MB)');
    expect(outcomes[2]?.skip?.message).toContain('a NUL byte at byte 3');
    expect(readFileSync(binary)).toEqual(video);
    expect(readFileSync(big, 'utf8').startsWith(loadThree)).toBe(true);

    // 50 MB (sparse, so the test costs no disk): skipped by its size alone, never read.
    const huge = path.join(root, 'bundle.ts');
    writeFileSync(huge, loadThree);
    truncateSync(huge, 50 * 1024 * 1024);
    const [hugeOutcome] = await migrate({ codemods: [sequential], files: [huge], level: 'review', write: true, allowDirty: true });
    expect(hugeOutcome).toMatchObject({ status: 'skipped', written: false, skip: { reason: 'too-large' } });
    expect(hugeOutcome?.skip?.message).toContain('50.0 MB, more than --max-file-size (2.0 MB)');
    expect(statSync(huge).size).toBe(50 * 1024 * 1024);

    const raised = await migrate({ codemods: [sequential], files: [big], level: 'review', write: false, allowDirty: true, maxFileSize: 4 * 1024 * 1024 });
    expect(raised[0]?.status).toBe('changed');
  });
});

describe('writes that must not happen', () => {
  it('reports a read-only file as a write error, leaves it as it was, and writes the others', async () => {
    const root = tempProject({ 'a.ts': loadThree, 'locked.ts': loadThree, 'z.ts': loadThree });
    const locked = path.join(root, 'locked.ts');
    chmodSync(locked, 0o444);
    const files = ['a.ts', 'locked.ts', 'z.ts'].map((f) => path.join(root, f));
    const outcomes = await migrate({ codemods: [sequential], files, level: 'review', write: true, allowDirty: true });
    expect(outcomes.map((o) => [o.status, o.written])).toEqual([
      ['changed', true],
      ['error', false],
      ['changed', true],
    ]);
    expect(outcomes[1]?.error).toEqual({ kind: 'write', message: 'the file is read-only (mode 0444); make it writable (chmod u+w) to migrate it' });
    expect(outcomes[1]?.changes.every((c) => !c.applied)).toBe(true);
    expect(readFileSync(locked, 'utf8')).toBe(loadThree);
    expect(statSync(locked).mode & 0o777).toBe(0o444);
    expect(readFileSync(files[2] as string, 'utf8')).toBe(loadThreeRewritten);
  });

  it('reports ENOSPC and EACCES at the rename per file: each original intact, no temp file left, the other files written', async () => {
    const root = tempProject({ 'a.ts': loadThree, 'denied.ts': loadThree, 'full.ts': loadThree, 'z.ts': loadThree });
    const failing: Record<string, string> = { 'full.ts': 'ENOSPC', 'denied.ts': 'EACCES' };
    const renames: string[] = [];
    // What a full disk or a folder without write permission makes rename(2) answer.
    const atomicWrite = {
      rename: async (from: string, to: string) => {
        renames.push(path.basename(to));
        const code = failing[path.basename(to)];
        if (code !== undefined) throw Object.assign(new Error(`${code}: simulated, rename '${from}' -> '${to}'`), { code });
        await rename(from, to);
      },
    };
    const files = ['a.ts', 'denied.ts', 'full.ts', 'z.ts'].map((f) => path.join(root, f));
    const outcomes = await migrate({ codemods: [sequential], files, level: 'review', write: true, allowDirty: true, atomicWrite });
    expect(renames).toEqual(['a.ts', 'denied.ts', 'full.ts', 'z.ts']);
    expect(outcomes.map((o) => [path.basename(o.file), o.status, o.written, o.error?.kind])).toEqual([
      ['a.ts', 'changed', true, undefined],
      ['denied.ts', 'error', false, 'write'],
      ['full.ts', 'error', false, 'write'],
      ['z.ts', 'changed', true, undefined],
    ]);
    expect(outcomes[1]?.error?.message).toMatch(/^cannot write the file \(EACCES: .*\); the file is unchanged; its folder must be writable/);
    expect(outcomes[2]?.error?.message).toMatch(/^cannot write the file \(ENOSPC: .*\); the file is unchanged; free disk space/);
    expect(outcomes.filter((o) => o.status === 'error').every((o) => o.changes.length > 0 && o.changes.every((c) => !c.applied))).toBe(true);
    expect(readFileSync(files[1] as string, 'utf8')).toBe(loadThree);
    expect(readFileSync(files[2] as string, 'utf8')).toBe(loadThree);
    expect(readFileSync(files[3] as string, 'utf8')).toBe(loadThreeRewritten);
    expect(readdirSync(root).sort()).toEqual(['a.ts', 'denied.ts', 'full.ts', 'z.ts']);

    const { summarize } = await import('../src/report');
    expect(summarize(outcomes, root)).toMatchObject({ filesWritten: 2, filesErrored: 2 });
  });
});
