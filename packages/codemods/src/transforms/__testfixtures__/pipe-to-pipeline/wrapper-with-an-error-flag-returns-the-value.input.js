import fs from 'node:fs';

// The axios docs' download helper: the flag is set only where the promise is rejected in the same
// turn, so its guard never stops a resolve that would have counted, and the file closes itself on
// error: the same settling as `pipeline(…)`.
export async function download(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.data.pipe(writer);
  return new Promise((resolve, reject) => {
    let error = null;
    writer.on('error', (err) => {
      error = err;
      writer.close();
      reject(err);
    });
    writer.on('close', () => {
      if (!error) {
        resolve(true);
      }
    });
  });
}

// The same flag in an executor that holds the chain, resolving on finish.
export async function copy(src, dest) {
  await new Promise((resolve, reject) => {
    let failed;
    const out = fs.createWriteStream(dest);
    fs.createReadStream(src).pipe(out);
    out.on('error', (err) => {
      reject(err);
      failed = err;
    });
    out.on('finish', () => {
      if (!failed) resolve();
    });
  });
}
