import * as fs from 'node:fs';

export async function mirror(src: string, dst: string | undefined): Promise<void> {
  if (dst) {
    fs.createReadStream(src).pipe(fs.createWriteStream(dst)).on('finish', () => console.log('mirrored'));
  }
}
