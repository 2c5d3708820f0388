// A `continue` skips the push: each call returns what it pushed, none or one.
import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function load(id: string): Promise<string | null>;

export async function loadAll(ids: string[]) {
  const out: string[] = [];
  for (const outBatch of await boundedMap(ids, 8, async (id) => {
    const newOut: string[] = [];
    if (id === '') return newOut;
    newOut.push((await load(id)) ?? '');
    return newOut;
  })) out.push(...outBatch);
  return out;
}
