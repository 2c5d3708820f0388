import type { Readable } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';

// `resolve(void 0)` and `resolve(undefined)` resolve nothing, as pipeline does.
export async function writeArchive(entries: Readable, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    entries
      .pipe(createGzip())
      .pipe(createWriteStream(target))
      .on('close', () => resolve(void 0))
      .on('error', (error: Error) => reject(error));
  });
}

export async function append(entries: Readable, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    entries.pipe(createWriteStream(target, { flags: 'a' })).on('finish', () => resolve(undefined)).on('error', reject);
  });
}
