import fs from 'node:fs';
import zlib from 'node:zlib';

// Each stream reports its own failure; one catch would merge them.
export async function pack(src, dst, log) {
  fs.createReadStream(src)
    .on('error', () => log('cannot read'))
    .pipe(zlib.createGzip())
    .pipe(fs.createWriteStream(dst))
    .on('error', () => log('cannot write'));
}
