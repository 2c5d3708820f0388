import type { Post, Settings, User } from './types';

export async function loadProfile(api: Api, id: string) {
  const [user, posts, settings]: [User, Post[], Settings | null] = await Promise.all([
    api.getUser(id),
    api.getPosts(id),
    api.getSettings(id),
  ]);
  return { user, posts, settings };
}

export async function loadCounters(api: Api) {
  let [visits, likes]: [number, number] = await Promise.all([
    api.count('visits'),
    api.count('likes'),
  ]);
  visits += 1;
  likes += 1;
  return visits + likes;
}
