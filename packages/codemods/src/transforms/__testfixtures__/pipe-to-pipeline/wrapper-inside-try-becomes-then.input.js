import fs from 'node:fs';

// Inside a try, an awaited pipeline would bring its rejection into the catch; the returned promise's never reached it.
export async function copy(a, b, log) {
  try {
    return new Promise((resolve, reject) => {
      fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('error', reject).on('finish', () => resolve({ copied: b }));
    });
  } catch (err) {
    log(err);
  }
}
