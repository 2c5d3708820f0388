interface User {
  readonly id: string;
}

declare function getUser(id: string): Promise<User>;

export async function users(ids: string[]): Promise<User[]> {
  return await Promise.all(ids.map(async (id) => getUser(id)));
}
