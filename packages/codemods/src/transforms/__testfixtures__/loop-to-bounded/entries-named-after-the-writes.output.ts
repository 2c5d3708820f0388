import { stat } from 'node:fs/promises';
import { boundedMap } from '../../../lib/asyncwise-limit.js';

declare function readLocalFile(name: string): Promise<string | null>;
declare function load(id: string): Promise<{ id: string; name: string; ok: boolean }>;

// The entries are named after what the loop writes: the key's name and the value's.
export async function sizesOf(files: string[]) {
  const sizes: Record<string, number> = {};
  for (const [file, size] of await boundedMap(files, 8, async (file) => {
    const info = await stat(file);
    return [file, info.size] as const;
  })) sizes[file] = size;
  return sizes;
}

// A call's name without its verb: `readLocalFile` fetches a `localFile`.
export async function contentsOf(fileNames: string[]) {
  const contents = new Map<string, string | null>();
  for (const [fileName, localFile] of await boundedMap(fileNames, 8, async (fileName) => [fileName, await readLocalFile(fileName)] as const)) contents.set(fileName, localFile);
  return contents;
}

// Where the key's name means something else in the loop (an outer `id` the body reads), the
// derived name would capture it: the generic one is used instead.
export async function byOwner(ids: string[], id: string) {
  const owners: Record<string, string> = {};
  for (const [key, value] of await boundedMap(ids, 8, async (other) => {
    const item = await load(other);
    return [item.id, `${id}:${item.name}`] as const;
  })) owners[key] = value;
  return owners;
}

// A literal key and a computed value give no names.
export async function flags(ids: string[]) {
  const seen: Record<string, boolean> = {};
  for (const [key, value] of await boundedMap(ids, 8, async (id) => [`${id}!`, (await load(id)).ok === true] as const)) seen[key] = value;
  return seen;
}
