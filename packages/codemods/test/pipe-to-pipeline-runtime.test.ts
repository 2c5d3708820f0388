// pipe-to-pipeline's rewrites run for real: the original module and the rewritten one are written to a
// temp folder, imported, and given the same files, so what they resolve and when is seen, not assumed.
import { readFileSync, writeFileSync } from 'node:fs';
import { finished, pipeline } from 'node:stream/promises';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../src/transforms/pipe-to-pipeline';
import { removeTempProjects, tempProject } from './helpers';

afterAll(removeTempProjects);

/** The original and the rewritten module, imported from a temp folder; fails when the codemod changed nothing. */
async function bothForms(source: string): Promise<{ dir: string; before: Record<string, (...args: unknown[]) => Promise<unknown>>; after: Record<string, (...args: unknown[]) => Promise<unknown>>; output: string }> {
  const { output, changes } = run(source, 'module.mjs', { level: 'review' });
  expect(changes.filter((c) => c.applied)).not.toEqual([]);
  const dir = tempProject({ 'before.mjs': source, 'after.mjs': output });
  return {
    dir,
    before: (await import(pathToFileURL(path.join(dir, 'before.mjs')).href)) as never,
    after: (await import(pathToFileURL(path.join(dir, 'after.mjs')).href)) as never,
    output,
  };
}

/** Many chunks, so a value the streams change is changed over many turns of the event loop. */
function bigFile(dir: string): { file: string; size: number } {
  const file = path.join(dir, 'input.txt');
  const text = 'x'.repeat(64 * 1024 * 5 + 17);
  writeFileSync(file, text);
  return { file, size: text.length };
}

describe('a new Promise resolving a value on finish', () => {
  // A counter a Transform raises chunk by chunk: read at the start it would be 0, read early a part.
  const counting = `import fs from 'node:fs';
import { Transform } from 'node:stream';

export async function copyCounted(src, dst) {
  let bytes = 0;
  const count = new Transform({ transform(chunk, _enc, next) { bytes += chunk.length; next(null, chunk); } });
  return new Promise((resolve, reject) => {
    fs.createReadStream(src).pipe(count).pipe(fs.createWriteStream(dst)).on('error', reject).on('finish', () => resolve(bytes));
  });
}

export async function copyCountedLater(src, dst) {
  let bytes = 0;
  const count = new Transform({ transform(chunk, _enc, next) { bytes += chunk.length; next(null, chunk); } });
  const copied = new Promise((resolve, reject) => {
    fs.createReadStream(src).pipe(count).pipe(fs.createWriteStream(dst)).on('error', reject).on('finish', () => resolve({ bytes }));
  });
  return copied;
}
`;

  it('reads the value once the last stream finished, in the return form and the .then form', async () => {
    const { dir, before, after, output } = await bothForms(counting);
    expect(output).toContain('  await pipeline(fs.createReadStream(src), count, fs.createWriteStream(dst));\n  return bytes;\n');
    expect(output).toContain('const copied = pipeline(fs.createReadStream(src), count, fs.createWriteStream(dst)).then(() => ({ bytes }));');
    const { file, size } = bigFile(dir);
    for (const module of [before, after]) {
      expect(await module.copyCounted?.(file, path.join(dir, 'out-1.txt'))).toBe(size);
      expect(await module.copyCountedLater?.(file, path.join(dir, 'out-2.txt'))).toEqual({ bytes: size });
      expect(readFileSync(path.join(dir, 'out-1.txt'), 'utf8').length).toBe(size);
    }
  });

  it('rejects when the destination cannot be opened in both forms, and on a missing source once rewritten', async () => {
    const { dir, before, after } = await bothForms(counting);
    const { file } = bigFile(dir);
    for (const module of [before, after]) {
      await expect(module.copyCounted?.(file, path.join(dir, 'no-such-folder', 'out.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    }
    // The original listened only on the destination: a missing source was an uncaught exception there.
    await expect(after.copyCounted?.(path.join(dir, 'missing.txt'), path.join(dir, 'out-3.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('error listeners added by statements on the streams\' names', () => {
  const packing = `import fs from 'node:fs';
import zlib from 'node:zlib';

export async function pack(src, dst, log) {
  const onError = (err) => log.push(err.code);
  const input = fs.createReadStream(src);
  const output = fs.createWriteStream(dst);
  input.on('error', onError);
  output.on('error', onError);
  input.pipe(zlib.createGzip()).pipe(output);
}
`;

  it('hand a stream\'s error to the same handler once the statements went with the chain', async () => {
    const { dir, before, after, output } = await bothForms(packing);
    expect(output).not.toContain(".on('error'");
    const { file } = bigFile(dir);
    for (const [name, module] of [['before', before], ['after', after]] as const) {
      const log: string[] = [];
      await module.pack?.(path.join(dir, 'missing.txt'), path.join(dir, `${name}-missing.gz`), log);
      // The original returned at once and its listener runs once the open fails; the rewritten one has run it when it returns.
      if (name === 'after') expect(log).toEqual(['ENOENT']);
      await vi.waitFor(() => expect(log).toEqual(['ENOENT']));
    }
    // The rewritten pack returns once the file is written; the original's is gunzipped after it finished.
    const log: string[] = [];
    await after.pack?.(file, path.join(dir, 'after.gz'), log);
    expect(log).toEqual([]);
    expect(zlib.gunzipSync(readFileSync(path.join(dir, 'after.gz'))).length).toBe(readFileSync(file).length);
  });
});

describe("Node's pipeline and a file stream's close", () => {
  it('settles only after the write stream emitted close (its descriptor is released)', async () => {
    const dir = tempProject({});
    const events: string[] = [];
    const out = fs.createWriteStream(path.join(dir, 'closed.txt'));
    out.on('finish', () => events.push('finish'));
    out.on('close', () => events.push(`close closed=${String(out.closed)}`));
    await pipeline(Readable.from(['a', 'b', 'c']), out);
    events.push(`resolved closed=${String(out.closed)}`);
    expect(events).toEqual(['finish', 'close closed=true', 'resolved closed=true']);
  });

  it('with .pipe(), a write stream that fails to open emits close after its error, where pipeline rejects', async () => {
    const dir = tempProject({});
    const events: string[] = [];
    const out = fs.createWriteStream(path.join(dir, 'no-such-folder', 'x.txt'));
    out.on('error', (err: NodeJS.ErrnoException) => events.push(`error ${String(err.code)}`));
    out.on('close', () => events.push('close'));
    Readable.from(['a']).pipe(out);
    await finished(out).catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['error ENOENT', 'close']);
  });

  const closing = `import fs from 'node:fs';
import zlib from 'node:zlib';

export async function pack(a, b, log) {
  fs.createReadStream(a).pipe(zlib.createGzip()).pipe(fs.createWriteStream(b)).on('close', () => {
    log(b);
  });
}
`;

  it("runs a moved close body once the file is complete and closed, as the listener did", async () => {
    const { dir, before, after, output } = await bothForms(closing);
    expect(output).toContain('  await pipeline(fs.createReadStream(a), zlib.createGzip(), fs.createWriteStream(b));\n  log(b);\n');
    const { file, size } = bigFile(dir);
    for (const [name, module] of [['before', before], ['after', after]] as const) {
      // What the body sees of the file when it runs: all of it, readable by another open.
      const seen: number[] = [];
      const target = path.join(dir, `${name}.gz`);
      await module.pack?.(file, target, (written: string) => seen.push(zlib.gunzipSync(readFileSync(written)).length));
      if (name === 'after') expect(seen).toEqual([size]);
      await vi.waitFor(() => expect(seen).toEqual([size]));
    }
  });
});

/** A few turns of the event loop: enough for every stream event the test caused to be emitted. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('a download wrapper that makes its destination and listens by statements', () => {
  const saving = `import fs from 'node:fs';

export async function save(response, dest) {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(dest);
    response.pipe(out);
    out.on('close', () => resolve(dest));
    out.on('error', reject);
  });
}
`;

  /** A source that has sent one chunk; the test ends it, fails it or drops it. Its own listener keeps its error from being uncaught. */
  function source(): PassThrough {
    const stream = new PassThrough();
    stream.on('error', () => undefined);
    stream.write('partial ');
    return stream;
  }

  it('becomes the declaration, the awaited pipeline and the value, and resolves it once the file is closed', async () => {
    const { dir, before, after, output } = await bothForms(saving);
    expect(output).toContain('  const out = fs.createWriteStream(dest);\n  await pipeline(response, out);\n  return dest;\n}');
    for (const [name, module] of [['before', before], ['after', after]] as const) {
      const dest = path.join(dir, `${name}.txt`);
      const stream = source();
      const saved = module.save?.(stream, dest);
      stream.end('and the rest');
      expect(await saved).toBe(dest);
      expect(readFileSync(dest, 'utf8')).toBe('partial and the rest');
    }
  });

  it('rejects in both forms when the destination cannot be opened', async () => {
    const { dir, before, after } = await bothForms(saving);
    for (const module of [before, after]) {
      await expect(module.save?.(source(), path.join(dir, 'no-such-folder', 'x.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    }
  });

  it('when the source fails, the original never settles and leaves the file open; the rewrite rejects and destroys it', async () => {
    const { dir, before, after } = await bothForms(saving);
    const states: Record<string, string> = {};
    const opened: fs.WriteStream[] = [];
    const spy = vi.spyOn(fs, 'createWriteStream');
    for (const [name, module] of [['before', before], ['after', after]] as const) {
      const stream = source();
      const saved = module.save?.(stream, path.join(dir, `failed-${name}.txt`));
      let state = 'pending';
      saved?.then(() => (state = 'resolved'), (err: NodeJS.ErrnoException) => (state = `rejected ${String(err.code)}`));
      await settle();
      stream.destroy(Object.assign(new Error('connection reset'), { code: 'ECONNRESET' }));
      await settle();
      const out = spy.mock.results.at(-1)?.value as fs.WriteStream;
      opened.push(out);
      states[name] = `${state}, destination destroyed=${String(out.destroyed)}`;
    }
    spy.mockRestore();
    expect(states).toEqual({ before: 'pending, destination destroyed=false', after: 'rejected ECONNRESET, destination destroyed=true' });
    for (const out of opened) out.destroy();
  });

  it('when the source closes before its end, the original never settles; the rewrite rejects with a premature close', async () => {
    const { dir, before, after } = await bothForms(saving);
    const dropped = source();
    let state = 'pending';
    void before.save?.(dropped, path.join(dir, 'dropped-before.txt')).then(() => (state = 'resolved'), () => (state = 'rejected'));
    await settle();
    dropped.destroy();
    await settle();
    expect(state).toBe('pending');
    const again = source();
    const saved = after.save?.(again, path.join(dir, 'dropped-after.txt'));
    await settle();
    again.destroy();
    await expect(saved).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });
});

describe('a file stream made with autoClose or emitClose false', () => {
  it.each([[{ autoClose: false }], [{ emitClose: false }]])('%o: pipeline settles on finish, and close is never emitted', async (options) => {
    const dir = tempProject({});
    const events: string[] = [];
    const out = fs.createWriteStream(path.join(dir, 'open.txt'), options);
    out.on('finish', () => events.push('finish'));
    out.on('close', () => events.push('close'));
    await pipeline(Readable.from(['a']), out);
    events.push('resolved');
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['finish', 'resolved']);
    out.destroy();
  });
});

describe('a wrapper that closes the file in its finish listener', () => {
  const closing = `import fs from 'node:fs';

export async function save(response, dest) {
  await new Promise((resolve, reject) => {
    const file = fs.createWriteStream(dest);
    response.pipe(file);
    file.on('finish', () => file.close(resolve));
    file.on('error', reject);
  });
}

export async function saveAs(response, dest) {
  return new Promise((resolve, reject) => {
    const file = fs.createWriteStream(dest);
    response.pipe(file);
    file.on('finish', () => {
      file.close();
      resolve(dest);
    });
    file.on('error', reject);
  });
}
`;

  it('settles once the file is written; close(resolve) and pipeline both once it is closed, close() then resolve() before', async () => {
    const { dir, before, after, output } = await bothForms(closing);
    expect(output).not.toContain('close');
    const spy = vi.spyOn(fs, 'createWriteStream');
    const seen: Record<string, string> = {};
    for (const [name, module] of [['before', before], ['after', after]] as const) {
      for (const fn of ['save', 'saveAs'] as const) {
        const dest = path.join(dir, `${name}-${fn}.txt`);
        const settled = module[fn]?.(Readable.from(['a', 'b', 'c']), dest);
        const file = spy.mock.results.at(-1)?.value as fs.WriteStream;
        const value = await settled;
        seen[`${name} ${fn}`] = `${String(value === dest ? 'dest' : value)}, ${readFileSync(dest, 'utf8')}, closed=${String(file.closed)}`;
      }
    }
    spy.mockRestore();
    expect(seen).toEqual({
      'before save': 'undefined, abc, closed=true',
      'before saveAs': 'dest, abc, closed=false',
      'after save': 'undefined, abc, closed=true',
      'after saveAs': 'dest, abc, closed=true',
    });
  });
});

/** A response whose body has sent one chunk; the test ends it or fails it. Its own listener keeps its error from being uncaught. */
function response(): { data: PassThrough } {
  const data = new PassThrough();
  data.on('error', () => undefined);
  data.write('partial ');
  return { data };
}

describe('a pipe followed by a new Promise that only listens on the destination (the axios download shape)', () => {
  const downloading = `import fs from 'node:fs';

export async function download(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.data.pipe(writer);
  return new Promise((resolve, reject) => {
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}

export async function downloadTo(response, dest) {
  const writer = fs.createWriteStream(dest);
  const done = new Promise((resolve, reject) => {
    writer.on('close', () => resolve(dest)).on('error', reject);
  });
  response.data.pipe(writer);
  return done;
}
`;

  it('becomes the awaited pipeline (and the value), and resolves what the original did with the file written', async () => {
    const { dir, before, after, output } = await bothForms(downloading);
    expect(output).toContain('  const writer = fs.createWriteStream(dest);\n  await pipeline(response.data, writer);\n}');
    expect(output).toContain('  await pipeline(response.data, writer);\n  return dest;\n}');
    for (const [name, module] of [['before', before], ['after', after]] as const) {
      for (const fn of ['download', 'downloadTo'] as const) {
        const dest = path.join(dir, `${name}-${fn}.txt`);
        const res = response();
        const saved = module[fn]?.(res, dest);
        res.data.end('and the rest');
        expect(await saved).toBe(fn === 'download' ? undefined : dest);
        expect(readFileSync(dest, 'utf8')).toBe('partial and the rest');
      }
    }
  });

  it('resolving on finish, the original settled before the file was closed; the rewrite once it is', async () => {
    const { dir, before, after } = await bothForms(downloading);
    const spy = vi.spyOn(fs, 'createWriteStream');
    const closed: Record<string, boolean> = {};
    for (const [name, module] of [['before', before], ['after', after]] as const) {
      const saved = module.download?.({ data: Readable.from(['a', 'b']) }, path.join(dir, `closing-${name}.txt`));
      const writer = spy.mock.results.at(-1)?.value as fs.WriteStream;
      await saved;
      closed[name] = writer.closed;
    }
    spy.mockRestore();
    expect(closed).toEqual({ before: false, after: true });
  });

  it('rejects in both forms when the destination cannot be opened', async () => {
    const { dir, before, after } = await bothForms(downloading);
    for (const module of [before, after]) {
      for (const fn of ['download', 'downloadTo'] as const) {
        await expect(module[fn]?.(response(), path.join(dir, 'no-such-folder', 'x.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
      }
    }
  });

  it('when the response fails, the original never settles and leaves the file open; the rewrite rejects and destroys it', async () => {
    const { dir, before, after } = await bothForms(downloading);
    const states: Record<string, string> = {};
    const opened: fs.WriteStream[] = [];
    const spy = vi.spyOn(fs, 'createWriteStream');
    for (const [name, module] of [['before', before], ['after', after]] as const) {
      for (const fn of ['download', 'downloadTo'] as const) {
        const res = response();
        const saved = module[fn]?.(res, path.join(dir, `failed-${name}-${fn}.txt`));
        let state = 'pending';
        saved?.then(() => (state = 'resolved'), (err: NodeJS.ErrnoException) => (state = `rejected ${String(err.code)}`));
        await settle();
        res.data.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        await settle();
        const writer = spy.mock.results.at(-1)?.value as fs.WriteStream;
        opened.push(writer);
        states[`${name} ${fn}`] = `${state}, file destroyed=${String(writer.destroyed)}`;
      }
    }
    spy.mockRestore();
    expect(states).toEqual({
      'before download': 'pending, file destroyed=false',
      'before downloadTo': 'pending, file destroyed=false',
      'after download': 'rejected ECONNRESET, file destroyed=true',
      'after downloadTo': 'rejected ECONNRESET, file destroyed=true',
    });
    for (const writer of opened) writer.destroy();
  });
});

describe("Node's pipeline and the close of a Writable that is not a file", () => {
  // Why `close` counts only for a catalogued file stream: whether it comes depends on options the stream was made with elsewhere.
  it.each([
    [{}, ['finish', 'close', 'resolved']],
    [{ emitClose: false }, ['finish', 'resolved']],
    [{ autoDestroy: false }, ['finish', 'resolved']],
  ])('%o: pipeline settles after %o', async (options, expected) => {
    const events: string[] = [];
    const sink = new Writable({ ...options, write: (_chunk, _encoding, next) => next() });
    sink.on('finish', () => events.push('finish'));
    sink.on('close', () => events.push('close'));
    await pipeline(Readable.from(['a']), sink);
    events.push('resolved');
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(expected);
  });
});

describe("the axios docs' download helper, with its error flag", () => {
  const flagged = `import fs from 'node:fs';

export async function download(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.data.pipe(writer);
  return new Promise((resolve, reject) => {
    let error = null;
    writer.on('error', (err) => {
      error = err;
      writer.close();
      reject(err);
    });
    writer.on('close', () => {
      if (!error) resolve(true);
    });
  });
}
`;

  /** How `download` settled, what the file holds and whether it is closed, for the original and the rewrite. */
  async function outcomes(run: (module: Record<string, (...args: unknown[]) => Promise<unknown>>, name: string) => Promise<string>): Promise<Record<string, string>> {
    const { before, after, output } = await bothForms(flagged);
    expect(output).toContain('  const writer = fs.createWriteStream(dest);\n  await pipeline(response.data, writer);\n  return true;\n}');
    return { before: await run(before, 'before'), after: await run(after, 'after') };
  }

  it('on success resolves true in both forms, once the file is written and closed', async () => {
    const dir = tempProject({});
    const spy = vi.spyOn(fs, 'createWriteStream');
    const seen = await outcomes(async (module, name) => {
      const dest = path.join(dir, `${name}.txt`);
      const res = response();
      const saved = module.download?.(res, dest);
      const writer = spy.mock.results.at(-1)?.value as fs.WriteStream;
      res.data.end('and the rest');
      const value = await saved;
      return `${String(value)}, ${readFileSync(dest, 'utf8')}, closed=${String(writer.closed)}`;
    });
    spy.mockRestore();
    expect(seen).toEqual({ before: 'true, partial and the rest, closed=true', after: 'true, partial and the rest, closed=true' });
  });

  it('when the file cannot be opened rejects with its error in both forms, the stream closed and nothing thrown by its close()', async () => {
    const dir = tempProject({});
    const spy = vi.spyOn(fs, 'createWriteStream');
    const seen = await outcomes(async (module) => {
      const saved = module.download?.(response(), path.join(dir, 'no-such-folder', 'x.txt'));
      const writer = spy.mock.results.at(-1)?.value as fs.WriteStream;
      const state = await saved?.then(
        (value) => `resolved ${String(value)}`,
        (err: NodeJS.ErrnoException) => `rejected ${String(err.code)}`,
      );
      await settle();
      return `${String(state)}, destroyed=${String(writer.destroyed)}, closed=${String(writer.closed)}`;
    });
    spy.mockRestore();
    expect(seen).toEqual({ before: 'rejected ENOENT, destroyed=true, closed=true', after: 'rejected ENOENT, destroyed=true, closed=true' });
  });

  it('when the response fails, the original never settles and leaves the file open; the rewrite rejects and closes it', async () => {
    const dir = tempProject({});
    const spy = vi.spyOn(fs, 'createWriteStream');
    const seen = await outcomes(async (module, name) => {
      const res = response();
      let state = 'pending';
      module.download?.(res, path.join(dir, `failed-${name}.txt`)).then(
        (value) => (state = `resolved ${String(value)}`),
        (err: NodeJS.ErrnoException) => (state = `rejected ${String(err.code)}`),
      );
      const writer = spy.mock.results.at(-1)?.value as fs.WriteStream;
      await settle();
      res.data.destroy(Object.assign(new Error('connection reset'), { code: 'ECONNRESET' }));
      await settle();
      const result = `${state}, destroyed=${String(writer.destroyed)}`;
      writer.destroy();
      return result;
    });
    spy.mockRestore();
    expect(seen).toEqual({ before: 'pending, destroyed=false', after: 'rejected ECONNRESET, destroyed=true' });
  });
});
