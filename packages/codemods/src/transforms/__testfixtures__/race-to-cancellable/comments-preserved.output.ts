export async function loadCatalog(primary: string, mirror: string) {
  // Whichever answers first wins.
  const controller = new AbortController();
  const catalog = await Promise.race([
    fetch(primary, { signal: controller.signal }).then((r) => r.json()), // the main host
    /* the fallback */ fetch(mirror, { signal: controller.signal }).then((r) => r.json()),
  ]).finally(() => controller.abort());
  return catalog;
}
