import fs from 'node:fs';

// The executor counts the source's data as well: a data listener has no place in pipeline(…).
export async function download(response, dest, progress) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    response.on('data', (chunk) => progress(chunk.length));
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}
