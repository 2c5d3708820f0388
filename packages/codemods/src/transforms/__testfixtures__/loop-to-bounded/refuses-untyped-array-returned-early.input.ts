declare function load(id: string): Promise<{ name: string; ok: boolean }>;

// TypeScript types `names` from its pushes; the array a call returns at the `continue`, before any
// push, would have no type, so the loop stays as it is until `names` declares one.
export async function okNames(ids: string[]) {
  const names = [];
  const byId: Record<string, boolean> = {};
  for (const id of ids) {
    const item = await load(id);
    byId[id] = item.ok;
    if (!item.ok) continue;
    names.push(item.name);
  }
  return { names, byId };
}
