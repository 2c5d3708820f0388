import fs from 'node:fs';

export async function copy(a, b, log) {
  fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('finish', () => {
    // the copy is complete here
    log('copied'); /* and logged */
  });
}
