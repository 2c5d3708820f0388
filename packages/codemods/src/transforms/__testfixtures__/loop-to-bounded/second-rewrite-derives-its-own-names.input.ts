declare function load(id: string): Promise<{ id: string; name: string; ok: boolean }>;

// Two loops of one file collecting into collections of the same name: each rewrite names its call's
// array and batch after its own collection, whichever pass applies it.
export async function okNames(ids: string[]) {
  const names: string[] = [];
  for (const id of ids) {
    const item = await load(id);
    if (!item.ok) continue;
    names.push(item.name);
  }
  return names;
}

export async function failedNames(ids: string[]) {
  const names: string[] = [];
  for (const id of ids) {
    const item = await load(id);
    if (item.ok) continue;
    names.push(item.name);
  }
  return names;
}

// In the same function, the second loop's names would meet the first's only inside its own call.
export async function both(ids: string[], more: string[]) {
  const names: string[] = [];
  for (const id of ids) {
    const item = await load(id);
    if (!item.ok) continue;
    names.push(item.name);
  }
  for (const id of more) {
    const item = await load(id);
    if (!item.ok) continue;
    names.push(item.name);
  }
  return names;
}
