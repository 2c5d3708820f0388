let user: User | undefined
let posts: Post[] = []

export async function refresh(api: Api, id: string) {
  console.log('refreshing', id)
  ;[user, posts] = await Promise.all([api.getUser(id), api.getPosts(id)])
  return { user, posts }
}

export async function load(api: Api, id: string) {
  const [user, posts] = await Promise.all([api.getUser(id), api.getPosts(id)])
  return { user, posts }
}
