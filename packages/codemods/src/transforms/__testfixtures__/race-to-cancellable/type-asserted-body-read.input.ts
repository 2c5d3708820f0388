interface Catalog {
  readonly items: readonly string[];
}

export async function loadCatalog(primary: string, mirror: string) {
  return Promise.race([
    fetch(primary).then((r) => r.json() as Promise<Catalog>),
    fetch(mirror).then((r) => r.json() as Promise<Catalog>),
  ]);
}
