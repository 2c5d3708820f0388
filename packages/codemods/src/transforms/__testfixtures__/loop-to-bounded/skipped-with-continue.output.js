import pMap from 'p-map';
import { stat } from 'node:fs/promises';

// A `continue` before the await skips the push: each call returns what it pushed, none or one.
export async function sizes(files) {
  const found = [];
  for (const batch of await pMap(files, async (file) => {
    const collected = [];
    if (file.startsWith('.')) return collected;
    const info = await stat(file);
    collected.push({ file, size: info.size });
    return collected;
  }, { concurrency: 4 })) found.push(...batch);
  return found;
}
