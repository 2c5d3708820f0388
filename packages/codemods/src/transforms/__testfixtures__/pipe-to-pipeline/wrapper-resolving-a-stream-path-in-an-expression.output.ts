import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// The wrapper is an expression: `.then` reads the value once pipeline has settled.
export async function saveAll(chunks: string[], target: string) {
  const out = fs.createWriteStream(target);
  const saved = pipeline(Readable.from(chunks), out).then(() => `${out.path}`);
  return { saved };
}
