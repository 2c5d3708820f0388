import pLimit from 'p-limit';
declare function notify(user: string): Promise<void>;

export async function broadcast(users: string[]) {
  const limit = pLimit(2);
  await Promise.all(users.map((user) => limit(async () => {
    await notify(user);
  })));
}
