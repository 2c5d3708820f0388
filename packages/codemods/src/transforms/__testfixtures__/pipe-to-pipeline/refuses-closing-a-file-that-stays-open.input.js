import fs from 'node:fs';

// With autoClose false, `file.close(…)` is what closes the descriptor; pipeline would leave it open.
export async function save(response, dest) {
  await new Promise((resolve, reject) => {
    const file = fs.createWriteStream(dest, { autoClose: false });
    response.pipe(file);
    file.on('finish', () => file.close(resolve));
    file.on('error', reject);
  });
}
