declare function rank(id: string, position: number, all: string[]): Promise<number>;

export async function ranks(ids: string[]) {
  return Promise.all(ids.map(async (id, position, all) => rank(id, position, all)));
}
