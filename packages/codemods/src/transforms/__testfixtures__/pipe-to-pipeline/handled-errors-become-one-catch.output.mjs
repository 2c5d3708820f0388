import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';

export async function restore(archive, target, report) {
  try {
    await pipeline(fs.createReadStream(archive), createGunzip(), fs.createWriteStream(target));
  } catch (err) {
    report(err);
    return;
  }
  report(null, target);
}
