interface Catalog {
  readonly items: readonly string[];
}

export async function loadCatalog(primary: string, mirror: string) {
  const controller = new AbortController();
  return Promise.race([
    fetch(primary, { signal: controller.signal }).then((r) => r.json() as Promise<Catalog>),
    fetch(mirror, { signal: controller.signal }).then((r) => r.json() as Promise<Catalog>),
  ]).finally(() => controller.abort());
}
