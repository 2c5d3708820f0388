'use strict';
const fs = require('fs');
const zlib = require('zlib');

async function pack(src, dst, log) {
  const onError = (err) => log(`pack failed: ${err.message}`);
  const input = fs.createReadStream(src);
  const output = fs.createWriteStream(dst);
  input.on('error', onError);
  output.on('error', onError);
  input.pipe(zlib.createGzip()).pipe(output);
}

module.exports = { pack };
