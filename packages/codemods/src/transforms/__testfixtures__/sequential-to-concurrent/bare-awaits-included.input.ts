export async function warmUp(cache: Cache) {
  await cache.load('users');
  await cache.load('teams');
  await cache.load('projects');
}

export async function startServices(db: Db, queue: Queue, mail: Mailer) {
  await db.connect();
  const channel = await queue.connect('jobs');
  await mail.connect();
  return channel;
}
