let user: User | undefined
let posts: Post[] = []

export async function refresh(api: Api, id: string) {
  console.log('refreshing', id)
  user = await api.getUser(id)
  posts = await api.getPosts(id)
  return { user, posts }
}

export async function load(api: Api, id: string) {
  const user = await api.getUser(id)
  const posts = await api.getPosts(id)
  return { user, posts }
}
