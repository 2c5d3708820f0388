export async function loadProfile(api: Api, id: string, withPosts: boolean) {
  const user = await api.getUser(id);
  if (!user) {
    throw new Error(`No user ${id}`);
  }
  const posts = withPosts ? await api.getPosts(id) : [];
  const settings = await api.getSettings(id);
  const badges = await api.getBadges(id);
  return { user, posts, settings, badges };
}
