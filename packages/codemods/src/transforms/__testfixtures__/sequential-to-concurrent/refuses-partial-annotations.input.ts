export async function loadProfile(api: Api, id: string) {
  const user: User = await api.getUser(id);
  const posts = await api.getPosts(id);
  return { user, posts };
}
