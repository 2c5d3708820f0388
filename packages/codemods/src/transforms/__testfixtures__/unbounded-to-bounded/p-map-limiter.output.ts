import { readFile } from 'node:fs/promises';
import pMap from 'p-map';

export async function readAll(files: string[]) {
  return pMap(files, async (file) => readFile(file, 'utf8'), { concurrency: 16 });
}
