'use strict';
const { exec } = require('child_process');

async function printStatus(cwd) {
  exec('git status --short', { cwd }, (err, stdout, stderr) => {
    if (err) throw err;
    process.stdout.write(stdout);
    process.stderr.write(stderr);
  });
}

module.exports = { printStatus };
