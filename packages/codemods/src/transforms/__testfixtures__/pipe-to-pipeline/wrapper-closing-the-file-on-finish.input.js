import fs from 'node:fs';

// `file.close(resolve)` resolves on the close that follows finish, which pipeline waits for too.
export async function save(response, dest) {
  await new Promise((resolve, reject) => {
    const file = fs.createWriteStream(dest);
    response.pipe(file);
    file.on('finish', () => file.close(resolve));
    file.on('error', reject);
  });
}

// `file.close()` after finish does nothing the stream would not do itself.
export async function saveAs(response, dest) {
  return new Promise((resolve, reject) => {
    const file = fs.createWriteStream(dest);
    response.pipe(file);
    file.on('finish', () => {
      file.close();
      resolve(dest);
    });
    file.on('error', reject);
  });
}
