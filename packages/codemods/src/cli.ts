import { main } from './command-line';

// `asyncwise migrate … | head` closes the pipe early: stop printing, keep going, exit as usual.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// What the `asyncwise` bin (bin/asyncwise.js) runs.
process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
