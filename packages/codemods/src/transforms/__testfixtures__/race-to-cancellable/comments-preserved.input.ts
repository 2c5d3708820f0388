export async function loadCatalog(primary: string, mirror: string) {
  // Whichever answers first wins.
  const catalog = await Promise.race([
    fetch(primary).then((r) => r.json()), // the main host
    /* the fallback */ fetch(mirror).then((r) => r.json()),
  ]);
  return catalog;
}
