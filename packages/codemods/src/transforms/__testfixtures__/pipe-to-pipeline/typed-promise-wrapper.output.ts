import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

export async function copy(from: string, to: string): Promise<void> {
  return pipeline(createReadStream(from), createWriteStream(to));
}
