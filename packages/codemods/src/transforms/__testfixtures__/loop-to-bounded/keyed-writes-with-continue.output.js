import { stat } from 'node:fs/promises';
import { boundedMap } from '../../../lib/asyncwise-limit.js';

// A `continue` after the await ends the call with what it collected so far.
export async function sizes(files) {
  const sizes = {};
  for (const sizesBatch of await boundedMap(files, 8, async (file) => {
    const sizesEntries = [];
    const info = await stat(file);
    if (!info.isFile()) return sizesEntries;
    sizesEntries.push([file, info.size]);
    return sizesEntries;
  })) for (const [file, size] of sizesBatch) sizes[file] = size;
  return sizes;
}
