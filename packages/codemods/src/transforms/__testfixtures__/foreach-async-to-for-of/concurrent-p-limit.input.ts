declare function notify(user: string): Promise<void>;

export async function broadcast(users: string[]) {
  users.forEach(async (user) => {
    await notify(user);
  });
}
