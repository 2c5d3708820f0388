import type { Readable } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';

// `resolve(void 0)` and `resolve(undefined)` resolve nothing, as pipeline does.
export async function writeArchive(entries: Readable, target: string): Promise<void> {
  return pipeline(entries, createGzip(), createWriteStream(target));
}

export async function append(entries: Readable, target: string): Promise<void> {
  return pipeline(entries, createWriteStream(target, { flags: 'a' }));
}
