import { createReadStream, createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export async function copyThrough(a: string, b: string): Promise<void> {
  const input = createReadStream(a);
  const output = createWriteStream(b);
  await pipeline(input, new PassThrough(), output);
}
