import fs from 'node:fs';

export async function copy(a, b) {
  fs.createReadStream(a)
    .pipe(fs.createWriteStream(b)) // the copy
    .on('finish', () => console.log('copied'));
}
