import timers from 'node:timers';

export async function later(report: (at: number) => void) {
  timers.setTimeout(() => {
    report(Date.now());
  }, 50);
}
