import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutcomeCache } from '../src/cache';
import type { FileOutcome } from '../src/migrate';
import { removeTempProjects, tempProject } from './helpers';

afterEach(removeTempProjects);

const unchanged = (file: string): FileOutcome => ({ file, status: 'unchanged', changes: [], refusals: [], written: false });

/** A clock far enough ahead that every file on disk is older than the racy window. */
const later = () => Date.now() + 60_000;

async function cacheWith(location: string, file: string, now?: () => number): Promise<OutcomeCache> {
  const cache = await OutcomeCache.load(location, 'settings', now);
  expect(await cache.get(file)).toBeUndefined();
  cache.record(unchanged(file));
  await cache.save();
  return OutcomeCache.load(location, 'settings', now);
}

describe('OutcomeCache', () => {
  it("takes a file whose metadata is that of its hash from the cache, and keeps the stamp it was hashed with", async () => {
    const root = tempProject({ 'a.ts': 'export const a = 1;\n' });
    const file = path.join(root, 'a.ts');
    const location = path.join(root, '.asyncwise-cache');
    const cache = await cacheWith(location, file, later);
    cache.prefetch(file);
    expect(await cache.get(file)).toEqual(unchanged(file));
    expect(cache.hits).toBe(1);
    const saved = JSON.parse(readFileSync(location, 'utf8')) as { version: number; files: Record<string, { stamp: Record<string, unknown> }> };
    expect(saved.version).toBe(2);
    const stats = statSync(file, { bigint: true });
    expect(saved.files[file]?.stamp).toMatchObject({ size: `${stats.size}`, ino: `${stats.ino}`, mtimeNs: `${stats.mtimeNs}`, ctimeNs: `${stats.ctimeNs}` });
  });

  it('analyses a file again when its bytes changed though its size and modification time were put back', async () => {
    const root = tempProject({ 'a.ts': 'export const a = 1;\n' });
    const file = path.join(root, 'a.ts');
    const { atime, mtime } = statSync(file);
    const cache = await cacheWith(path.join(root, '.asyncwise-cache'), file, later);
    // Past the file system's clock tick (a few ms), as any edit a racy window does not cover is.
    await new Promise((resolve) => setTimeout(resolve, 50));
    writeFileSync(file, 'export const a = 2;\n');
    // What a tool restoring time stamps does: only the change time, which no program can set, still differs.
    utimesSync(file, atime, mtime);
    expect(await cache.get(file)).toBeUndefined();
    expect(cache.hits).toBe(0);
  });

  it('compares the bytes of a file modified within the racy window, however its metadata reads', async () => {
    const root = tempProject({ 'a.ts': 'export const a = 1;\n' });
    const file = path.join(root, 'a.ts');
    // The real clock: the file was written just now, so its stamp is not trusted and its bytes decide.
    const cache = await cacheWith(path.join(root, '.asyncwise-cache'), file);
    expect(await cache.get(file)).toEqual(unchanged(file));
    const again = await cacheWith(path.join(root, 'other-cache'), file);
    writeFileSync(file, 'export const a = 2;\n');
    expect(await again.get(file)).toBeUndefined();
  });

  it('reports nothing from the cache for a file that is gone, so its analysis reports why', async () => {
    const root = tempProject({ 'a.ts': 'export const a = 1;\n' });
    const cache = await OutcomeCache.load(path.join(root, '.asyncwise-cache'), 'settings');
    const missing = path.join(root, 'missing.ts');
    cache.prefetch(missing);
    expect(await cache.get(missing)).toBeUndefined();
  });
});
