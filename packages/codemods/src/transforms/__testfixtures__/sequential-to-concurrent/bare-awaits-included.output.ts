export async function warmUp(cache: Cache) {
  await Promise.all([
    cache.load('users'),
    cache.load('teams'),
    cache.load('projects'),
  ]);
}

export async function startServices(db: Db, queue: Queue) {
  const [, channel] = await Promise.all([
    db.connect(),
    queue.open('jobs'),
    queue.open('events'),
  ]);
  return channel;
}
