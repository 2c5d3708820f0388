export async function loadPage(api: Api, id: string) {
  const [{ name, email }, [firstPost, ...otherPosts], { theme = 'light' }] = await Promise.all([
    api.getUser(id),
    api.getPosts(id),
    api.getSettings(id),
  ]);
  return { name, email, firstPost, otherPosts, theme };
}
