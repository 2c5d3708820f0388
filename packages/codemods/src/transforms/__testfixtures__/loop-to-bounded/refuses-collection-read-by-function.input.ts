declare function load(id: string): Promise<string>;
declare function watch(read: () => number): void;

// A function can read the map while the loop runs: it would see it fill in another order.
export async function byId(ids: string[]) {
  const found = new Map<string, string>();
  watch(() => found.size);
  for (const id of ids) {
    found.set(id, await load(id));
  }
  return found;
}
