import fs from 'node:fs';
import { createGunzip } from 'node:zlib';

export async function restore(archive, target, report) {
  fs.createReadStream(archive)
    .on('error', (err) => report(err))
    .pipe(createGunzip())
    .pipe(fs.createWriteStream(target))
    .on('error', (err) => report(err))
    .on('finish', () => {
      report(null, target);
    });
}
