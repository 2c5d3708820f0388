import { createReadStream, createWriteStream } from 'node:fs';

export async function copy(from: string, to: string): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    createReadStream(from)
      .on('error', (err) => reject(err))
      .pipe(createWriteStream(to))
      .on('finish', () => resolve()),
  );
}
