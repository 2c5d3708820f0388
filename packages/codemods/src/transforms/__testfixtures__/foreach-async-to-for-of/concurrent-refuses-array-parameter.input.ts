declare function save(item: string, all: readonly string[]): Promise<void>;

export async function saveAll(items: string[]) {
  // A bounded map passes the element and the index, not the array.
  items.forEach(async (item, _index, all) => {
    await save(item, all);
  });
}
