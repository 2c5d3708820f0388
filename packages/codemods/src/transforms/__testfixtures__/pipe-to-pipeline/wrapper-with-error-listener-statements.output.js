import fs from 'node:fs';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';

export async function restore(a, b) {
  const input = fs.createReadStream(a);
  const output = fs.createWriteStream(b);
  await pipeline(input, zlib.createGunzip(), output);
}
