import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { exec } from './exec';

// Each bare await is there for its effect, which the next line relies on.
export async function refreshLockFile(dir: string, command: string) {
  await mkdir(dir, { recursive: true });
  await exec(command, { cwd: dir });
  const lockFile = await readFile(`${dir}/package-lock.json`, 'utf8');
  await writeFile(`${dir}/lock.backup`, lockFile);
}
