declare function save(id: string, name: string): Promise<void>;

export async function saveAll(rows: { id: string; name: string }[]) {
  rows.forEach(async ({ id, name }) => {
    await save(id, name);
  });
}
