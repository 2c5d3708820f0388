import { createReadStream, createWriteStream } from 'node:fs';

export async function copy(from: string, to: string): Promise<number> {
  const size = await new Promise<number>((resolve, reject) => {
    const target = createWriteStream(to);
    createReadStream(from).pipe(target);
    target.on('error', reject);
    target.on('finish', () => resolve(target.path.length));
  });
  return size;
}
