import fs from 'node:fs';

// The executor keeps a flag of its own and closes the file itself: more than waiting for the streams.
export async function download(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    let error = null;
    writer.on('error', (err) => {
      error = err;
      writer.close();
      reject(err);
    });
    writer.on('close', () => {
      if (!error) resolve(true);
    });
  });
}
