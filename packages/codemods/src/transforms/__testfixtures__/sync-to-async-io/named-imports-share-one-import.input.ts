import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export async function copyWithHeader(from: string, to: string) {
  const body = readFileSync(from, 'utf8');
  writeFileSync(path.join(to, 'out.txt'), `// header\n${body}`);
  writeFileSync(path.join(to, 'done'), '');
}
