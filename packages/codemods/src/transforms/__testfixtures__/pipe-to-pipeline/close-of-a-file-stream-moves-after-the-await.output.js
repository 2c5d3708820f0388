import fs from 'node:fs';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';

// pipeline settles after the file stream's close; nothing handled its error, which ended the process.
export async function pack(a, b, log) {
  await pipeline(fs.createReadStream(a), zlib.createGzip(), fs.createWriteStream(b));
  log(`${b} is written`);
}
