declare function fetchOne(id: string): Promise<string>;

export async function fetchAll(ids: string[]) {
  const pending = [];
  for (const id of ids) pending.push(fetchOne(id));
  return Promise.all(pending);
}
