export class Mailer {
  constructor(private readonly outbox: { send(to: string): Promise<void> }) {}

  async sendAll(recipients: readonly string[]) {
    for (const to of recipients) {
      await this.outbox.send(to);
    }
  }
}
