import fs from 'node:fs';

export async function copy(a, b, fail) {
  fs.createReadStream(a).on('error', fail).pipe(fs.createWriteStream(b)).on('error', fail);
}
