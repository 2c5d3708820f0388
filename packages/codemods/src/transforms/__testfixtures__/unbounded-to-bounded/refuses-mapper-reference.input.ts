async function fetchOne(id: string): Promise<string> {
  return id;
}

export async function fetchAll(ids: string[]) {
  return Promise.all(ids.map(fetchOne));
}
