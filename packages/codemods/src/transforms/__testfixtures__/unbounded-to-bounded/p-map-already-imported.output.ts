import pMap from 'p-map';
import { stat } from 'node:fs/promises';

export async function first(files: string[]) {
  return pMap(files, async (file) => stat(file), { concurrency: 2 });
}

export async function second(files: string[]) {
  return pMap(files, async (file) => stat(file), { concurrency: 8 });
}
