declare function readLocalFile(name: string): Promise<string | null>;
declare function load(id: string): Promise<{ id: string; tags: string[] }>;

// Keys written into a local object: each call returns its entry, and the object is filled in the
// order of the list once the map resolves, so its keys come in the loop's order.
export async function getLocalFiles(fileNames: string[]): Promise<Record<string, string | null>> {
  const fileContentMap: Record<string, string | null> = {};

  for (const fileName of fileNames) {
    fileContentMap[fileName] = await readLocalFile(fileName);
  }

  return fileContentMap;
}

// A Map and a Set: entries set and items added in list order, a repeated key's later value wins.
export async function byId(ids: string[]) {
  const found = new Map<string, string[]>();
  const tags = new Set<string>();
  for (const id of ids) {
    found.set(id, (await load(id)).tags);
  }
  for (const id of ids) {
    const item = await load(id);
    for (const tag of item.tags) tags.add(tag);
  }
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
  for (const [key, file] of Object.entries(lockFiles) as [keyof LockFiles, string][]) {
    const path = `${dir}/${file}`;
    if (await exists(path)) continue;
    lockFiles[key] = undefined;
  }
  return lockFiles;
}
