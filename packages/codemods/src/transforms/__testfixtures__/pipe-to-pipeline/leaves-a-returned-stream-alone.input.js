import fs from 'node:fs';
import zlib from 'node:zlib';

export async function gzipped(path) {
  return fs.createReadStream(path).pipe(zlib.createGzip());
}
