import fs from 'node:fs';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';

export async function pack(src, dst, log) {
  const input = fs.createReadStream(src);
  const output = fs.createWriteStream(dst, { flags: 'w' });
  await pipeline(input, zlib.createGzip(), output);
  log(dst);
}
