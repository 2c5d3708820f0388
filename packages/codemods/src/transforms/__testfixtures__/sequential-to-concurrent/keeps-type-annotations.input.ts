import type { Post, Settings, User } from './types';

export async function loadProfile(api: Api, id: string) {
  const user: User = await api.getUser(id);
  const posts: Post[] = await api.getPosts(id);
  const settings: Settings | null = await api.getSettings(id);
  return { user, posts, settings };
}

export async function loadCounters(api: Api) {
  let visits: number = await api.count('visits');
  let likes: number = await api.count('likes');
  visits += 1;
  likes += 1;
  return visits + likes;
}
