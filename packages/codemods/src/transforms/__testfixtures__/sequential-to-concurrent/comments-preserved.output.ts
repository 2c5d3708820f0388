export async function loadDashboard(api: Api, id: string) {
  // The user record is the slowest call.
  const [user, posts, settings] = await Promise.all([
    api.getUser(id), // cached for five minutes
    /* Posts are paginated. */
    api.getPosts(id, /* limit */ 20),
    // Settings are per user.
    api.getSettings(
      id, // the same id
    ),
  ]);
  return { user, posts, settings };
}
