import { stat } from 'node:fs/promises';

declare function readLocalFile(name: string): Promise<string | null>;
declare function load(id: string): Promise<{ id: string; name: string; ok: boolean }>;

// The entries are named after what the loop writes: the key's name and the value's.
export async function sizesOf(files: string[]) {
  const sizes: Record<string, number> = {};
  for (const file of files) {
    const info = await stat(file);
    sizes[file] = info.size;
  }
  return sizes;
}

// A call's name without its verb: `readLocalFile` fetches a `localFile`.
export async function contentsOf(fileNames: string[]) {
  const contents = new Map<string, string | null>();
  for (const fileName of fileNames) {
    contents.set(fileName, await readLocalFile(fileName));
  }
  return contents;
}

// Where the key's name means something else in the loop (an outer `id` the body reads), the
// derived name would capture it: the generic one is used instead.
export async function byOwner(ids: string[], id: string) {
  const owners: Record<string, string> = {};
  for (const other of ids) {
    const item = await load(other);
    owners[item.id] = `${id}:${item.name}`;
  }
  return owners;
}

// A literal key and a computed value give no names.
export async function flags(ids: string[]) {
  const seen: Record<string, boolean> = {};
  for (const id of ids) {
    seen[`${id}!`] = (await load(id)).ok === true;
  }
  return seen;
}
