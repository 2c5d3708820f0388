interface User {
  readonly email: string;
}

declare function send(email: string): Promise<void>;

export async function notify(users: User[]) {
  // Each user gets one mail.
  users.forEach(async (user) => {
    await send(user.email);
  });
  console.log('all sent');
}
