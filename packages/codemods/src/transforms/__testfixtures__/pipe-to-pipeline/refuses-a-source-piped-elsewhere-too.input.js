import fs from 'node:fs';

// The source feeds a progress meter as well: pipeline would destroy it when the file fails, and the meter would end early.
export async function download(body, dest, meter) {
  const writer = fs.createWriteStream(dest);
  body.pipe(meter);
  body.pipe(writer);
  return new Promise((resolve, reject) => {
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}
