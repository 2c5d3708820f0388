'use strict';
const fs = require('fs');
const { gzipSync } = require('zlib');

async function archive(file) {
  const data = fs.readFileSync(file);
  fs.writeFileSync(file + '.gz', gzipSync(data));
}

module.exports = { archive };
