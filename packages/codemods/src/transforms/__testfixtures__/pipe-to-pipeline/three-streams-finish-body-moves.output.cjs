'use strict';
const fs = require('fs');
const zlib = require('zlib');
const { pipeline } = require('stream/promises');

async function compress(src, dst) {
  await pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(dst));
  console.log(`compressed ${src}`);
}

module.exports = { compress };
