import fs from 'node:fs';
import zlib from 'node:zlib';

// The statement listens for `end` too: that listener is more than an error handler.
export async function pack(src, dst, onError, log) {
  const input = fs.createReadStream(src);
  input.on('error', onError).on('end', () => log('read'));
  input.pipe(zlib.createGzip()).pipe(fs.createWriteStream(dst)).on('error', onError);
}
