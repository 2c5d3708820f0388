import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function readLocalFile(name: string): Promise<string | null>;
declare function load(id: string): Promise<{ id: string; tags: string[] }>;

// Keys written into a local object: each call returns its entry, and the object is filled in the
// order of the list once the map resolves, so its keys come in the loop's order.
export async function getLocalFiles(fileNames: string[]): Promise<Record<string, string | null>> {
  const fileContentMap: Record<string, string | null> = {};

  for (const [fileName, localFile] of await boundedMap(fileNames, 8, async (fileName) => [fileName, await readLocalFile(fileName)] as const)) fileContentMap[fileName] = localFile;

  return fileContentMap;
}

// A Map and a Set: entries set and items added in list order, a repeated key's later value wins.
export async function byId(ids: string[]) {
  const found = new Map<string, string[]>();
  const tags = new Set<string>();
  for (const [id, value] of await boundedMap(ids, 8, async (id) => [id, (await load(id)).tags] as const)) found.set(id, value);
  for (const tagsBatch of await boundedMap(ids, 8, async (id) => {
    const newTags: Parameters<typeof tags.add>[0][] = [];
    const item = await load(id);
    for (const tag of item.tags) newTags.push(tag);
    return newTags;
  })) for (const tag of tagsBatch) tags.add(tag);
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
  for (const lockFilesBatch of await boundedMap(Object.entries(lockFiles) as [keyof LockFiles, string][], 8, async ([key, file]) => {
    const lockFilesEntries: [keyof typeof lockFiles, (typeof lockFiles)[keyof typeof lockFiles]][] = [];
    const path = `${dir}/${file}`;
    if (await exists(path)) return lockFilesEntries;
    lockFilesEntries.push([key, undefined]);
    return lockFilesEntries;
  })) for (const [key, value] of lockFilesBatch) lockFiles[key] = value;
  return lockFiles;
}
