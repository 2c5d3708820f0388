import { boundedMap } from '../../../lib/asyncwise-limit.js';
interface User {
  readonly id: string;
}

declare function getUser(id: string): Promise<User>;

export async function users(ids: string[]): Promise<User[]> {
  return await boundedMap(ids, 8, async (id) => getUser(id));
}
