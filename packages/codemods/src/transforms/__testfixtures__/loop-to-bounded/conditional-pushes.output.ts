import { boundedMap } from '../../../lib/asyncwise-limit.js';
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
  for (const batch of await boundedMap(ids, 8, async (id) => {
    const found: Item[] = [];
    const item = await load(id);
    if (item.ok) found.push(item);
    return found;
  })) out.push(...batch);
  return out;
}

// Several pushes, in both branches and in an inner loop, with several items per push.
export async function labels(ids: string[]) {
  const labelled = [];
  for (const chunk of await boundedMap(ids, 8, async (id) => {
    const collected = [];
    const item = await load(id);
    if (item.ok) {
      for (const tag of item.tags) collected.push(tag, id);
    } else {
      collected.push(`-${id}`);
    }
    return collected;
  })) labelled.push(...chunk);
  return labelled;
}

// On one line, without semicolons inside.
export async function flags(ids: string[]) {
  const ok: string[] = [];
  for (const chunk of await boundedMap(ids, 8, async (id) => { const collected: string[] = []; if ((await load(id)).ok) collected.push(id); return collected; })) ok.push(...chunk);
  return ok;
}
