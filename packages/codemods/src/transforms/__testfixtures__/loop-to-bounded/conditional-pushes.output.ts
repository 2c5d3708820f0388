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
  for (const outBatch of await boundedMap(ids, 8, async (id) => {
    const newOut: Item[] = [];
    const item = await load(id);
    if (item.ok) newOut.push(item);
    return newOut;
  })) out.push(...outBatch);
  return out;
}

// Several pushes, in both branches and in an inner loop, with several items per push.
export async function labels(ids: string[]) {
  const labelled = [];
  for (const labelledBatch of await boundedMap(ids, 8, async (id) => {
    const newLabelled = [];
    const item = await load(id);
    if (item.ok) {
      for (const tag of item.tags) newLabelled.push(tag, id);
    } else {
      newLabelled.push(`-${id}`);
    }
    return newLabelled;
  })) labelled.push(...labelledBatch);
  return labelled;
}

// On one line, without semicolons inside.
export async function flags(ids: string[]) {
  const ok: string[] = [];
  for (const okBatch of await boundedMap(ids, 8, async (id) => { const newOk: string[] = []; if ((await load(id)).ok) newOk.push(id); return newOk; })) ok.push(...okBatch);
  return ok;
}
