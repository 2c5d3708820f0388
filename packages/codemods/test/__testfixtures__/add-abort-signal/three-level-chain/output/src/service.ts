import { loadUser } from './users.js';

export async function handle(ids: string[], options?: { signal?: AbortSignal }) {
  const users = [];
  for (const id of ids) users.push(await loadUser(id, { signal: options?.signal }));
  return users;
}

export async function handleOne(id: string, signal: AbortSignal) {
  // A caller off the chain that has a signal passes it.
  return loadUser(id, { signal });
}

export function report(id: string) {
  // A caller without a signal passes nothing.
  return loadUser(id).then((u) => u.bio);
}
