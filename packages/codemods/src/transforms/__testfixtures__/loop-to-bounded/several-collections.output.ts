import { boundedMap } from '../../../lib/asyncwise-limit.js';
interface Resources {
  readonly file: string;
  readonly repositories: string[];
}
declare function readLocalFile(file: string): Promise<string | null>;
declare function parseResources(content: string, file: string): Resources;
declare function load(id: string): Promise<{ id: string; name: string; ok: boolean }>;

// Two arrays filled in one loop: each call collects both, and both are filled in the order of the
// files once the map resolves.
export async function extractAll(files: string[]) {
  const allRepositories: string[] = [];
  const resourceFiles: Resources[] = [];
  for (const [allRepositoriesBatch, resourceFilesBatch] of await boundedMap(files, 8, async (file) => {
    const newAllRepositories: string[] = [];
    const newResourceFiles: Resources[] = [];
    const content = await readLocalFile(file);
    if (content !== null) {
      const resources = parseResources(content, file);
      newAllRepositories.push(...resources.repositories);
      newResourceFiles.push(resources);
    }
    return [newAllRepositories, newResourceFiles] as const;
  })) {
    allRepositories.push(...allRepositoriesBatch);
    resourceFiles.push(...resourceFilesBatch);
  }
  return { allRepositories, resourceFiles };
}

// A push, a key and a Map entry, with a `continue` that ends the call with what it collected.
export async function index(ids: string[]) {
  const names: string[] = [];
  const byId: Record<string, string> = {};
  const failed = new Map<string, boolean>();
  for (const [failedBatch, namesBatch, byIdBatch] of await boundedMap(ids, 8, async (id) => {
    const failedEntries: Parameters<typeof failed.set>[] = [];
    const newNames: string[] = [];
    const byIdEntries: [keyof typeof byId, (typeof byId)[keyof typeof byId]][] = [];
    const collected = [failedEntries, newNames, byIdEntries] as const;
    const item = await load(id);
    failedEntries.push([id, !item.ok]);
    if (!item.ok) return collected;
    newNames.push(item.name);
    byIdEntries.push([item.id, item.name]);
    return collected;
  })) {
    for (const [id, value] of failedBatch) failed.set(id, value);
    names.push(...namesBatch);
    for (const [id, name] of byIdBatch) byId[id] = name;
  }
  return { names, byId, failed };
}

// An item added before the await and a push after it.
export async function added(paths: string[]) {
  const seen = new Set<string>();
  const res: { path: string; contents: string | null }[] = [];
  for (const [seenBatch, resBatch] of await boundedMap(paths, 8, async (path) => {
    const newSeen: Parameters<typeof seen.add>[0][] = [];
    const newRes: { path: string; contents: string | null }[] = [];
    newSeen.push(path);
    newRes.push({ path, contents: await readLocalFile(path) });
    return [newSeen, newRes] as const;
  })) {
    for (const path of seenBatch) seen.add(path);
    res.push(...resBatch);
  }
  return { seen, res };
}
