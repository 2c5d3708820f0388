export async function loadPage(api: Api, id: string) {
  const { name, email } = await api.getUser(id);
  const [firstPost, ...otherPosts] = await api.getPosts(id);
  const { theme = 'light' } = await api.getSettings(id);
  return { name, email, firstPost, otherPosts, theme };
}
