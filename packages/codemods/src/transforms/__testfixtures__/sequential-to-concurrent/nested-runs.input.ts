export async function load(id: string) {
  const profile = await retry(async () => {
    const user = await getUser(id);
    const posts = await getPosts(id);
    return { user, posts };
  });
  const settings = await getSettings(id);
  return { profile, settings };
}
