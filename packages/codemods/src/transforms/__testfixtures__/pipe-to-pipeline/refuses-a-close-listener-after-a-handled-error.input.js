import fs from 'node:fs';
import zlib from 'node:zlib';

// The write stream's handled error is followed by close: its body ran on failure too.
export async function pack(a, b, log) {
  fs.createReadStream(a)
    .on('error', log)
    .pipe(zlib.createGzip())
    .pipe(fs.createWriteStream(b))
    .on('error', log)
    .on('close', () => log('closed'));
}
