import fs from 'node:fs';
import zlib from 'node:zlib';

export async function pack(src, dst) {
  const gzipped = fs.createReadStream(src).pipe(zlib.createGzip());
  gzipped.pipe(fs.createWriteStream(dst));
}
