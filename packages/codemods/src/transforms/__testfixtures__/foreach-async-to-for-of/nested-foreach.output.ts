declare function grant(user: string, role: string): Promise<void>;

export async function grantAll(users: string[], roles: string[]) {
  for (const user of users) {
    for (const role of roles) {
      await grant(user, role);
    }
  }
}
