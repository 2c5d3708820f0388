import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function readLocalFile(name: string): Promise<string | null>;
declare function load(id: string): Promise<{ id: string; tags: string[] }>;

// Keys written into a local object: each call returns its entry, and the object is filled in the
// order of the list once the map resolves, so its keys come in the loop's order.
export async function getLocalFiles(fileNames: string[]): Promise<Record<string, string | null>> {
  const fileContentMap: Record<string, string | null> = {};

  for (const batch of await boundedMap(fileNames, 8, async (fileName) => {
    const collected = [];
    collected.push([fileName, await readLocalFile(fileName)] as const);
    return collected;
  })) for (const [k, result] of batch) fileContentMap[k] = result;

  return fileContentMap;
}

// A Map and a Set: entries set and items added in list order, a repeated key's later value wins.
export async function byId(ids: string[]) {
  const found = new Map<string, string[]>();
  const tags = new Set<string>();
  for (const chunk of await boundedMap(ids, 8, async (id) => {
    const gathered: Parameters<typeof found.set>[] = [];
    gathered.push([id, (await load(id)).tags]);
    return gathered;
  })) for (const [entryKey, v] of chunk) found.set(entryKey, v);
  for (const chunk of await boundedMap(ids, 8, async (id) => {
    const gathered: Parameters<typeof tags.add>[0][] = [];
    const item = await load(id);
    for (const tag of item.tags) gathered.push(tag);
    return gathered;
  })) for (const element of chunk) tags.add(element);
  return { found, tags };
}

// Typed lock files: a `continue` returns the call's array before anything is pushed, so it is
// declared with the object's own key and value types.
interface LockFiles {
  yarnLock?: string | undefined;
  packageLock?: string | undefined;
}
declare function exists(path: string): Promise<boolean>;
export async function lockFilesOf(dir: string) {
  const lockFiles: LockFiles = { yarnLock: 'yarn.lock', packageLock: 'package-lock.json' };
  for (const chunk of await boundedMap(Object.entries(lockFiles) as [keyof LockFiles, string][], 8, async ([key, file]) => {
    const gathered: [keyof typeof lockFiles, (typeof lockFiles)[keyof typeof lockFiles]][] = [];
    const path = `${dir}/${file}`;
    if (await exists(path)) return gathered;
    gathered.push([key, undefined]);
    return gathered;
  })) for (const [entryKey, v] of chunk) lockFiles[entryKey] = v;
  return lockFiles;
}
