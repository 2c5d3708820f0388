import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';

export async function copyWithHeader(from: string, to: string) {
  const body = await readFile(from, 'utf8');
  await writeFile(path.join(to, 'out.txt'), `// header\n${body}`);
  await writeFile(path.join(to, 'done'), '');
}
