import fs from 'node:fs';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';

export async function compress(src, dst) {
  await pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(dst));
  return dst;
}
