import { getPosts, getSettings, getUser } from './api';

export async function loadProfile(id: string) {
  const [user, posts, settings] = await Promise.all([
    getUser(id),
    getPosts(id),
    getSettings(id),
  ]);
  return { user, posts, settings };
}

export async function loadPair(a: string, b: string) {
  const [left, right] = await Promise.all([getUser(a), getUser(b)]);
  return [left, right];
}
