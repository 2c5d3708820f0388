declare function load(id: string): Promise<string>;

export async function byId(ids: string[]) {
  const found = new Map<string, string>();
  for (const id of ids) {
    found.set(id, await load(id));
  }
  return found;
}
