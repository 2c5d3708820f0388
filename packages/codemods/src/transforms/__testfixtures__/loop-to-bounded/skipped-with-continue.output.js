import pMap from 'p-map';
import { stat } from 'node:fs/promises';

// A `continue` before the await skips the push: each call returns what it pushed, none or one.
export async function sizes(files) {
  const found = [];
  for (const foundBatch of await pMap(files, async (file) => {
    const newFound = [];
    if (file.startsWith('.')) return newFound;
    const info = await stat(file);
    newFound.push({ file, size: info.size });
    return newFound;
  }, { concurrency: 4 })) found.push(...foundBatch);
  return found;
}
