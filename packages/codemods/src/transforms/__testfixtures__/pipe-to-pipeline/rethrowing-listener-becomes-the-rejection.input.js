import { createReadStream, createWriteStream } from 'fs';

export async function save(from, to) {
  createReadStream(from).pipe(createWriteStream(to)).on('error', (err) => {
    throw err;
  });
}
