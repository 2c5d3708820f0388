'use strict';
const fs = require('fs');
const zlib = require('zlib');
const { pipeline } = require('stream/promises');

async function pack(src, dst, log) {
  const onError = (err) => log(`pack failed: ${err.message}`);
  const input = fs.createReadStream(src);
  const output = fs.createWriteStream(dst);
  try {
    await pipeline(input, zlib.createGzip(), output);
  } catch (err) {
    onError(err);
  }
}

module.exports = { pack };
