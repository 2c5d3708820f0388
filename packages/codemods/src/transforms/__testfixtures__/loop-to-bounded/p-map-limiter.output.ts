import { readFile } from 'node:fs/promises';
import pMap from 'p-map';

export async function readAll(files: string[]) {
  const texts = await pMap(files, async (file) => {
    return await readFile(file, 'utf8');
  }, { concurrency: 4 });
  return texts;
}
