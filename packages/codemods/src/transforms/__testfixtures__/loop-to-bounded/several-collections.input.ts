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
  for (const file of files) {
    const content = await readLocalFile(file);
    if (content !== null) {
      const resources = parseResources(content, file);
      allRepositories.push(...resources.repositories);
      resourceFiles.push(resources);
    }
  }
  return { allRepositories, resourceFiles };
}

// A push, a key and a Map entry, with a `continue` that ends the call with what it collected.
export async function index(ids: string[]) {
  const names: string[] = [];
  const byId: Record<string, string> = {};
  const failed = new Map<string, boolean>();
  for (const id of ids) {
    const item = await load(id);
    failed.set(id, !item.ok);
    if (!item.ok) continue;
    names.push(item.name);
    byId[item.id] = item.name;
  }
  return { names, byId, failed };
}

// An item added before the await and a push after it.
export async function added(paths: string[]) {
  const seen = new Set<string>();
  const res: { path: string; contents: string | null }[] = [];
  for (const path of paths) {
    seen.add(path);
    res.push({ path, contents: await readLocalFile(path) });
  }
  return { seen, res };
}
