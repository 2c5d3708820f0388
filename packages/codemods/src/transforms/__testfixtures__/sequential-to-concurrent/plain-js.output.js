export async function sync(db, remote) {
  const [local, upstream] = await Promise.all([
    db.list('items'),
    remote.list('items'),
  ])
  return diff(local, upstream)
}

export async function reset(db) {
  let [count, last] = await Promise.all([db.count('items'), db.last('items')])
  count = 0
  last = null
  return { count, last }
}
