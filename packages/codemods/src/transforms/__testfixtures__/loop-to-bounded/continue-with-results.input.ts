// A `continue` skips the push: each call returns what it pushed, none or one.
declare function load(id: string): Promise<string | null>;

export async function loadAll(ids: string[]) {
  const out: string[] = [];
  for (const id of ids) {
    if (id === '') continue;
    out.push((await load(id)) ?? '');
  }
  return out;
}
