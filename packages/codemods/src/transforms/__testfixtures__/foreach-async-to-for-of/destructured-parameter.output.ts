declare function save(id: string, name: string): Promise<void>;

export async function saveAll(rows: { id: string; name: string }[]) {
  for (const { id, name } of rows) {
    await save(id, name);
  }
}
