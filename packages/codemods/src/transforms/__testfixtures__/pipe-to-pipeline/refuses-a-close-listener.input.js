import fs from 'node:fs';

// `close` follows an error too: its body cannot simply move after the await.
export async function copy(a, b, cleanUp) {
  fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('close', () => cleanUp());
}
