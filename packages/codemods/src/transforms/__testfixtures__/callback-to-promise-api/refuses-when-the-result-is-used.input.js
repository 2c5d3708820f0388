import { exec } from 'node:child_process';

export async function start(cmd) {
  const child = exec(cmd, (err, stdout) => {
    if (err) throw err;
    console.log(stdout);
  });
  return child.pid;
}
