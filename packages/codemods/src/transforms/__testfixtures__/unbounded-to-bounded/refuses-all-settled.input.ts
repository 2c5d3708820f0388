declare function send(to: string): Promise<void>;

export async function sendAll(recipients: string[]) {
  return Promise.allSettled(recipients.map(async (to) => send(to)));
}
