import { execSync } from 'node:child_process';

export async function currentCommit() {
  // execSync gives a Buffer; promisify(exec) gives { stdout, stderr }: rewritten by hand.
  return execSync('git rev-parse HEAD').toString().trim();
}
