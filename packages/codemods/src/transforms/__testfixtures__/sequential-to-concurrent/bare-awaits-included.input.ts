export async function warmUp(cache: Cache) {
  await cache.load('users');
  await cache.load('teams');
  await cache.load('projects');
}

export async function startServices(db: Db, queue: Queue) {
  await db.connect();
  const channel = await queue.open('jobs');
  await queue.open('events');
  return channel;
}
