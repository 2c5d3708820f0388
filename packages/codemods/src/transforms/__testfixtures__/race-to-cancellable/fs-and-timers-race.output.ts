import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export async function readOrGiveUp(path: string) {
  const controller = new AbortController();
  return Promise.race([readFile(path, { encoding: 'utf8', signal: controller.signal }), sleep(1000, undefined, { signal: controller.signal }).then(() => null)]).finally(() => controller.abort());
}
