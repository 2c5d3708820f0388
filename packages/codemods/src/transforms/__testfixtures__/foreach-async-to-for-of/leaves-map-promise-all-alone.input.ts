declare function load(id: string): Promise<string>;

// Not a forEach: the promises are awaited, so there is nothing to convert.
export async function loadAll(ids: string[]) {
  return Promise.all(ids.map(async (id) => load(id)));
}
