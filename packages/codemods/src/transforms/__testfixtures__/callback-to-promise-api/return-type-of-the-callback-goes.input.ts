import fs from 'node:fs';

export async function printLength(path: string): Promise<void> {
  fs.readFile(path, (err, data: Buffer): void => {
    if (err) throw err;
    console.log(data.length);
  });
}
