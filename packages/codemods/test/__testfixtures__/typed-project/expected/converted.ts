import { loadUser, pending, type User } from './store';

// The loader's calls return promises: only the checker sees it through the factory.
export async function userName(id: string) {
  const user = await loadUser(id);
  return user.name;
}

// A promise out of a Map<string, Promise<User>>.
export async function cachedName(id: string, fallback: Promise<User>) {
  try {
    const user = await (pending.get(id) ?? fallback);
    return user.name;
  } catch {
    return 'unknown';
  }
}

export const greeting = async (id: string) => {
  const user = await loadUser(id);
  return `hello ${user.name}`;
};
