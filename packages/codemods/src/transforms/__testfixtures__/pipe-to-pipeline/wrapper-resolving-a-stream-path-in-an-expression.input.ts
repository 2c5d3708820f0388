import fs from 'node:fs';
import { Readable } from 'node:stream';

// The wrapper is an expression: `.then` reads the value once pipeline has settled.
export async function saveAll(chunks: string[], target: string) {
  const out = fs.createWriteStream(target);
  const saved = new Promise<string>((resolve, reject) => {
    Readable.from(chunks).pipe(out).on('error', reject).on('finish', () => resolve(`${out.path}`));
  });
  return { saved };
}
