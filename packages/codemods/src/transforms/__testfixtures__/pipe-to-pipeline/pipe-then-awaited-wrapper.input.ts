import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

// The promise is awaited, and code after it runs once the file is written, as it will after pipeline.
export async function saveAll(body: Readable, dest: string, log: (line: string) => void): Promise<void> {
  const file = createWriteStream(dest);
  body.pipe(file);
  await new Promise<void>((resolve, reject) => {
    file.on('finish', () => resolve());
    file.on('error', (err) => reject(err));
  });
  log(`saved ${dest}`);
}
