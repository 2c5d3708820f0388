import * as fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

export async function mirror(src: string, dst: string | undefined): Promise<void> {
  if (dst) {
    await pipeline(fs.createReadStream(src), fs.createWriteStream(dst));
    console.log('mirrored');
  }
}
