declare function load(id: string): Promise<string>;
declare function track(progress: Record<string, string>): void;

// One of the two collections is handed on before the loop: it could be read while the loop runs.
export async function tracked(ids: string[]) {
  const all: string[] = [];
  const byId: Record<string, string> = {};
  track(byId);
  for (const id of ids) {
    const value = await load(id);
    all.push(value);
    byId[id] = value;
  }
  return all;
}

// One of the two is a parameter: the caller may hold it and read it meanwhile.
export async function intoCallers(ids: string[], out: string[]) {
  const seen = new Set<string>();
  for (const id of ids) {
    seen.add(id);
    out.push(await load(id));
  }
  return seen;
}

// One of the two is returned by a function the body calls meanwhile.
export async function watched(ids: string[]) {
  const all: string[] = [];
  const names: string[] = [];
  const count = () => names.length;
  for (const id of ids) {
    all.push(await load(id));
    names.push(id);
  }
  return { all, count };
}
