import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

export async function copy(from: string, to: string): Promise<number> {
  const target = createWriteStream(to);
  const size = await pipeline(createReadStream(from), target).then(() => target.path.length);
  return size;
}
