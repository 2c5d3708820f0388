import fs from 'node:fs';

// With autoClose false the file stream never closes itself, so this close listener never ran;
// pipeline settles on finish and would run it.
export async function copy(a, b, log) {
  fs.createReadStream(a).pipe(fs.createWriteStream(b, { autoClose: false })).on('close', () => log(b));
}
