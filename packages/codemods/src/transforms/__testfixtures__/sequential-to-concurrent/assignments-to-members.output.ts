export class ProfileStore {
  user: User | undefined;
  posts: Post[] = [];

  async refresh(api: Api, id: string) {
    [this.user, this.posts] = await Promise.all([
      api.getUser(id),
      api.getPosts(id),
    ]);
  }
}

export async function fillCache(cache: Cache, api: Api) {
  [cache.users, cache.teams] = await Promise.all([
    api.listUsers(),
    api.listTeams(),
  ]);
}
