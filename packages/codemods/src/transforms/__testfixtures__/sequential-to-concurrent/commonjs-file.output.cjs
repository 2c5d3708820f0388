'use strict';
const fs = require('node:fs/promises');

async function readBoth(a, b) {
  const [first, second] = await Promise.all([
    fs.readFile(a, 'utf8'),
    fs.readFile(b, 'utf8'),
  ]);
  return first + second;
}

module.exports = { readBoth };
