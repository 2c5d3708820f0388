import fs from 'node:fs';
import { pipeline, promises } from 'node:stream';

export function legacyCopy(a, b, cb) {
  pipeline(fs.createReadStream(a), fs.createWriteStream(b), cb);
}

export async function copy(a, b) {
  await promises.pipeline(fs.createReadStream(a), fs.createWriteStream(b));
}
