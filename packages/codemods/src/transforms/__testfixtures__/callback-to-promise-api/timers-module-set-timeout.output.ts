import timers from 'node:timers';

export async function later(report: (at: number) => void) {
  await timers.promises.setTimeout(50);
  report(Date.now());
}
