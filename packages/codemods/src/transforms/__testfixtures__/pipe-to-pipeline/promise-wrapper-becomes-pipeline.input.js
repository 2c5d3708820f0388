import fs from 'node:fs';
import zlib from 'node:zlib';

export async function compress(src, dst) {
  await new Promise((resolve, reject) => {
    fs.createReadStream(src)
      .pipe(zlib.createGzip())
      .pipe(fs.createWriteStream(dst))
      .on('error', reject)
      .on('finish', resolve);
  });
  return dst;
}
