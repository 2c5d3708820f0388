import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

export async function copy(a, b, log) {
  await pipeline(fs.createReadStream(a), fs.createWriteStream(b));
  // the copy is complete here
  log('copied'); /* and logged */
}
