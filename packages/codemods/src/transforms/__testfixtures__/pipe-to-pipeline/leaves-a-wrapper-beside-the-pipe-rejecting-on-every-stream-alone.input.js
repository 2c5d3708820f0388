import fs from 'node:fs';

// Both streams reject on their errors: the chain handles them, so it is not reported.
export async function download(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    response.on('error', reject);
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}
