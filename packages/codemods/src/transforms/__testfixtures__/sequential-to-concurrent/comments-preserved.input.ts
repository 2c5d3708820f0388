export async function loadDashboard(api: Api, id: string) {
  // The user record is the slowest call.
  const user = await api.getUser(id); // cached for five minutes
  /* Posts are paginated. */
  const posts = await api.getPosts(id, /* limit */ 20);

  // Settings are per user.
  const settings = await api.getSettings(
    id, // the same id
  );
  return { user, posts, settings };
}
