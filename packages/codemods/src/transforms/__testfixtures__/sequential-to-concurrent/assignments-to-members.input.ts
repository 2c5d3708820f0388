export class ProfileStore {
  user: User | undefined;
  posts: Post[] = [];

  async refresh(api: Api, id: string) {
    this.user = await api.getUser(id);
    this.posts = await api.getPosts(id);
  }
}

export async function fillCache(cache: Cache, api: Api) {
  cache.users = await api.listUsers();
  cache.teams = await api.listTeams();
}
