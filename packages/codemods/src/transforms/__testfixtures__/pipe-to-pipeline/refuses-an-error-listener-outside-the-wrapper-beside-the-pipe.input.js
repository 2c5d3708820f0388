import fs from 'node:fs';

// The file's errors are logged by a listener outside the promise too: pipeline would take them over.
export async function download(response, dest, log) {
  const writer = fs.createWriteStream(dest);
  writer.on('error', (err) => log(err));
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}
