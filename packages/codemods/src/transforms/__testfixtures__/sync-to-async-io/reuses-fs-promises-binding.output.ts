import { statSync } from 'fs';
import fsp from 'fs/promises';

export async function sizes(files: string[]) {
  const out: number[] = [];
  for (const file of files) {
    out.push((await fsp.stat(file)).size);
    await fsp.access(file);
  }
  return out;
}
