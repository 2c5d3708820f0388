export async function warmUp(cache: Cache) {
  await Promise.all([
    cache.load('users'),
    cache.load('teams'),
    cache.load('projects'),
  ]);
}

export async function startServices(db: Db, queue: Queue, mail: Mailer) {
  const [, channel] = await Promise.all([
    db.connect(),
    queue.connect('jobs'),
    mail.connect(),
  ]);
  return channel;
}
