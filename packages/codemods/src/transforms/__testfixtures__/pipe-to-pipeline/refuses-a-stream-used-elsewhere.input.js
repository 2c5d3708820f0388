import fs from 'node:fs';

// The source is also read by a `data` listener of its own.
export async function copyCounting(a, b, count) {
  const input = fs.createReadStream(a);
  input.on('data', (chunk) => count(chunk.length));
  input.pipe(fs.createWriteStream(b));
}
