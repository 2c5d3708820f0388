import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// The promise is awaited, and code after it runs once the file is written, as it will after pipeline.
export async function saveAll(body: Readable, dest: string, log: (line: string) => void): Promise<void> {
  const file = createWriteStream(dest);
  await pipeline(body, file);
  log(`saved ${dest}`);
}
