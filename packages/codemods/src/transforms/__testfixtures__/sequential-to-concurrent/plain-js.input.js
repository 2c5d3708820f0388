export async function sync(db, remote) {
  const local = await db.list('items')
  const upstream = await remote.list('items')
  return diff(local, upstream)
}

export async function reset(db) {
  let count = await db.count('items')
  let last = await db.last('items')
  count = 0
  last = null
  return { count, last }
}
