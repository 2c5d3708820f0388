import { getPosts, getSettings, getUser } from './api';

export async function loadProfile(id: string) {
  const user = await getUser(id);
  const posts = await getPosts(id);
  const settings = await getSettings(id);
  return { user, posts, settings };
}

export async function loadPair(a: string, b: string) {
  const left = await getUser(a);
  const right = await getUser(b);
  return [left, right];
}
