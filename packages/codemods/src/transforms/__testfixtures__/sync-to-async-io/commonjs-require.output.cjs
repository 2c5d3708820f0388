'use strict';
const fs = require('fs');
const { gzipSync, gzip } = require('zlib');
const { promisify } = require('util');

async function archive(file) {
  const data = await fs.promises.readFile(file);
  await fs.promises.writeFile(file + '.gz', await promisify(gzip)(data));
}

module.exports = { archive };
