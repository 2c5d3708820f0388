interface Item {
  id: string;
  ok: boolean;
  tags: string[];
}
declare function load(id: string): Promise<Item>;

// A push in a branch: each call collects what it would have pushed, and the lists are pushed in
// the order of the ids once every call is done.
export async function okItems(ids: string[]): Promise<Item[]> {
  const out: Item[] = [];
  for (const id of ids) {
    const item = await load(id);
    if (item.ok) out.push(item);
  }
  return out;
}

// Several pushes, in both branches and in an inner loop, with several items per push.
export async function labels(ids: string[]) {
  const labelled = [];
  for (const id of ids) {
    const item = await load(id);
    if (item.ok) {
      for (const tag of item.tags) labelled.push(tag, id);
    } else {
      labelled.push(`-${id}`);
    }
  }
  return labelled;
}

// On one line, without semicolons inside.
export async function flags(ids: string[]) {
  const ok: string[] = [];
  for (const id of ids) { if ((await load(id)).ok) ok.push(id) }
  return ok;
}
