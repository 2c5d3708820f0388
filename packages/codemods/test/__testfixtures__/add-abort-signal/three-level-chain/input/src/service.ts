import { loadUser } from './users.js';

export async function handle(ids: string[]) {
  const users = [];
  for (const id of ids) users.push(await loadUser(id));
  return users;
}

export async function handleOne(id: string, signal: AbortSignal) {
  // A caller off the chain that has a signal passes it.
  return loadUser(id);
}

export function report(id: string) {
  // A caller without a signal passes nothing.
  return loadUser(id).then((u) => u.bio);
}
