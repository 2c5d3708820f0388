import { loadUser, pending, type User } from './store';

// The loader's calls return promises: only the checker sees it through the factory.
export function userName(id: string) {
  return loadUser(id).then((user) => user.name);
}

// A promise out of a Map<string, Promise<User>>.
export function cachedName(id: string, fallback: Promise<User>) {
  return (pending.get(id) ?? fallback).then((user) => user.name).catch(() => 'unknown');
}

export const greeting = (id: string) => loadUser(id).then((user) => `hello ${user.name}`);
