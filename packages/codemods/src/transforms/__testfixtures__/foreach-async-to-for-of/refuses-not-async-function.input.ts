declare function send(email: string): Promise<void>;

// Callers of a sync function would get a promise if it became async.
export function notify(emails: string[]) {
  emails.forEach(async (email) => {
    await send(email);
  });
}
