// The read must see what the write stored: both reach the cache directory `cache`.
export async function storeThenLookUp(cache: string, key: string, integrity: string) {
  const inserted = await index.insert(cache, key, integrity);
  const entry = await get.info(cache, key);
  return inserted === entry;
}
