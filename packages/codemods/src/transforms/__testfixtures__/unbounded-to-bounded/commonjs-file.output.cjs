const { readFile } = require('node:fs/promises');
const { boundedMap } = require('../../../lib/asyncwise-limit.cjs');

async function readAll(files) {
  return boundedMap(files, 8, async (file) => readFile(file, 'utf8'));
}

module.exports = { readAll };
