import { Promise } from 'bluebird';

export async function load(id: string) {
  const user = await getUser(id);
  const posts = await getPosts(id);
  return { user, posts, Promise };
}
