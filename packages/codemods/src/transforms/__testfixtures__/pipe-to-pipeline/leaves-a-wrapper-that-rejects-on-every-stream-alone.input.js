import fs from 'node:fs';

// Every stream rejects on its error: nothing is thrown uncaught, so the chain is not reported.
export async function copy(a, b) {
  return new Promise((resolve, reject) => {
    const input = fs.createReadStream(a);
    const output = fs.createWriteStream(b);
    input.on('error', reject);
    output.on('error', reject);
    output.on('finish', resolve);
    input.pipe(output);
  });
}
