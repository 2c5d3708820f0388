import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export async function readOrGiveUp(path: string) {
  return Promise.race([readFile(path, { encoding: 'utf8' }), sleep(1000).then(() => null)]);
}
