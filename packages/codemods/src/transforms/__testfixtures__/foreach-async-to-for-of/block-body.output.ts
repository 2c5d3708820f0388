interface User {
  readonly email: string;
}

declare function send(email: string): Promise<void>;

export async function notify(users: User[]) {
  // Each user gets one mail.
  for (const user of users) {
    await send(user.email);
  }
  console.log('all sent');
}
