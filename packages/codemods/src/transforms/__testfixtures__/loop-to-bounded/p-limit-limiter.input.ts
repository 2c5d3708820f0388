declare function check(userId: string): Promise<void>;

export async function checkAll(userIds: Set<string>) {
  for (const userId of userIds) {
    await check(userId);
  }
}
