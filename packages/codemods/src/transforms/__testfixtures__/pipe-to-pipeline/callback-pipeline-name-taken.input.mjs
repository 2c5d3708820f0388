import fs from 'node:fs';
import { pipeline } from 'node:stream';

export function legacyCopy(a, b, cb) {
  pipeline(fs.createReadStream(a), fs.createWriteStream(b), cb);
}

export async function copy(a, b) {
  fs.createReadStream(a).pipe(fs.createWriteStream(b));
}
