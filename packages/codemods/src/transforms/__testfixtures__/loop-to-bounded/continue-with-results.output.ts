// A `continue` skips the push: each call returns what it pushed, none or one.
import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function load(id: string): Promise<string | null>;

export async function loadAll(ids: string[]) {
  const out: string[] = [];
  for (const batch of await boundedMap(ids, 8, async (id) => {
    const found: string[] = [];
    if (id === '') return found;
    found.push((await load(id)) ?? '');
    return found;
  })) out.push(...batch);
  return out;
}
