'use strict';
const { exec } = require('child_process');
const { promisify } = require('util');

async function printStatus(cwd) {
  const { stdout, stderr } = await promisify(exec)('git status --short', { cwd });
  process.stdout.write(stdout);
  process.stderr.write(stderr);
}

module.exports = { printStatus };
