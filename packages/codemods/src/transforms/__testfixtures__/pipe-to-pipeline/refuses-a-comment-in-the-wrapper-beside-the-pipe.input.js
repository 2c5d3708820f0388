import fs from 'node:fs';

export async function download(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    // resolve once the file is flushed
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}
