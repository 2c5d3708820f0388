export function cached(cache, key) {
  if (cache.has(key)) return cache.get(key);
  return Promise.resolve(key).then((k) => k.toUpperCase());
}
