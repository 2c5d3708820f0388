import { boundedMap } from '../../../lib/asyncwise-limit.js';
export async function warm(cache, keys) {
  await boundedMap(keys, 8, async (key) => { await cache.load(key); });
}
