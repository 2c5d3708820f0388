export async function warm(cache, keys) {
  for (const key of keys) await cache.load(key);
}
