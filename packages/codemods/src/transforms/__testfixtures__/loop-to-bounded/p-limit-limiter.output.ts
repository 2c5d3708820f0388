import pLimit from 'p-limit';
declare function check(userId: string): Promise<void>;

export async function checkAll(userIds: Set<string>) {
  const limit = pLimit(8);
  await Promise.all(Array.from(userIds, (userId) => limit(async () => {
    await check(userId);
  })));
}
