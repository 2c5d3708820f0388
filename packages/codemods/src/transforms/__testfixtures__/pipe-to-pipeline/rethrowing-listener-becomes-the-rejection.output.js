import { createReadStream, createWriteStream } from 'fs';
import { pipeline } from 'stream/promises';

export async function save(from, to) {
  await pipeline(createReadStream(from), createWriteStream(to));
}
