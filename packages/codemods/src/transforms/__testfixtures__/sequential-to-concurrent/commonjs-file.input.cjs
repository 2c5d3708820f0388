'use strict';
const fs = require('node:fs/promises');

async function readBoth(a, b) {
  const first = await fs.readFile(a, 'utf8');
  const second = await fs.readFile(b, 'utf8');
  return first + second;
}

module.exports = { readBoth };
