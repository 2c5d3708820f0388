const primary = 'https://primary.example.com/catalog.json';
const mirror = 'https://mirror.example.com/catalog.json';

export async function loadCatalog(): Promise<unknown> {
  const controller = new AbortController();
  const catalog = await Promise.race([
    fetch(primary, { signal: controller.signal }).then((r) => r.json()),
    fetch(mirror, { signal: controller.signal }).then((r) => r.json()),
  ]).finally(() => controller.abort());
  return catalog;
}
