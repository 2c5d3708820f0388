declare function send(email: string): Promise<void>;

export async function notify(emails: string[]) {
  emails.forEach(async (email) => {
    if (!email) return;
    await send(email);
  });
}
