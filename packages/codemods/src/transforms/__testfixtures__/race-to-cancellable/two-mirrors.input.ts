const primary = 'https://primary.example.com/catalog.json';
const mirror = 'https://mirror.example.com/catalog.json';

export async function loadCatalog(): Promise<unknown> {
  const catalog = await Promise.race([
    fetch(primary).then((r) => r.json()),
    fetch(mirror).then((r) => r.json()),
  ]);
  return catalog;
}
