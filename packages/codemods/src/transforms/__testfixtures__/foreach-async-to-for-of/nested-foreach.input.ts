declare function grant(user: string, role: string): Promise<void>;

export async function grantAll(users: string[], roles: string[]) {
  users.forEach(async (user) => {
    roles.forEach(async (role) => {
      await grant(user, role);
    });
  });
}
