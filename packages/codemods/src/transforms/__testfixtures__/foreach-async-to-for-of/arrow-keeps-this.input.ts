export class Mailer {
  constructor(private readonly outbox: { send(to: string): Promise<void> }) {}

  async sendAll(recipients: readonly string[]) {
    recipients.forEach(async (to) => {
      await this.outbox.send(to);
    });
  }
}
