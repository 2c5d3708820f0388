export async function load(id: string) {
  const [profile, settings] = await Promise.all([
    retry(async () => {
      const [user, posts] = await Promise.all([getUser(id), getPosts(id)]);
      return { user, posts };
    }),
    getSettings(id),
  ]);
  return { profile, settings };
}
