declare function send(email: string): Promise<void>;

export async function notify(emails: string[]) {
  emails.forEach(/* one at a time is fine */ async (email) => {
    await send(email);
  });
}
