import { createReadStream, createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';

export async function copyThrough(a: string, b: string): Promise<void> {
  const input = createReadStream(a);
  const output = createWriteStream(b);
  input.pipe(new PassThrough()).pipe(output);
}
