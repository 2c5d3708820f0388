import fs from 'node:fs';

// The file stream is read once the promise settled: a count pipeline's destroy could change.
export async function download(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  await new Promise((resolve, reject) => {
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
  return writer.bytesWritten;
}
