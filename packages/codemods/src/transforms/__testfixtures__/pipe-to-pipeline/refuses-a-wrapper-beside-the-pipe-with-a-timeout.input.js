import fs from 'node:fs';

// A timer rejects the promise beside the pipe: it may settle otherwise than pipeline(…) does.
export async function download(response, dest, ms) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('timed out')), ms);
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}
