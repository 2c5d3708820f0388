import { stat } from 'node:fs/promises';
import { boundedMap } from '../../../lib/asyncwise-limit.js';

// A `continue` after the await ends the call with what it collected so far.
export async function sizes(files) {
  const sizes = {};
  for (const batch of await boundedMap(files, 8, async (file) => {
    const found = [];
    const info = await stat(file);
    if (!info.isFile()) return found;
    found.push([file, info.size]);
    return found;
  })) for (const [key, value] of batch) sizes[key] = value;
  return sizes;
}
