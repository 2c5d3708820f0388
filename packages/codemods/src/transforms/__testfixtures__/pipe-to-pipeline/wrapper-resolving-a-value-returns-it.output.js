import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

// The promise resolves the target once the copy has finished; so does the awaited pipeline.
export async function copy(a, b) {
  await pipeline(fs.createReadStream(a), fs.createWriteStream(b));
  return b;
}
